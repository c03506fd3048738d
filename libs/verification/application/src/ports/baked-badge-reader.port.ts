import type { Failure } from '@credstream/verification/domain';

export type BakedImageType = 'image/png' | 'image/svg+xml';

export type UnbakedCredential = { ok: true; text: string } | { ok: false; failure: Failure };

/**
 * Takes the credential out of a baked badge image (OB 3.0 §Baking): the `openbadgecredential` iTXt chunk of a PNG,
 * or the `<openbadges:credential>` element of an SVG. What comes out is judged by the checks like any other input.
 */
export interface BakedBadgeReader {
  read(mediaType: BakedImageType, bytes: Uint8Array): UnbakedCredential;
}

export const BAKED_BADGE_READER = Symbol('BAKED_BADGE_READER');
