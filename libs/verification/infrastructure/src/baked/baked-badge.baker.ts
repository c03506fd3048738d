import { deflateSync } from 'node:zlib';
import encodeChunks from 'png-chunks-encode';
import extractChunks from 'png-chunks-extract';
import { PNG_CREDENTIAL_KEYWORD } from './baked-badge.reader';

/** A 1×1 transparent PNG: the image a credential is baked into when no badge image is given. */
const BLANK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Bakes a credential (compact JWS or JSON) into a PNG as an `openbadgecredential` iTXt chunk before IEND,
 * replacing one already there (OB 3.0 §5.3.1).
 */
export function bakeIntoPng(credential: string, png: Uint8Array = BLANK_PNG, options: { compress?: boolean } = {}) {
  const text = options.compress ? deflateSync(Buffer.from(credential, 'utf8')) : Buffer.from(credential, 'utf8');
  const header = Buffer.concat([
    Buffer.from(PNG_CREDENTIAL_KEYWORD, 'latin1'),
    Buffer.from([0, options.compress ? 1 : 0, 0, 0, 0]),
  ]);
  const chunk = { name: 'iTXt', data: new Uint8Array(Buffer.concat([header, text])) };
  const chunks = extractChunks(png).filter(
    (c) => !(c.name === 'iTXt' && Buffer.from(c.data).toString('latin1').startsWith(`${PNG_CREDENTIAL_KEYWORD}\0`)),
  );
  chunks.splice(chunks.length - 1, 0, chunk);
  return Buffer.from(encodeChunks(chunks));
}

/** Bakes a credential into an SVG as `<openbadges:credential>` with the credential in CDATA (OB 3.0 §5.3.2). */
export function bakeIntoSvg(credential: string): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" ',
    'width="64" height="64" viewBox="0 0 64 64">',
    `<openbadges:credential><![CDATA[${credential}]]></openbadges:credential>`,
    '<circle cx="32" cy="32" r="30" fill="#1f6feb"/></svg>',
  ].join('');
}
