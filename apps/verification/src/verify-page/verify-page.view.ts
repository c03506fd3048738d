import type { VerifyCredentialResult } from '@credstream/verification/application';
import type { CheckName, CheckResult } from '@credstream/verification/domain';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const CHECK_LABELS: Record<CheckName, string> = {
  structure: 'The credential can be read',
  algorithm: 'It is signed with an allowed algorithm',
  key: "The issuer's signing key was found",
  signature: 'The signature is genuine',
  claims: 'The token says what the credential says',
  schema: 'It follows the Open Badges 3.0 format',
  validity: 'It is within its validity period',
  status: 'The issuer has not revoked or suspended it',
  issuer: 'The issuer is registered with credstream',
  recipient: 'It was issued to the person you named',
};

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="stylesheet" href="/verify/assets/verify.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** The form: paste a JWT or drop a baked badge, optionally the recipient's email. */
export function renderVerifyForm(error?: string): string {
  return layout(
    'Verify a credential — credstream',
    `<h1>Verify a credential</h1>
<p class="lead">Check an Open Badges 3.0 credential: paste its token, or drop the badge image it was baked into.
Nothing is stored but the fact that a verification happened.</p>
${error ? `<p class="error" role="alert" id="form-error">${escape(error)}</p>` : ''}
<form method="post" action="/verify/page" enctype="multipart/form-data">
<label for="credential">Credential token <span class="hint">A VC-JWT (eyJ…) or an enveloped credential in JSON</span></label>
<textarea id="credential" name="credential" spellcheck="false" autocomplete="off"${error ? ' aria-describedby="form-error"' : ''}></textarea>
<label for="file">…or a baked badge image <span class="hint">PNG or SVG, drop it here or choose a file</span></label>
<input type="file" id="file" name="file" accept="image/png,image/svg+xml,.jwt,.txt">
<label for="recipientEmail">Recipient's email (optional) <span class="hint">To check the credential was issued to them</span></label>
<input type="email" id="recipientEmail" name="recipientEmail" autocomplete="off">
<button type="submit">Verify</button>
</form>`,
  );
}

interface Displayed {
  name?: string;
  description?: string;
  issuerName?: string;
  issuerId?: string;
  skills: string[];
  validFrom?: string;
  validUntil?: string;
}

/** What the credential says about itself, read defensively (it may be anything). */
function displayed(credential: Record<string, unknown> | undefined): Displayed {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  const object = (value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const subject = object(
    Array.isArray(credential?.['credentialSubject'])
      ? credential?.['credentialSubject'][0]
      : credential?.['credentialSubject'],
  );
  const achievement = object(subject['achievement']);
  const issuer = credential?.['issuer'];
  const alignments = Array.isArray(achievement['alignment']) ? achievement['alignment'] : [];
  const tags = Array.isArray(achievement['tag']) ? achievement['tag'] : [];
  const skills = [
    ...alignments.map((alignment) => text(object(alignment)['targetName'])),
    ...tags.map((tag) => text(tag)),
  ].filter((skill): skill is string => skill !== undefined);
  return {
    name: text(achievement['name']) ?? text(credential?.['name']),
    description: text(achievement['description']) ?? text(credential?.['description']),
    issuerName: text(object(issuer)['name']),
    issuerId: typeof issuer === 'string' ? issuer : text(object(issuer)['id']),
    skills: [...new Set(skills)].slice(0, 30),
    validFrom: text(credential?.['validFrom'] ?? credential?.['issuanceDate']),
    validUntil: text(credential?.['validUntil'] ?? credential?.['expirationDate']),
  };
}

function outcomeWord(check: CheckResult): { word: string; css: string } {
  if (check.status === 'passed') return { word: 'Passed', css: 'passed' };
  if (check.status === 'skipped') return { word: 'Not checked', css: 'skipped' };
  return check.required ? { word: 'Failed', css: 'failed' } : { word: 'Warning', css: 'warning' };
}

/** The outcome in plain words: the badge, issuer, achievement, skills, and every check. */
export function renderVerifyResult(outcome: VerifyCredentialResult, imageDataUrl?: string): string {
  const { result } = outcome;
  const shown = displayed(outcome.credential);
  const title = result.verified ? 'Verified' : 'Not verified';
  const summary = result.verified
    ? 'This credential is genuine, unaltered and in force.'
    : `This credential did not pass verification: ${escape(result.problemDetails[0]?.title ?? 'a check failed')}.`;
  const details = outcome.credential
    ? `<section aria-labelledby="details-heading">
<h2 id="details-heading">What the credential says</h2>
<div class="badge">
<img src="${imageDataUrl ? escape(imageDataUrl) : '/verify/assets/badge.svg'}" alt="${escape(shown.name ? `Badge: ${shown.name}` : 'Badge')}">
<dl>
${shown.name ? `<dt>Achievement</dt><dd id="achievement-name">${escape(shown.name)}</dd>` : ''}
${shown.description ? `<dt>Description</dt><dd>${escape(shown.description)}</dd>` : ''}
<dt>Issuer</dt><dd id="issuer-name">${escape(outcome.issuer?.name ?? shown.issuerName ?? shown.issuerId ?? 'unknown')}${
        outcome.issuer ? ' (registered with credstream)' : ''
      }</dd>
${shown.issuerId ? `<dt>Issuer id</dt><dd>${escape(shown.issuerId)}</dd>` : ''}
${shown.validFrom ? `<dt>Valid from</dt><dd><time datetime="${escape(shown.validFrom)}">${escape(shown.validFrom.slice(0, 10))}</time></dd>` : ''}
${shown.validUntil ? `<dt>Valid until</dt><dd><time datetime="${escape(shown.validUntil)}">${escape(shown.validUntil.slice(0, 10))}</time></dd>` : ''}
${shown.skills.length > 0 ? `<dt>Skills</dt><dd><ul class="skills">${shown.skills.map((s) => `<li>${escape(s)}</li>`).join('')}</ul></dd>` : ''}
</dl>
</div>
${result.verified ? '' : '<p class="hint">These details come from the credential itself; do not rely on them, it is not verified.</p>'}
</section>`
    : '';
  const rows = result.checks
    .map((check) => {
      const { word, css } = outcomeWord(check);
      return `<tr data-check="${check.name}"><th scope="row">${escape(CHECK_LABELS[check.name])}</th><td class="${css}">${word}</td><td>${escape(check.message ?? '')}</td></tr>`;
    })
    .join('\n');
  return layout(
    `${title}: ${shown.name ?? 'credential'} — credstream`,
    `<h1>Verification result</h1>
<div class="outcome ${result.verified ? 'verified' : 'not-verified'}" role="status" id="outcome" data-verified="${result.verified}">
<strong>${title}</strong><span>${summary}</span>
</div>
${details}
<section aria-labelledby="checks-heading">
<h2 id="checks-heading">Every check</h2>
<table>
<thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Details</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>
<a class="button" href="/verify">Verify another credential</a>`,
  );
}
