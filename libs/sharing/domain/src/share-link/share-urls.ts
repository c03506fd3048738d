import type { CredentialDisplay } from '../credential-view/credential-display';
import type { ShareChannel } from './share-channel';

const LINKEDIN_ADD_TO_PROFILE = 'https://www.linkedin.com/profile/add';
const LINKEDIN_FEED_SHARE = 'https://www.linkedin.com/sharing/share-offsite/';

const query = (params: Record<string, string | number>) =>
  Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');

/**
 * LinkedIn "Add to profile" (certification): name, organisation, issue year/month, certificate URL and id;
 * the expiry when the credential has one.
 */
export function linkedInAddToProfileUrl(display: CredentialDisplay, certUrl: string): string {
  const issued = new Date(display.awardedDate ?? display.validFrom);
  const params: Record<string, string | number> = {
    startTask: 'CERTIFICATION_NAME',
    name: display.achievement.name,
    organizationName: display.issuer.name,
    issueYear: issued.getUTCFullYear(),
    issueMonth: issued.getUTCMonth() + 1,
    certUrl,
    certId: display.credentialId,
  };
  if (display.validUntil) {
    const expires = new Date(display.validUntil);
    params['expirationYear'] = expires.getUTCFullYear();
    params['expirationMonth'] = expires.getUTCMonth() + 1;
  }
  return `${LINKEDIN_ADD_TO_PROFILE}?${query(params)}`;
}

export const linkedInFeedShareUrl = (url: string) => `${LINKEDIN_FEED_SHARE}?${query({ url })}`;

/** The embeddable widget: an iframe of the credential's embed page. */
export const embedSnippet = (embedUrl: string, title: string) =>
  `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" width="360" height="200" ` +
  `style="border:0" loading="lazy"></iframe>`;

/** Where a share on a channel sends people: the channel's own share dialog, or the link itself. */
export function channelShareUrl(channel: ShareChannel, shareUrl: string, display: CredentialDisplay): string {
  const text = `${display.achievement.name} — ${display.issuer.name}`;
  switch (channel) {
    case 'linkedin':
      return linkedInFeedShareUrl(shareUrl);
    case 'x':
      return `https://twitter.com/intent/tweet?${query({ url: shareUrl, text })}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?${query({ u: shareUrl })}`;
    case 'email':
      return `mailto:?${query({ subject: text, body: shareUrl })}`;
    case 'embed':
    case 'direct':
      return shareUrl;
    default: {
      const unknown: never = channel;
      throw new Error(`unknown channel ${String(unknown)}`);
    }
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
