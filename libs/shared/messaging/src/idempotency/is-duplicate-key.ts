/** MongoDB's E11000: here, an upsert whose guard did not match collided with the existing document. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
