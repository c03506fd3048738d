/** The local SMTP catcher's inbox (MailDev's REST API), where the demo's recipients read their mail. */
interface MailDevEmail {
  to: { address: string }[];
  text?: string;
  html?: string;
}

export interface ClaimLink {
  credentialId: string;
  token: string;
}

const CLAIM_LINK = /\/claim\?credential=([0-9a-f-]{36})&(?:amp;)?token=([A-Za-z0-9_%.-]+)/i;

export class MailInbox {
  constructor(private readonly baseUrl: string) {}

  /** Claim links found in the inbox, by credential id (the messages stay, for the demo's inbox page). */
  async claimLinks(): Promise<Map<string, ClaimLink>> {
    const response = await fetch(`${this.baseUrl}/api/email`);
    if (!response.ok) throw new Error(`mail inbox ${this.baseUrl}: HTTP ${response.status}`);
    const emails = (await response.json()) as MailDevEmail[];
    const links = new Map<string, ClaimLink>();
    for (const email of emails) {
      const match = CLAIM_LINK.exec(email.text ?? '') ?? CLAIM_LINK.exec(email.html ?? '');
      if (!match) continue;
      const credentialId = (match[1] as string).toLowerCase();
      links.set(credentialId, { credentialId, token: decodeURIComponent(match[2] as string) });
    }
    return links;
  }
}
