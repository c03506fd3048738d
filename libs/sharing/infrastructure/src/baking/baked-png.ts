import { deflateSync } from 'node:zlib';
import encodeChunks from 'png-chunks-encode';
import extractChunks from 'png-chunks-extract';

/** The iTXt keyword OB 3.0 bakes a credential under. */
export const OPEN_BADGE_PNG_KEYWORD = 'openbadgecredential';

type Chunk = { name: string; data: Uint8Array };

/**
 * OB 3.0 PNG baking: one uncompressed iTXt chunk, keyword `openbadgecredential`, text = the VC-JWT, placed
 * before IEND; an earlier baked credential is replaced. Chunk parsing and CRCs come from png-chunks-*.
 */
export function bakePng(png: Buffer, jwt: string): Buffer {
  const chunks = readChunks(png).filter((chunk) => !isBakedCredential(chunk));
  const end = chunks.findIndex((chunk) => chunk.name === 'IEND');
  chunks.splice(end < 0 ? chunks.length : end, 0, { name: 'iTXt', data: iTxtData(OPEN_BADGE_PNG_KEYWORD, jwt) });
  return Buffer.from(encodeChunks(chunks));
}

/** The credential baked into a PNG, or null; throws when the bytes are not a well-formed PNG. */
export function extractPng(png: Buffer): string | null {
  for (const chunk of readChunks(png)) {
    if (chunk.name !== 'iTXt') continue;
    const parsed = parseITxt(Buffer.from(chunk.data));
    if (parsed && parsed.keyword === OPEN_BADGE_PNG_KEYWORD) return parsed.text;
  }
  return null;
}

/** A plain square PNG in one colour, for credentials without an image of their own. */
export function solidPng(size: number, rgb: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set(rgb, 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.from(
    encodeChunks([
      { name: 'IHDR', data: header },
      { name: 'IDAT', data: deflateSync(pixels) },
      { name: 'IEND', data: new Uint8Array(0) },
    ]),
  );
}

function readChunks(png: Buffer): Chunk[] {
  try {
    return extractChunks(png);
  } catch (error) {
    throw new NotAPngError(error instanceof Error ? error.message : String(error));
  }
}

export class NotAPngError extends Error {
  constructor(reason: string) {
    super(`not a PNG image: ${reason}`);
    this.name = 'NotAPngError';
  }
}

function isBakedCredential(chunk: Chunk): boolean {
  return chunk.name === 'iTXt' && parseITxt(Buffer.from(chunk.data))?.keyword === OPEN_BADGE_PNG_KEYWORD;
}

// iTXt: keyword NUL, compression flag (0), compression method (0), language tag NUL, translated keyword NUL, text.
function iTxtData(keyword: string, text: string): Buffer {
  return Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]);
}

function parseITxt(data: Buffer): { keyword: string; text: string } | null {
  const keywordEnd = data.indexOf(0);
  if (keywordEnd < 0 || keywordEnd + 2 >= data.length) return null;
  const compressed = data[keywordEnd + 1] === 1;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  if (languageEnd < 0) return null;
  const translatedEnd = data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return null;
  if (compressed) return null; // OB 3.0 requires the credential uncompressed
  return {
    keyword: data.subarray(0, keywordEnd).toString('latin1'),
    text: data.subarray(translatedEnd + 1).toString('utf8'),
  };
}
