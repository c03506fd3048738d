/** One small stylesheet, inlined: no extra request before the first paint. Colours meet WCAG AA contrast. */
export const PAGE_STYLES = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1b1b1f;background:#f5f6f8}
body{margin:0}main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}
.card{background:#fff;border-radius:12px;padding:1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.head{display:flex;gap:1.25rem;align-items:center;flex-wrap:wrap}.head img{width:120px;height:120px;object-fit:contain}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .4rem}
a{color:#0b4f9c}a:focus-visible,button:focus-visible{outline:3px solid #f2c14e;outline-offset:2px}
.banner{border-radius:8px;padding:.8rem 1rem;margin-bottom:1rem;font-weight:600}
.revoked{background:#fde8e8;color:#8a1111;border:2px solid #8a1111}.expired,.suspended{background:#fff4d6;color:#6b4a00;border:2px solid #6b4a00}
.status{display:inline-block;border-radius:999px;padding:.15rem .8rem;font-weight:600;background:#eceff3;color:#33363d}
.status[data-state=verified]{background:#e3f5e8;color:#0f5a26}.status[data-state=failed]{background:#fde8e8;color:#8a1111}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
.share{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1.5rem}.share a{border:1px solid #0b4f9c;border-radius:8px;padding:.4rem .8rem;text-decoration:none}
ul{padding-left:1.2rem}.muted{color:#4a4f57}
`;
