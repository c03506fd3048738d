export const SHARE_CHANNEL_NAMES = ['linkedin', 'x', 'facebook', 'email', 'embed', 'direct'] as const;
export type ShareChannel = (typeof SHARE_CHANNEL_NAMES)[number];

export const isShareChannel = (value: unknown): value is ShareChannel =>
  typeof value === 'string' && (SHARE_CHANNEL_NAMES as readonly string[]).includes(value);
