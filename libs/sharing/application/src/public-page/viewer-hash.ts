import { createHmac, hash } from 'node:crypto';

const DAY_MS = 86_400_000;

/**
 * A visitor hash for unique counts that cannot follow anyone: the salt changes every UTC day and is derived
 * from a server secret, so hashes of different days cannot be linked and the IP cannot be recovered.
 */
export class ViewerHasher {
  private day = Number.NaN;
  private salt = '';

  constructor(private readonly secret: string) {}

  hash(clientAddress: string, userAgent: string, now: Date): string {
    // Compared as a day number: it runs on every page view.
    const day = Math.floor(now.getTime() / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.salt = createHmac('sha256', this.secret).update(now.toISOString().slice(0, 10)).digest('hex');
    }
    return hash('sha256', `${this.salt}|${clientAddress}|${userAgent}`, 'hex');
  }
}
