const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const INDEX = new Map([...ALPHABET].map((character, index) => [character, BigInt(index)]));

/** Decodes base58btc (Bitcoin alphabet); undefined when a character is outside it. */
export function decodeBase58btc(text: string): Uint8Array | undefined {
  let value = 0n;
  for (const character of text) {
    const digit = INDEX.get(character);
    if (digit === undefined) return undefined;
    value = value * 58n + digit;
  }
  const hex = value === 0n ? '' : value.toString(16);
  const body = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  const leadingZeros = text.length - text.replace(/^1+/, '').length;
  return Uint8Array.from([...new Uint8Array(leadingZeros), ...body]);
}
