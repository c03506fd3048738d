/** What delivery needs from `credential.issued.v1` (libs/contracts). */
export interface CredentialIssued {
  credentialId: string;
  tenantId: string;
  recipientKey: string;
  recipientEmail: string | null;
  recipientName: string | null;
  jwt: string;
}
