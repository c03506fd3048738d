const OB_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
const ROOT_TAG = /<svg\b[^>]*>/i;
const BAKED = /<openbadges:credential\b[^>]*?(?:\/>|>([\s\S]*?)<\/openbadges:credential>)/i;

/**
 * OB 3.0 SVG baking: an `<openbadges:credential>` element, first child of the root `<svg>` (which declares the
 * `openbadges` namespace), holding the VC-JWT as text. An earlier baked credential is replaced.
 */
export function bakeSvg(svg: string, jwt: string): string {
  const withoutOld = svg.replace(BAKED, '');
  const root = ROOT_TAG.exec(withoutOld);
  if (!root) throw new NotAnSvgError();
  const openTag = /xmlns:openbadges=/.test(root[0])
    ? root[0]
    : root[0].replace(/^<svg\b/i, `<svg xmlns:openbadges="${OB_NAMESPACE}"`);
  const element = `<openbadges:credential>${jwt}</openbadges:credential>`;
  const at = root.index;
  return withoutOld.slice(0, at) + openTag + element + withoutOld.slice(at + root[0].length);
}

/** The credential baked into an SVG, or null; throws when the text has no `<svg>` root. */
export function extractSvg(svg: string): string | null {
  if (!ROOT_TAG.test(svg)) throw new NotAnSvgError();
  const match = BAKED.exec(svg);
  if (!match || match[1] === undefined) return null;
  const text = match[1].trim();
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(text);
  return cdata ? cdata[1].trim() : text;
}

export class NotAnSvgError extends Error {
  constructor() {
    super('not an SVG image: no <svg> root element');
    this.name = 'NotAnSvgError';
  }
}

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A simple round badge with the achievement's name, for credentials without an SVG image. */
export function defaultBadgeSvg(title: string): string {
  const label = escapeXml(title.length > 28 ? `${title.slice(0, 27)}…` : title);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img" aria-label="${label}">` +
    `<title>${label}</title>` +
    `<circle cx="128" cy="128" r="120" fill="#1f4e8c"/><circle cx="128" cy="128" r="100" fill="none" stroke="#f2c14e" stroke-width="8"/>` +
    `<text x="128" y="136" font-family="sans-serif" font-size="16" fill="#ffffff" text-anchor="middle">${label}</text>` +
    `</svg>`
  );
}
