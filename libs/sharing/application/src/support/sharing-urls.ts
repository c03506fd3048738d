/** Public URLs of the sharing service, from its public base URL (e.g. https://share.credstream.example). */
export class SharingUrls {
  private readonly base: string;

  constructor(publicBaseUrl: string) {
    this.base = publicBaseUrl.replace(/\/+$/, '');
  }

  credentialPage = (credentialId: string) => `${this.base}/c/${credentialId}`;
  sharePage = (shareId: string) => `${this.base}/s/${shareId}`;
  embedPage = (shareId: string) => `${this.base}/s/${shareId}/embed`;
  claimPage = (credentialId: string, token: string) =>
    `${this.base}/claim?credential=${encodeURIComponent(credentialId)}&token=${encodeURIComponent(token)}`;
  signInPage = (token: string) => `${this.base}/sign-in?token=${encodeURIComponent(token)}`;
  wallet = () => `${this.base}/wallet`;
}
