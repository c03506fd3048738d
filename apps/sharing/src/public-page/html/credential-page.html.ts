import type { HeldCredential } from '@credstream/sharing/application';
import { linkedInAddToProfileUrl, linkedInFeedShareUrl, type CredentialDisplay } from '@credstream/sharing/domain';
import { escapeHtml, scriptJson } from './html-escape';
import { PAGE_STYLES } from './page-styles';

export interface CredentialPageInput {
  credential: HeldCredential;
  display: CredentialDisplay;
  revoked: boolean;
  suspended: boolean;
  expired: boolean;
  /** The URL this page is shared as (the share link, or the canonical page). */
  pageUrl: string;
  canonicalUrl: string;
  imageUrl: string;
  /** An image link previews can show (PNG). */
  previewImageUrl: string;
  verifyUrl: string;
  statusScriptUrl: string;
}

const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const time = (iso: string) => `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatDate(iso))}</time>`;
const safeUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);
const link = (url: string | null, text: string) => {
  const href = safeUrl(url);
  return href ? `<a href="${escapeHtml(href)}" rel="noopener">${escapeHtml(text)}</a>` : escapeHtml(text);
};

/** The public credential page: server-rendered, readable without JavaScript; the script only adds the live status. */
export function credentialPage(input: CredentialPageInput): string {
  const { display, credential } = input;
  const title = `${display.name} — ${display.issuer.name}`;
  const description = truncate(
    display.achievement.description ?? display.description ?? `A credential issued by ${display.issuer.name}.`,
    200,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(description)}">
<link rel="canonical" href="${escapeHtml(input.canonicalUrl)}">
<meta property="og:type" content="website"><meta property="og:site_name" content="credstream">
<meta property="og:title" content="${escapeHtml(title)}"><meta property="og:description" content="${escapeHtml(description)}">
<meta property="og:url" content="${escapeHtml(input.pageUrl)}"><meta property="og:image" content="${escapeHtml(input.previewImageUrl)}">
<meta property="og:image:alt" content="${escapeHtml(`Badge: ${display.achievement.name}`)}">
<meta name="twitter:card" content="summary"><meta name="twitter:title" content="${escapeHtml(title)}">
<meta name="twitter:description" content="${escapeHtml(description)}"><meta name="twitter:image" content="${escapeHtml(input.previewImageUrl)}">
${input.revoked ? '<meta name="robots" content="noindex">' : ''}
<script type="application/ld+json">${scriptJson(credential.credential)}</script>
<style>${PAGE_STYLES}</style></head>
<body><main id="main">
${banners(input)}
<article class="card" aria-labelledby="credential-name">
<div class="head"><img src="${escapeHtml(input.imageUrl)}" alt="${escapeHtml(`Badge: ${display.achievement.name}`)}" width="120" height="120">
<div><h1 id="credential-name">${escapeHtml(display.name)}</h1>
<p class="muted">Issued by ${link(display.issuer.url, display.issuer.name)}${credential.recipientName ? ` to <strong>${escapeHtml(credential.recipientName)}</strong>` : ''}</p>
<p><span id="credential-status" class="status" role="status" aria-live="polite" data-state="${knownStatus(input) ? 'failed' : 'checking'}">${knownStatus(input) ?? 'Checking status…'}</span></p></div></div>
${achievementSection(display)}
${skillsSection(display)}
${evidenceSection(display)}
<h2>Dates</h2><dl><dt>Issued</dt><dd>${time(display.awardedDate ?? display.validFrom)}</dd>
${display.validUntil ? `<dt>${input.expired ? 'Expired' : 'Valid until'}</dt><dd>${time(display.validUntil)}</dd>` : ''}
${credential.revokedAt ? `<dt>Revoked</dt><dd>${time(credential.revokedAt)}</dd>` : ''}</dl>
${input.revoked || input.suspended ? '' : shareSection(input)}
</article></main>
<script type="application/jwt" id="credential-jwt">${escapeHtml(credential.jwt ?? '')}</script>
<script src="${escapeHtml(input.statusScriptUrl)}" data-verify-url="${escapeHtml(input.verifyUrl)}" defer></script>
</body></html>`;
}

function banners(input: CredentialPageInput): string {
  const parts: string[] = [];
  if (input.revoked) {
    const reason = input.credential.revocationReason
      ? ` Reason: ${escapeHtml(input.credential.revocationReason)}.`
      : '';
    parts.push(
      `<div class="banner revoked" role="alert"><strong>This credential has been revoked</strong> by its issuer` +
        `${input.credential.revokedAt ? ` on ${time(input.credential.revokedAt)}` : ''}. It is no longer valid.${reason}</div>`,
    );
  }
  if (input.suspended) {
    const reason = input.credential.suspensionReason
      ? ` Reason: ${escapeHtml(input.credential.suspensionReason)}.`
      : '';
    parts.push(
      `<div class="banner suspended" role="alert"><strong>This credential is suspended</strong> by its issuer` +
        `${input.credential.suspendedAt ? ` since ${time(input.credential.suspendedAt)}` : ''}. It is not valid while suspended.${reason}</div>`,
    );
  }
  if (input.expired && input.display.validUntil) {
    parts.push(
      `<div class="banner expired" role="note">This credential expired on ${time(input.display.validUntil)}.</div>`,
    );
  }
  return parts.join('\n');
}

/** What the server already knows makes the credential invalid; the browser check then cannot say "verified". */
function knownStatus(input: CredentialPageInput): string | null {
  if (input.revoked) return 'Revoked';
  if (input.suspended) return 'Suspended';
  return null;
}

function achievementSection(display: CredentialDisplay): string {
  const { achievement } = display;
  return `<h2>About the achievement</h2><p><strong>${escapeHtml(achievement.name)}</strong>${
    achievement.achievementType ? ` <span class="muted">(${escapeHtml(achievement.achievementType)})</span>` : ''
  }</p>${achievement.description ? `<p>${escapeHtml(achievement.description)}</p>` : ''}${
    achievement.criteria ? `<h2>Criteria</h2><p>${escapeHtml(achievement.criteria)}</p>` : ''
  }`;
}

function skillsSection(display: CredentialDisplay): string {
  const { alignments, tags } = display.achievement;
  if (alignments.length === 0 && tags.length === 0) return '';
  const items = [
    ...alignments.map(
      (alignment) =>
        `<li>${link(alignment.targetUrl, alignment.targetName)}${
          alignment.targetFramework ? ` <span class="muted">(${escapeHtml(alignment.targetFramework)})</span>` : ''
        }</li>`,
    ),
    ...tags.map((tag) => `<li>${escapeHtml(tag)}</li>`),
  ];
  return `<h2>Skills and alignments</h2><ul>${items.join('')}</ul>`;
}

function evidenceSection(display: CredentialDisplay): string {
  if (display.evidence.length === 0) return '';
  const items = display.evidence.map((evidence) => {
    const name = evidence.name ?? evidence.url ?? 'Evidence';
    const text = evidence.narrative ?? evidence.description;
    return `<li>${link(evidence.url, name)}${text ? ` — ${escapeHtml(text)}` : ''}</li>`;
  });
  return `<h2>Evidence</h2><ul>${items.join('')}</ul>`;
}

function shareSection(input: CredentialPageInput): string {
  return `<nav class="share" aria-label="Share this credential">
<a id="linkedin-add-to-profile" href="${escapeHtml(linkedInAddToProfileUrl(input.display, input.pageUrl))}" rel="noopener">Add to LinkedIn profile</a>
<a id="linkedin-share" href="${escapeHtml(linkedInFeedShareUrl(input.pageUrl))}" rel="noopener">Share on LinkedIn</a></nav>`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
