/** Browser script of the dashboards page (plain ES2017, no build step). Served at /dashboards/assets/dashboards.js. */
export const DASHBOARDS_SCRIPT = String.raw`
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var status = document.getElementById('status');
  var charts = [];
  var FILTERS = ['from', 'to', 'issuerId', 'achievementId', 'skill', 'cohort', 'granularity'];
  var COLORS = ['#2563eb', '#16a34a', '#f59e0b', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];

  form.apiKey.value = sessionStorage.getItem('credstream.analytics.key') || '';
  form.addEventListener('submit', function (event) { event.preventDefault(); load(); });
  if (form.apiKey.value) load();

  function query() {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) { if (form[name].value) params.set(name, form[name].value); });
    return params.toString();
  }

  function fetchInsight(name) {
    return fetch('/v1/insights/' + name + '?' + query(), { headers: { 'X-API-Key': form.apiKey.value } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body.detail || body.title || response.statusText);
          return body.tables;
        });
      });
  }

  function load() {
    sessionStorage.setItem('credstream.analytics.key', form.apiKey.value);
    status.textContent = 'loading...';
    status.className = '';
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
    var names = ['impact', 'funnel', 'reach', 'verifications', 'employability', 'skills', 'mobility', 'roi'];
    Promise.all(names.map(fetchInsight)).then(function (results) {
      names.forEach(function (name, index) { render(name, results[index]); });
      status.textContent = 'updated ' + new Date().toLocaleTimeString();
      document.body.setAttribute('data-loaded', 'true');
    }).catch(function (error) {
      status.textContent = error.message;
      status.className = 'error';
      document.body.setAttribute('data-loaded', 'error');
    });
  }

  function section(name) {
    var root = document.getElementById(name);
    root.querySelector('.charts').innerHTML = '';
    root.querySelector('.tables').innerHTML = '';
    return root;
  }

  function chart(root, id, type, labels, datasets, options) {
    var box = document.createElement('div');
    box.className = 'chart';
    var canvas = document.createElement('canvas');
    canvas.id = 'chart-' + id;
    box.appendChild(canvas);
    root.querySelector('.charts').appendChild(box);
    datasets.forEach(function (dataset, index) {
      dataset.backgroundColor = dataset.backgroundColor || (type === 'doughnut' ? COLORS : COLORS[index % COLORS.length]);
      dataset.borderColor = dataset.borderColor || COLORS[index % COLORS.length];
    });
    charts.push(new Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, options || {}),
    }));
  }

  function pluck(rows, key) { return rows.map(function (row) { return row[key]; }); }

  function table(root, title, rows) {
    var wrapper = document.createElement('div');
    var element = document.createElement('table');
    element.setAttribute('data-table', title);
    var caption = element.createCaption();
    caption.textContent = title + ' ';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'CSV';
    button.addEventListener('click', function () { download(title, rows); });
    caption.appendChild(button);
    var columns = rows.length ? Object.keys(rows[0]) : [];
    var head = element.createTHead().insertRow();
    columns.forEach(function (column) { var th = document.createElement('th'); th.textContent = column; head.appendChild(th); });
    var body = element.createTBody();
    rows.forEach(function (row) {
      var tr = body.insertRow();
      columns.forEach(function (column) { tr.insertCell().textContent = String(row[column]); });
    });
    wrapper.appendChild(element);
    root.querySelector('.tables').appendChild(wrapper);
  }

  function csv(rows) {
    if (!rows.length) return '';
    var columns = Object.keys(rows[0]);
    var cell = function (value) {
      var text = String(value === null || value === undefined ? '' : value);
      if (/^[=+\-@]/.test(text)) text = "'" + text;
      return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    };
    return [columns.join(',')].concat(rows.map(function (row) {
      return columns.map(function (column) { return cell(row[column]); }).join(',');
    })).join('\n') + '\n';
  }

  function download(title, rows) {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv(rows)], { type: 'text/csv' }));
    link.download = title + '.csv';
    link.click();
  }

  function tables(root, name, report) {
    Object.keys(report).forEach(function (key) { table(root, name + '-' + key, report[key]); });
  }

  function render(name, report) {
    var root = section(name);
    var renderers = { impact: impact, funnel: funnel, reach: reach, verifications: verifications,
      employability: employability, skills: skills, mobility: mobility, roi: roi };
    renderers[name](root, report);
    tables(root, name, report);
  }

  function impact(root, r) {
    chart(root, 'impact-period', 'line', pluck(r.byPeriod, 'period'), [
      { label: 'issued', data: pluck(r.byPeriod, 'issued') },
      { label: 'claimed', data: pluck(r.byPeriod, 'claimed') },
      { label: 'revoked', data: pluck(r.byPeriod, 'revoked') },
    ]);
    chart(root, 'impact-achievement', 'bar', pluck(r.byAchievement, 'achievement_name'), [
      { label: 'issued', data: pluck(r.byAchievement, 'issued') },
      { label: 'claimed', data: pluck(r.byAchievement, 'claimed') },
    ]);
  }

  function funnel(root, r) {
    chart(root, 'funnel', 'bar', pluck(r.steps, 'step'), [{ label: 'credentials', data: pluck(r.steps, 'count') }],
      { indexAxis: 'y' });
  }

  function reach(root, r) {
    chart(root, 'reach-channel', 'bar', pluck(r.byChannel, 'channel'), [
      { label: 'shares', data: pluck(r.byChannel, 'shares') },
      { label: 'views', data: pluck(r.byChannel, 'views') },
    ]);
    chart(root, 'reach-country', 'bar', pluck(r.byCountry, 'viewer_country'), [
      { label: 'views', data: pluck(r.byCountry, 'views') },
    ]);
  }

  function verifications(root, r) {
    var totals = r.totals[0] || { passed: 0, failed: 0 };
    chart(root, 'verifications-outcome', 'doughnut', ['passed', 'failed'], [{ label: 'verifications', data: [totals.passed, totals.failed] }]);
    chart(root, 'verifications-sector', 'bar', pluck(r.bySector, 'sector'), [
      { label: 'passed', data: pluck(r.bySector, 'passed') },
      { label: 'failed', data: pluck(r.bySector, 'failed') },
    ]);
  }

  function employability(root, r) {
    chart(root, 'employability-achievement', 'bar', pluck(r.byAchievement, 'achievement_name'), [
      { label: 'share with outcome in 90 days', data: pluck(r.byAchievement, 'share_90d') },
      { label: 'share with outcome in 180 days', data: pluck(r.byAchievement, 'share_180d') },
    ]);
  }

  function skills(root, r) {
    var totals = {};
    r.demand.forEach(function (row) { totals[row.skill] = (totals[row.skill] || 0) + row.verifications; });
    var names = Object.keys(totals).sort(function (a, b) { return totals[b] - totals[a]; }).slice(0, 15);
    chart(root, 'skills-demand', 'bar', names, [{ label: 'verifications', data: names.map(function (n) { return totals[n]; }) }],
      { indexAxis: 'y' });
  }

  function roi(root, r) {
    chart(root, 'roi-cost', 'bar', pluck(r.programmes, 'achievement_name'), [
      { label: 'cost per claimed credential', data: pluck(r.programmes, 'cost_per_claimed') },
      { label: 'cost per employment outcome', data: pluck(r.programmes, 'cost_per_outcome') },
    ]);
  }

  /** A two-column flow (Sankey) diagram in SVG: the home country on the left, destinations on the right. */
  function mobility(root, r) {
    var home = (r.home[0] && r.home[0].home_country) || 'home';
    var flows = r.countryFlows;
    var total = flows.reduce(function (sum, flow) { return sum + flow.flows; }, 0);
    var box = document.createElement('div');
    box.className = 'chart';
    box.id = 'mobility-sankey';
    root.querySelector('.charts').appendChild(box);
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 400 260');
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    box.appendChild(svg);
    var height = 220, y = 20, gap = 4;
    var scale = total ? (height - gap * flows.length) / total : 0;
    var sourceY = 20;
    var node = function (x, top, h, label, color) {
      var rect = document.createElementNS(ns, 'rect');
      rect.setAttribute('x', x); rect.setAttribute('y', top); rect.setAttribute('width', 12);
      rect.setAttribute('height', Math.max(1, h)); rect.setAttribute('fill', color);
      svg.appendChild(rect);
      var text = document.createElementNS(ns, 'text');
      text.setAttribute('x', x < 200 ? x - 4 : x + 16); text.setAttribute('y', top + h / 2 + 4);
      text.setAttribute('text-anchor', x < 200 ? 'end' : 'start'); text.setAttribute('font-size', '10');
      text.textContent = label;
      svg.appendChild(text);
    };
    node(80, sourceY, total * scale, home, '#1f2933');
    flows.forEach(function (flow, index) {
      var h = flow.flows * scale;
      var color = flow.kind === 'employment' ? '#16a34a' : '#2563eb';
      var path = document.createElementNS(ns, 'path');
      var x0 = 92, x1 = 300, s = sourceY + h / 2, t = y + h / 2;
      path.setAttribute('d', 'M' + x0 + ',' + s + ' C200,' + s + ' 200,' + t + ' ' + x1 + ',' + t);
      path.setAttribute('stroke', color); path.setAttribute('stroke-opacity', '0.4');
      path.setAttribute('stroke-width', Math.max(1, h)); path.setAttribute('fill', 'none');
      path.setAttribute('data-flow', flow.kind + ':' + flow.to_country + ':' + flow.flows);
      svg.appendChild(path);
      node(300, y, h, flow.to_country + ' (' + flow.kind + ', ' + flow.flows + ')', color);
      sourceY += h; y += h + gap;
      if (index === flows.length - 1 && !flows.length) return;
    });
    chart(root, 'mobility-sectors', 'bar', pluck(r.sectorTransitions, 'to_sector'), [
      { label: 'transitions', data: pluck(r.sectorTransitions, 'transitions') },
    ]);
  }
})();
`;
