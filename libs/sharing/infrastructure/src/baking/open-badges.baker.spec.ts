import extractChunks from 'png-chunks-extract';
import { bakePng, extractPng, NotAPngError, OPEN_BADGE_PNG_KEYWORD, solidPng } from './baked-png';
import { bakeSvg, defaultBadgeSvg, extractSvg, NotAnSvgError } from './baked-svg';

const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJkaWQ6a2V5Ono2In0.c2lnbmF0dXJl';

describe('baked PNG', () => {
  it('carries the JWT in one uncompressed iTXt chunk before IEND, and gives it back', () => {
    const baked = bakePng(solidPng(8, [1, 2, 3]), jwt);
    const chunks = extractChunks(baked);
    const itxt = chunks.filter((chunk) => chunk.name === 'iTXt');
    expect(itxt).toHaveLength(1);
    expect(chunks.at(-2)?.name).toBe('iTXt');
    expect(chunks.at(-1)?.name).toBe('IEND');
    const data = Buffer.from(itxt[0].data);
    expect(data.subarray(0, OPEN_BADGE_PNG_KEYWORD.length).toString('latin1')).toBe(OPEN_BADGE_PNG_KEYWORD);
    expect(data[OPEN_BADGE_PNG_KEYWORD.length + 1]).toBe(0); // compression flag: uncompressed
    expect(extractPng(baked)).toBe(jwt);
  });

  it('replaces an earlier baked credential instead of adding a second', () => {
    const twice = bakePng(bakePng(solidPng(8, [1, 2, 3]), 'old.jwt.value'), jwt);
    expect(extractChunks(twice).filter((chunk) => chunk.name === 'iTXt')).toHaveLength(1);
    expect(extractPng(twice)).toBe(jwt);
  });

  it('finds nothing in a plain PNG and refuses bytes that are not a PNG or fail their CRC', () => {
    expect(extractPng(solidPng(4, [0, 0, 0]))).toBeNull();
    expect(() => extractPng(Buffer.from('GIF89a'))).toThrow(NotAPngError);
    const corrupt = bakePng(solidPng(4, [0, 0, 0]), jwt);
    corrupt[corrupt.length - 20] ^= 0xff;
    expect(() => extractPng(corrupt)).toThrow(NotAPngError);
  });
});

describe('baked SVG', () => {
  it('puts <openbadges:credential> first in the root, declares the namespace, and gives the JWT back', () => {
    const baked = bakeSvg(defaultBadgeSvg('Data <Analysis>'), jwt);
    expect(baked).toMatch(
      /^<svg xmlns:openbadges="https:\/\/purl\.imsglobal\.org\/ob\/v3p0" [^>]*><openbadges:credential>/,
    );
    expect(extractSvg(baked)).toBe(jwt);
    expect(extractSvg(bakeSvg(baked, 'new.jwt.value'))).toBe('new.jwt.value');
    expect(bakeSvg(baked, 'x.y.z').match(/openbadges:credential>/g)).toHaveLength(2);
  });

  it('reads CDATA content and refuses text without an <svg> root', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential><![CDATA[${jwt}]]></openbadges:credential></svg>`;
    expect(extractSvg(svg)).toBe(jwt);
    expect(extractSvg(defaultBadgeSvg('x'))).toBeNull();
    expect(() => extractSvg('hello')).toThrow(NotAnSvgError);
  });
});
