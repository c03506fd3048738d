import { ProblemException } from '@credstream/runtime';
import { bakeIntoPng, bakeIntoSvg } from '@credstream/verification/infrastructure';
import { uploadedCredentialInput } from './uploaded-credential';

const file = (bytes: Buffer) => ({ buffer: bytes, size: bytes.length });
const codeOf = (work: () => unknown) => {
  try {
    work();
    return 'none';
  } catch (error) {
    return error instanceof ProblemException ? `${error.getStatus()} ${error.code}` : String(error);
  }
};

describe('uploadedCredentialInput', () => {
  it('tells PNG, SVG and text apart by their bytes, whatever the client says', () => {
    expect(uploadedCredentialInput(file(bakeIntoPng('a.b.c')))).toMatchObject({
      kind: 'baked-image',
      mediaType: 'image/png',
    });
    expect(uploadedCredentialInput(file(Buffer.from(`<?xml version="1.0"?>${bakeIntoSvg('a.b.c')}`)))).toMatchObject({
      kind: 'baked-image',
      mediaType: 'image/svg+xml',
    });
    expect(uploadedCredentialInput(file(Buffer.from('eyJ.a.b\n')))).toEqual({ kind: 'text', text: 'eyJ.a.b\n' });
    expect(uploadedCredentialInput(undefined, 'eyJ.a.b')).toEqual({ kind: 'text', text: 'eyJ.a.b' });
  });

  it('refuses binary that is no image (415), a missing file (400) and an oversized text (413)', () => {
    expect(codeOf(() => uploadedCredentialInput(file(Buffer.from([0xff, 0xd8, 0xff, 0x00]))))).toBe(
      '415 IMAGE_TYPE_UNSUPPORTED',
    );
    expect(codeOf(() => uploadedCredentialInput(undefined))).toBe('400 VERIFY_REQUEST_INVALID');
    expect(codeOf(() => uploadedCredentialInput(file(Buffer.from('a'.repeat(300 * 1024)))))).toBe(
      '413 TOKEN_TOO_LARGE',
    );
  });
});
