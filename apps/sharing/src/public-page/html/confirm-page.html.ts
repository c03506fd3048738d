import { escapeHtml } from './html-escape';
import { PAGE_STYLES } from './page-styles';

export interface ConfirmPage {
  title: string;
  text: string;
  action: string;
  button: string;
  fields: Record<string, string>;
}

/** A page with one button that POSTs the link's token: following a link never uses it up by itself. */
export function confirmPage(page: ConfirmPage): string {
  const inputs = Object.entries(page.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(page.title)}</title><style>${PAGE_STYLES}</style></head>
<body><main><div class="card"><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.text)}</p>
<form method="post" action="${escapeHtml(page.action)}">${inputs}<button type="submit">${escapeHtml(page.button)}</button></form>
</div></main></body></html>`;
}
