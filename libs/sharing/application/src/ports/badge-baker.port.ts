export type BakedImageType = 'png' | 'svg';

/** Open Badges 3.0 baking: the VC-JWT inside a PNG (iTXt `openbadgecredential`) or an SVG (`<openbadges:credential>`). */
export interface BadgeBaker {
  bake(type: BakedImageType, image: Buffer, jwt: string): Buffer;
  /** The JWT baked into an image, or null when there is none. */
  extract(type: BakedImageType, image: Buffer): string | null;
  /** The image to bake into when a credential has no usable image of that type. */
  defaultImage(type: BakedImageType, title: string): Buffer;
}

export const BADGE_BAKER = Symbol('BADGE_BAKER');
