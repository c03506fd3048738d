import { createHash, createHmac } from 'node:crypto';

/**
 * A visitor hash for unique counts that cannot follow anyone: the salt changes every UTC day and is derived
 * from a server secret, so hashes of different days cannot be linked and the IP cannot be recovered.
 */
export class ViewerHasher {
  private day = '';
  private salt = '';

  constructor(private readonly secret: string) {}

  hash(clientAddress: string, userAgent: string, now: Date): string {
    const day = now.toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.salt = createHmac('sha256', this.secret).update(day).digest('hex');
    }
    return createHash('sha256').update(`${this.salt}|${clientAddress}|${userAgent}`).digest('hex');
  }
}
