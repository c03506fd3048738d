import { bakeIntoPng, bakeIntoSvg } from './baked-badge.baker';
import { ImageBakedBadgeReader } from './baked-badge.reader';

const JWS = 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJkaWQ6a2V5OnoifQ.c2ln';
const reader = new ImageBakedBadgeReader();
const outcome = (result: ReturnType<ImageBakedBadgeReader['read']>) => (result.ok ? result.text : result.failure.code);

describe('ImageBakedBadgeReader', () => {
  it('reads the openbadgecredential iTXt chunk of a PNG, plain or compressed', () => {
    expect(outcome(reader.read('image/png', bakeIntoPng(JWS)))).toBe(JWS);
    expect(outcome(reader.read('image/png', bakeIntoPng(JWS, undefined, { compress: true })))).toBe(JWS);
    const json = JSON.stringify({ type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${JWS}` });
    expect(outcome(reader.read('image/png', bakeIntoPng(json)))).toBe(json);
  });

  it('re-baking replaces the credential', () => {
    expect(outcome(reader.read('image/png', bakeIntoPng('second', bakeIntoPng(JWS))))).toBe('second');
  });

  it('names a PNG without a credential, and a broken or truncated one', () => {
    const baked = bakeIntoPng(JWS);
    const empty = new Uint8Array();
    expect(outcome(reader.read('image/png', empty))).toBe('JWT_MALFORMED');
    expect(outcome(reader.read('image/png', baked.subarray(0, baked.length - 20)))).toBe('JWT_MALFORMED');
    const corrupted = Buffer.from(baked);
    corrupted[40] ^= 0xff;
    expect(outcome(reader.read('image/png', corrupted))).toBe('JWT_MALFORMED');
    const withoutCredential = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    expect(outcome(reader.read('image/png', withoutCredential))).toBe('IMAGE_WITHOUT_CREDENTIAL');
  });

  it('reads <openbadges:credential> of an SVG: CDATA, escaped text or a verify attribute', () => {
    const svg = (inner: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${inner}<rect/></svg>`);
    expect(outcome(reader.read('image/svg+xml', Buffer.from(bakeIntoSvg(JWS))))).toBe(JWS);
    expect(
      outcome(reader.read('image/svg+xml', svg('<openbadges:credential>{&quot;a&quot;:1}</openbadges:credential>'))),
    ).toBe('{"a":1}');
    expect(outcome(reader.read('image/svg+xml', svg(`<openbadges:credential verify="${JWS}"/>`)))).toBe(JWS);
    expect(outcome(reader.read('image/svg+xml', svg('<openbadges:credential></openbadges:credential>')))).toBe(
      'IMAGE_WITHOUT_CREDENTIAL',
    );
    expect(outcome(reader.read('image/svg+xml', svg('<circle/>')))).toBe('IMAGE_WITHOUT_CREDENTIAL');
  });
});
