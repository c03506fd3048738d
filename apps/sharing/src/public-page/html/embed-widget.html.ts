import type { CredentialDisplay } from '@credstream/sharing/domain';
import { escapeHtml } from './html-escape';

/** The embeddable badge widget (shown in an iframe on other sites): badge, name, issuer, a link to the full page. */
export function embedWidget(
  display: CredentialDisplay,
  imageUrl: string,
  pageUrl: string,
  invalidLabel: string | null,
): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(display.name)}</title>
<style>body{margin:0;font-family:system-ui,sans-serif}a{display:flex;gap:.75rem;align-items:center;padding:.75rem;color:#1b1b1f;text-decoration:none;border:1px solid #d0d4da;border-radius:10px}
img{width:64px;height:64px}strong{display:block}.r{color:#8a1111;font-weight:600}</style></head>
<body><a href="${escapeHtml(pageUrl)}" target="_blank" rel="noopener"><img src="${escapeHtml(imageUrl)}" alt="${escapeHtml(`Badge: ${display.achievement.name}`)}">
<span><strong>${escapeHtml(display.name)}</strong>${escapeHtml(display.issuer.name)}${invalidLabel ? `<br><span class="r">${escapeHtml(invalidLabel)}</span>` : ''}</span></a></body></html>`;
}
