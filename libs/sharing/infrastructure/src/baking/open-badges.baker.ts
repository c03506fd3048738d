import type { BadgeBaker, BakedImageType } from '@credstream/sharing/application';
import { bakePng, extractPng, solidPng } from './baked-png';
import { bakeSvg, defaultBadgeSvg, extractSvg } from './baked-svg';

const DEFAULT_PNG = solidPng(128, [31, 78, 140]);

export class OpenBadgesBaker implements BadgeBaker {
  bake(type: BakedImageType, image: Buffer, jwt: string): Buffer {
    return type === 'png' ? bakePng(image, jwt) : Buffer.from(bakeSvg(image.toString('utf8'), jwt), 'utf8');
  }

  extract(type: BakedImageType, image: Buffer): string | null {
    return type === 'png' ? extractPng(image) : extractSvg(image.toString('utf8'));
  }

  defaultImage(type: BakedImageType, title: string): Buffer {
    return type === 'png' ? DEFAULT_PNG : Buffer.from(defaultBadgeSvg(title), 'utf8');
  }
}
