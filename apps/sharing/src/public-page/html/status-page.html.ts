import { escapeHtml } from './html-escape';
import { PAGE_STYLES } from './page-styles';

/** The 404 (unknown or private: the same page, so nothing leaks) and the 410 (erased) pages. */
export function statusPage(status: 404 | 410): string {
  const [title, text] =
    status === 404
      ? ['Credential not found', 'There is no public credential at this address.']
      : ['Credential removed', 'The owner of this credential removed it from credstream.'];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${PAGE_STYLES}</style></head>
<body><main><div class="card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></div></main></body></html>`;
}
