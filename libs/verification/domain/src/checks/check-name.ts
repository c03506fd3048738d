/** Every check a verification reports, in the OB 3.0 verification order. */
export const CHECK_NAMES = [
  'structure',
  'algorithm',
  'key',
  'signature',
  'claims',
  'schema',
  'validity',
  'status',
  'issuer',
  'recipient',
] as const;

export type CheckName = (typeof CHECK_NAMES)[number];

/** A failure of one of these stops the verification: nothing after it can be trusted or even read. */
export const BLOCKING_CHECKS: ReadonlySet<CheckName> = new Set<CheckName>([
  'structure',
  'algorithm',
  'key',
  'signature',
]);
