// Statistics: number tiles and Chart.js charts of the catalogue (holdings per library, types,
// languages, publication years) and of harvest volumes per day.

import { api } from '../api.js';
import { h, clear, pageHead, panel, num } from '../dom.js';

const PALETTE = ['#2b6cb0', '#2f855a', '#c05621', '#6b46c1', '#b7791f', '#2c7a7b', '#9b2c2c', '#4a5568', '#b83280', '#718096',
  '#3182ce', '#38a169', '#dd6b20', '#805ad5', '#d69e2e'];
const STATUS_COLOURS = { accepted: '#2f855a', filtered: '#a0aec0', quarantined: '#dd6b20' };
const LANGUAGES = {
  chi: 'Chinese', zho: 'Chinese', eng: 'English', jpn: 'Japanese', kor: 'Korean', rus: 'Russian', ger: 'German', deu: 'German',
  fre: 'French', fra: 'French', spa: 'Spanish', ita: 'Italian', por: 'Portuguese', ara: 'Arabic', lat: 'Latin', dut: 'Dutch',
  nld: 'Dutch', swe: 'Swedish', pol: 'Polish', vie: 'Vietnamese', tha: 'Thai', mon: 'Mongolian', tib: 'Tibetan', bod: 'Tibetan',
  uig: 'Uyghur', mul: 'Multiple', und: 'Undetermined', zxx: 'No linguistic content', hin: 'Hindi', tur: 'Turkish', gre: 'Greek',
  ell: 'Greek', heb: 'Hebrew', per: 'Persian', fas: 'Persian', ind: 'Indonesian', may: 'Malay', msa: 'Malay', san: 'Sanskrit',
};

function tile(label, value, { hint, tone, id } = {}) {
  return h('div', { class: ['tile', tone && `tile-${tone}`], id, title: hint },
    h('div', { class: 'tile-value' }, value),
    h('div', { class: 'tile-label' }, label),
    hint ? h('div', { class: 'tile-hint' }, hint) : null);
}

function chartBox(id, height) {
  const canvas = h('canvas', { id, role: 'img' });
  return { canvas, box: h('div', { class: 'chart-box', style: { height: `${height}px` } }, canvas) };
}

function languageLabel(code) {
  const name = LANGUAGES[String(code).toLowerCase()];
  return name ? `${name} (${code})` : String(code);
}

