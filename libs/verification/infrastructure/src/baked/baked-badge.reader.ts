import { inflateSync } from 'node:zlib';
import type { BakedBadgeReader, BakedImageType, UnbakedCredential } from '@credstream/verification/application';
import { MAX_TOKEN_LENGTH } from '@credstream/verification/domain';
import extractChunks from 'png-chunks-extract';

/** OB 3.0 §5.3 (Baking): the iTXt keyword of a baked PNG. */
export const PNG_CREDENTIAL_KEYWORD = 'openbadgecredential';

const SVG_ELEMENT = /<openbadges:credential\b([^>]*?)(?:\/>|>([\s\S]*?)<\/openbadges:credential\s*>)/i;
const CDATA = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/;
const VERIFY_ATTRIBUTE = /\bverify\s*=\s*("([^"]*)"|'([^']*)')/i;
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** {@link BakedBadgeReader} for PNG (png-chunks-extract) and SVG. Never throws: a broken image is a failure. */
export class ImageBakedBadgeReader implements BakedBadgeReader {
  read(mediaType: BakedImageType, bytes: Uint8Array): UnbakedCredential {
    return mediaType === 'image/png' ? readPng(bytes) : readSvg(Buffer.from(bytes).toString('utf8'));
  }
}

function readPng(bytes: Uint8Array): UnbakedCredential {
  let chunks: { name: string; data: Uint8Array }[];
  try {
    chunks = extractChunks(bytes);
  } catch (error) {
    return fail('JWT_MALFORMED', `the file is not a readable PNG: ${(error as Error).message}`);
  }
  for (const chunk of chunks) {
    if (chunk.name !== 'iTXt') continue;
    const text = readInternationalText(Buffer.from(chunk.data));
    if (text === undefined) return fail('JWT_MALFORMED', 'the openbadgecredential iTXt chunk cannot be read');
    if (text !== null) return found(text);
  }
  return fail('IMAGE_WITHOUT_CREDENTIAL', `the PNG has no iTXt chunk "${PNG_CREDENTIAL_KEYWORD}"`);
}

/**
 * An iTXt chunk (PNG §11.3.4.5): keyword NUL, compression flag, method, language NUL, translated keyword NUL, text.
 * Null for another keyword, undefined for a broken chunk.
 */
function readInternationalText(data: Buffer): string | null | undefined {
  const keywordEnd = data.indexOf(0);
  if (keywordEnd < 0) return undefined;
  if (data.subarray(0, keywordEnd).toString('latin1') !== PNG_CREDENTIAL_KEYWORD) return null;
  const compressed = data[keywordEnd + 1] === 1;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return undefined;
  const text = data.subarray(translatedEnd + 1);
  if (!compressed) return text.toString('utf8');
  try {
    // Bounded: a small compressed chunk must not inflate into gigabytes.
    return inflateSync(text, { maxOutputLength: MAX_TOKEN_LENGTH + 1 }).toString('utf8');
  } catch {
    return undefined;
  }
}

function readSvg(svg: string): UnbakedCredential {
  const element = SVG_ELEMENT.exec(svg);
  if (!element) return fail('IMAGE_WITHOUT_CREDENTIAL', 'the SVG has no <openbadges:credential> element');
  const [, attributes = '', content = ''] = element;
  const cdata = CDATA.exec(content);
  const body = cdata ? cdata[1] : decodeEntities(content);
  if (body.trim()) return found(body);
  const verify = VERIFY_ATTRIBUTE.exec(attributes);
  const attribute = verify ? decodeEntities(verify[2] ?? verify[3] ?? '') : '';
  return attribute.trim()
    ? found(attribute)
    : fail('IMAGE_WITHOUT_CREDENTIAL', 'the <openbadges:credential> element is empty');
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? '');
}

const found = (text: string): UnbakedCredential => ({ ok: true, text: text.trim() });

const fail = (code: 'JWT_MALFORMED' | 'IMAGE_WITHOUT_CREDENTIAL', message: string): UnbakedCredential => ({
  ok: false,
  failure: { code, message },
});
