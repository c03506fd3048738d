/**
 * The dashboards page: a server-rendered shell; the script fetches the insights with the API key the user
 * types (kept in sessionStorage only) and draws them with chart.js, served from node_modules (no CDN).
 */
export const DASHBOARD_SECTIONS = [
  { id: 'impact', title: 'Impact' },
  { id: 'funnel', title: 'Engagement funnel' },
  { id: 'reach', title: 'Viral reach' },
  { id: 'verifications', title: 'Verifications' },
  { id: 'employability', title: 'Employability' },
  { id: 'skills', title: 'Skills demand' },
  { id: 'mobility', title: 'Mobility' },
  { id: 'roi', title: 'ROI' },
] as const;

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function dashboardsPage(assetBase: string): string {
  const sections = DASHBOARD_SECTIONS.map(
    (section) => `
    <section id="${section.id}" class="insight">
      <h2>${escapeHtml(section.title)}</h2>
      <div class="charts"></div>
      <div class="tables"></div>
    </section>`,
  ).join('');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>credstream analytics</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0 2rem 2rem; color: #1f2933; }
    header { position: sticky; top: 0; background: #fff; padding: 1rem 0; border-bottom: 1px solid #ddd; z-index: 1; }
    form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
    label { display: flex; flex-direction: column; font-size: .8rem; }
    .insight { margin-top: 2rem; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; }
    .chart { position: relative; height: 260px; }
    table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .85rem; }
    th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; }
    caption { text-align: left; font-weight: 600; }
    #status { margin-left: 1rem; font-size: .85rem; }
    .error { color: #b00020; }
  </style>
</head>
<body>
  <header>
    <h1>credstream analytics</h1>
    <form id="filters">
      <label>API key <input name="apiKey" type="password" autocomplete="off" required></label>
      <label>From <input name="from" type="date"></label>
      <label>To <input name="to" type="date"></label>
      <label>Issuer <input name="issuerId" placeholder="UUID"></label>
      <label>Achievement <input name="achievementId" placeholder="UUID"></label>
      <label>Skill <input name="skill"></label>
      <label>Cohort <input name="cohort"></label>
      <label>Period <select name="granularity"><option>month</option><option>week</option><option>day</option></select></label>
      <button type="submit">Show</button>
      <span id="status" role="status"></span>
    </form>
  </header>
  <main>${sections}
  </main>
  <script src="${assetBase}/chart.umd.min.js"></script>
  <script src="${assetBase}/dashboards.js"></script>
</body>
</html>`;
}