export async function render(ctx) {
  ctx.setTitle('Statistics');
  const stats = await api.get('/admin/api/stats');
  const Chart = window.Chart;
  const charts = [];
  ctx.onCleanup(() => charts.forEach((c) => c.destroy()));

  const ratio = stats.dedupRatio === null || stats.dedupRatio === undefined ? '—' : Number(stats.dedupRatio).toFixed(2);
  const tiles = h('div', { id: 'stats-tiles', class: 'tiles stats-tiles' },
    tile('Master records', num(stats.masterRecords), { hint: stats.deletedMasters ? `${num(stats.deletedMasters)} deleted` : 'deduplicated catalogue' }),
    tile('Source records', num(stats.sourceRecords), { hint: 'as harvested from the libraries' }),
    tile('Accepted', num(stats.accepted), { tone: 'ok', hint: 'in the catalogue' }),
    tile('Filtered', num(stats.filtered), { hint: 'outside the HSS scope' }),
    tile('Quarantined', num(stats.quarantined), { tone: stats.quarantined ? 'warn' : null, hint: 'failed crosswalk or validation' }),
    tile('Dedup ratio', ratio, { hint: 'accepted source records per master record' }));

  const libraries = [...(stats.libraries || [])].sort((a, b) => b.holdings - a.holdings);
  const types = [...(stats.types || [])].sort((a, b) => b.count - a.count);
  const languages = [...(stats.languages || [])].sort((a, b) => b.count - a.count).slice(0, 15);
  const years = (stats.years || []).filter((y) => /^\d{3,4}$/.test(String(y.value).trim()))
    .map((y) => ({ year: Number(y.value), count: y.count })).sort((a, b) => a.year - b.year);
  const harvests = stats.harvests || [];

  const lib = chartBox('chart-libraries', Math.max(260, libraries.length * 34 + 50));
  const typ = chartBox('chart-types', 300);
  const lang = chartBox('chart-languages', Math.max(220, languages.length * 22 + 40));
  const yr = chartBox('chart-years', 300);
  const hv = chartBox('chart-harvests', 320);

  const yearMode = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Group years' },
    h('button', { type: 'button', dataset: { mode: 'decade' } }, 'Decades'),
    h('button', { type: 'button', dataset: { mode: 'year' } }, 'Years'));
  const harvestSources = [...new Set(harvests.map((x) => x.source))].sort();
  const harvestSource = h('select', { 'aria-label': 'Source' }, h('option', { value: '' }, 'All sources'),
    harvestSources.map((s) => h('option', { value: s }, s)));

  clear(ctx.main,
    pageHead('Statistics', { sub: 'The union catalogue and its harvests.' }),
    tiles,
    h('div', { class: 'chart-grid' },
      panel('Harvest volumes per day', { class: 'wide', actions: harvestSource }, harvests.length ? hv.box : [hv.box, h('p', { class: 'muted hint' }, 'No harvests in the period.')]),
      panel('Holdings per library', { class: 'tall' }, lib.box),
      h('div', { class: 'chart-column' },
        panel('Records per type', null, typ.box),
        panel('Languages (top 15)', null, lang.box)),
      panel('Publication years', { class: 'wide', actions: yearMode }, yr.box)));

  if (!Chart) throw new Error('The chart library (Chart.js) did not load; reload the page.');
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = '#52606d';
  Chart.defaults.borderColor = '#e4e7eb';
  Chart.defaults.animation = false;
  Chart.defaults.plugins.legend.labels.boxWidth = 12;
  const countAxis = { beginAtZero: true, ticks: { precision: 0, maxRotation: 0, autoSkipPadding: 12, callback: (v) => num(v) } };
  const tooltipNumber = { callbacks: { label: (item) => `${item.dataset.label ? `${item.dataset.label}: ` : ''}${num(item.raw)}` } };

  charts.push(new Chart(lib.canvas, {
    type: 'bar',
    data: {
      labels: libraries.map((l) => [l.name || l.code, l.nameZh].filter(Boolean)),
      datasets: [{ label: 'Holdings', data: libraries.map((l) => l.holdings), backgroundColor: '#2b6cb0', borderRadius: 2, maxBarThickness: 16 }],
    },
    options: {
      indexAxis: 'y', maintainAspectRatio: false,
      scales: { x: countAxis, y: { grid: { display: false }, ticks: { autoSkip: false } } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { title: (items) => { const l = libraries[items[0].dataIndex]; return `${l.name || l.code}${l.nameZh ? ` ${l.nameZh}` : ''} (${l.code})`; }, label: (i) => `${num(i.raw)} holdings` } } },
    },
  }));

  charts.push(new Chart(typ.canvas, {
    type: 'doughnut',
    data: {
      labels: types.map((t) => t.value),
      datasets: [{ data: types.map((t) => t.count), backgroundColor: types.map((_, i) => PALETTE[i % PALETTE.length]), borderWidth: 1, borderColor: '#fff' }],
    },
    options: {
      maintainAspectRatio: false, cutout: '58%',
      plugins: {
        legend: { position: 'right' },
        tooltip: { callbacks: { label: (i) => {
          const total = types.reduce((s, t) => s + t.count, 0);
          return `${i.label}: ${num(i.raw)} (${total ? ((100 * i.raw) / total).toFixed(1) : 0} %)`;
        } } },
      },
    },
  }));

  charts.push(new Chart(lang.canvas, {
    type: 'bar',
    data: {
      labels: languages.map((l) => languageLabel(l.value)),
      datasets: [{ label: 'Records', data: languages.map((l) => l.count), backgroundColor: '#2c7a7b', borderRadius: 2, maxBarThickness: 16 }],
    },
    options: { indexAxis: 'y', maintainAspectRatio: false, scales: { x: countAxis, y: { grid: { display: false }, ticks: { autoSkip: false } } }, plugins: { legend: { display: false }, tooltip: tooltipNumber } },
  }));

  function yearData(mode) {
    if (mode === 'year') return { labels: years.map((y) => String(y.year)), data: years.map((y) => y.count) };
    const decades = new Map();
    for (const y of years) {
      const d = Math.floor(y.year / 10) * 10;
      decades.set(d, (decades.get(d) || 0) + y.count);
    }
    const keys = [...decades.keys()].sort((a, b) => a - b);
    return { labels: keys.map((d) => `${d}s`), data: keys.map((d) => decades.get(d)) };
  }
  let mode = years.length > 40 ? 'decade' : 'year';
  const yd = yearData(mode);
  const yearChart = new Chart(yr.canvas, {
    type: 'bar',
    data: { labels: yd.labels, datasets: [{ label: 'Records', data: yd.data, backgroundColor: '#6b46c1', borderRadius: 2, maxBarThickness: 32 }] },
    options: { maintainAspectRatio: false, scales: { y: countAxis, x: { grid: { display: false } } }, plugins: { legend: { display: false }, tooltip: tooltipNumber } },
  });
  charts.push(yearChart);
  function showYearMode() {
    for (const b of yearMode.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
  }
  yearMode.addEventListener('click', (e) => {
    const button = e.target.closest('button');
    if (!button) return;
    mode = button.dataset.mode;
    const d = yearData(mode);
    yearChart.data.labels = d.labels;
    yearChart.data.datasets[0].data = d.data;
    yearChart.update();
    showYearMode();
  });
  showYearMode();

  function harvestData(source) {
    const days = new Map();
    for (const x of harvests) {
      if (source && x.source !== source) continue;
      const d = days.get(x.day) || { accepted: 0, filtered: 0, quarantined: 0 };
      d.accepted += x.accepted || 0;
      d.filtered += x.filtered || 0;
      d.quarantined += x.quarantined || 0;
      days.set(x.day, d);
    }
    const all = harvests.map((x) => x.day).sort();
    const labels = [];
    if (all.length) {
      const end = new Date(`${all[all.length - 1]}T00:00:00Z`);
      for (let d = new Date(`${all[0]}T00:00:00Z`); d <= end; d.setUTCDate(d.getUTCDate() + 1)) labels.push(d.toISOString().slice(0, 10));
    }
    return {
      labels,
      datasets: ['accepted', 'filtered', 'quarantined'].map((k) => ({
        label: k.charAt(0).toUpperCase() + k.slice(1),
        data: labels.map((day) => days.get(day)?.[k] || 0),
        backgroundColor: STATUS_COLOURS[k],
        stack: 'records',
        maxBarThickness: 28,
      })),
    };
  }
  const harvestChart = new Chart(hv.canvas, {
    type: 'bar',
    data: harvestData(''),
    options: {
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: { x: { stacked: true, grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12, callback(v) { return this.getLabelForValue(v).slice(5); } } }, y: { ...countAxis, stacked: true } },
      plugins: { legend: { position: 'top', align: 'end' }, tooltip: { ...tooltipNumber, callbacks: { ...tooltipNumber.callbacks,
        footer: (items) => `Total: ${num(items.reduce((s, i) => s + i.raw, 0))}` } } },
    },
  });
  charts.push(harvestChart);
  harvestSource.addEventListener('change', () => {
    harvestChart.data = harvestData(harvestSource.value);
    harvestChart.update();
  });
}
