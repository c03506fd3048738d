import type { DomainCommand } from '@credstream/event-sourcing';
import type { DownloadFormat, Visibility } from './recipient.events';

export type RecipientCommand =
  | DomainCommand<'register', { recipientId: string; recipientKey: string; now: string }>
  | DomainCommand<'add-claimed-credential', { credentialId: string; now: string }>
  | DomainCommand<'add-imported-credential', { credentialId: string; now: string }>
  | DomainCommand<'accept-credential', { credentialId: string }>
  | DomainCommand<'decline-credential', { credentialId: string }>
  | DomainCommand<'change-visibility', { credentialId: string; visibility: Visibility }>
  | DomainCommand<'record-download', { credentialId: string; format: DownloadFormat }>
  | DomainCommand<'erase', Record<string, never>>;
