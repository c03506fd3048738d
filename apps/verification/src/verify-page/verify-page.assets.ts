/** The page's own assets, served by this service (no CDN, no script): a stylesheet and a neutral badge. */
export const VERIFY_PAGE_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --ok: #0a6b2d; --bad: #a50e0e; --warn: #7a4b00; --accent: #0b4fb3; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
p.lead { color: var(--muted); margin-top: 0; }
label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
.hint { display: block; font-weight: 400; color: var(--muted); font-size: .9rem; }
textarea, input[type=email], input[type=file] { width: 100%; font: inherit; padding: .5rem; border: 2px solid var(--muted); border-radius: 4px; background: #fff; color: var(--ink); }
textarea { min-height: 8rem; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; }
input[type=file] { border-style: dashed; padding: 1rem; }
button, a.button { display: inline-block; margin-top: 1.25rem; font: inherit; font-weight: 600; padding: .6rem 1.2rem; border: 0; border-radius: 4px; background: var(--accent); color: #fff; text-decoration: none; cursor: pointer; }
:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.error { color: var(--bad); font-weight: 600; }
.outcome { display: flex; gap: 1rem; align-items: center; padding: 1rem; border: 2px solid; border-radius: 6px; margin: 1rem 0; }
.outcome.verified { border-color: var(--ok); color: var(--ok); }
.outcome.not-verified { border-color: var(--bad); color: var(--bad); }
.outcome strong { font-size: 1.3rem; }
.badge { display: flex; gap: 1rem; align-items: flex-start; }
.badge img { width: 96px; height: 96px; object-fit: contain; flex: none; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin-top: .5rem; table-layout: fixed; }
thead th:nth-child(1) { width: 40%; }
thead th:nth-child(2) { width: 16%; }
th, td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
td.passed { color: var(--ok); font-weight: 600; }
td.failed { color: var(--bad); font-weight: 600; }
td.warning { color: var(--warn); font-weight: 600; }
td.skipped { color: var(--muted); }
ul.skills { padding-left: 1.2rem; margin: .25rem 0; }
`;

export const BADGE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" role="img" aria-label="Badge">
<circle cx="48" cy="48" r="44" fill="#0b4fb3"/><circle cx="48" cy="48" r="34" fill="none" stroke="#fff" stroke-width="4"/>
<path d="M33 49l10 10 20-22" fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
