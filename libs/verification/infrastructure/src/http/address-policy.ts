import { isIP } from 'node:net';

/** Hosts that may be fetched over plain http, and resolve to loopback, when the development allowance is on. */
export const LOCALHOST_NAMES: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '::1']);

type Range4 = readonly [base: number, prefix: number];

const BLOCKED_V4: readonly Range4[] = [
  [ipv4('0.0.0.0'), 8], // "this network", unspecified
  [ipv4('10.0.0.0'), 8],
  [ipv4('100.64.0.0'), 10], // CGNAT
  [ipv4('127.0.0.0'), 8],
  [ipv4('169.254.0.0'), 16], // link-local, cloud metadata
  [ipv4('172.16.0.0'), 12],
  [ipv4('192.0.0.0'), 24],
  [ipv4('192.168.0.0'), 16],
  [ipv4('198.18.0.0'), 15],
  [ipv4('224.0.0.0'), 4], // multicast
  [ipv4('240.0.0.0'), 4], // reserved and broadcast
];

/** Whether an IP address (v4 or v6, IPv4-mapped included) must not be connected to from the server. */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return isBlockedV4(ipv4(bare));
  if (family !== 6) return true;
  const groups = ipv6Groups(bare);
  if (!groups) return true;
  const embeddedV4 = ((groups[6] ?? 0) << 16) + (groups[7] ?? 0);
  const upper = groups.slice(0, 6);
  // ::/96 holds the unspecified and loopback addresses and the deprecated IPv4-compatible form.
  if (upper.every((g) => g === 0)) return true;
  if (upper.slice(0, 5).every((g) => g === 0) && upper[5] === 0xffff) return isBlockedV4(embeddedV4 >>> 0);
  // NAT64 (64:ff9b::/96) reaches the embedded IPv4 address too.
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) {
    return isBlockedV4(embeddedV4 >>> 0);
  }
  const first = groups[0] ?? 0;
  return (
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xfe00) === 0xfc00 || // unique-local fc00::/7
    (first & 0xff00) === 0xff00 // multicast ff00::/8
  );
}

export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 4) return bare.startsWith('127.');
  const groups = isIP(bare) === 6 ? ipv6Groups(bare) : undefined;
  return !!groups && groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1;
}

function isBlockedV4(value: number): boolean {
  return BLOCKED_V4.some(([base, prefix]) => {
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    return (value & mask) >>> 0 === (base & mask) >>> 0;
  });
}

function ipv4(address: string): number {
  return address.split('.').reduce((acc, octet) => ((acc << 8) + Number(octet)) >>> 0, 0);
}

/** The eight 16-bit groups of an IPv6 address already validated by `isIP`. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = ipv4(dotted[1]);
    text = `${text.slice(0, -dotted[1].length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  return [...left, ...new Array<number>(missing).fill(0), ...right];
}
