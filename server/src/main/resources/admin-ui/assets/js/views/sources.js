// Sources dashboard: every feed with its state, last and next run, record counts and harvest
// controls. Refreshes itself, more often while a harvest runs.

import { api } from '../api.js';
import { h, clear, badge, pageHead, panel, timeAgo, enc, num, emptyRow, dateTime } from '../dom.js';
import { showError } from '../messages.js';
import { sourceActions, stateBadge, sourceTitle, typeLabel } from './source-actions.js';

const STATES = ['ok', 'running', 'partial', 'failed', 'paused', 'disabled', 'never'];

export async function render(ctx) {
  ctx.setTitle('Sources');
  let sources = await api.get('/admin/api/sources');

  const filter = h('input', { type: 'search', class: 'filter', placeholder: 'Filter by id or library name', 'aria-label': 'Filter sources' });
  const stateFilter = h('select', { 'aria-label': 'State' },
    h('option', { value: '' }, 'All states'), STATES.map((s) => h('option', { value: s }, s)));
  const updated = h('span', { class: 'muted small-text updated' });
  const summary = h('div', { class: 'state-summary' });
  const body = h('tbody');

  function lastRunCell(s) {
    const run = s.lastRuns?.[0];
    if (!run) return h('td', { class: 'muted' }, 'never');
    return h('td', { class: 'last-run' },
      h('a', { href: `/admin/runs/${enc(run.id)}`, title: `Run #${run.id}${run.reason ? `: ${run.reason}` : ''}` }, badge(run.outcome)),
      ' ', timeAgo(run.endedAt || run.startedAt),
      h('div', { class: 'muted small-text' }, `${num(run.counts?.records)} records${run.full ? ' · full' : ''}`));
  }

  function row(s) {
    const r = s.records || {};
    return h('tr', { dataset: { source: s.id }, class: [!s.enabled && 'is-disabled'] },
      h('td', null, h('a', { href: `/admin/sources/${enc(s.id)}`, class: 'strong mono' }, s.id)),
      h('td', { class: 'library' }, sourceTitle(s)),
      h('td', null, typeLabel(s)),
      h('td', null, stateBadge(s.state)),
      lastRunCell(s),
      h('td', null, s.paused ? badge('paused') : s.nextRun ? h('span', { title: dateTime(s.nextRun) }, timeAgo(s.nextRun))
        : h('span', { class: 'muted' }, s.enabled ? (s.schedule ? '—' : 'no schedule') : 'disabled')),
      h('td', { class: 'num' }, num(r.accepted)),
      h('td', { class: 'num' }, num(r.filtered)),
      h('td', { class: ['num', r.quarantined > 0 && 'text-warn'] }, num(r.quarantined)),
      h('td', { class: 'actions nowrap' }, sourceActions(s, reloadSoon)));
  }

  function show() {
    const q = filter.value.trim().toLowerCase();
    const state = stateFilter.value;
    const shown = sources.filter((s) => (!state || s.state === state)
      && (!q || [s.id, s.name, s.nameZh, s.url].some((v) => String(v ?? '').toLowerCase().includes(q))));
    clear(body, shown.length ? shown.map(row) : emptyRow(10, sources.length ? 'No source matches the filter.' : 'No sources yet: add one.'));
    const counts = {};
    for (const s of sources) counts[s.state] = (counts[s.state] || 0) + 1;
    clear(summary, h('span', null, h('strong', null, num(sources.length)), ' sources'),
      STATES.filter((s) => counts[s]).map((s) => h('button', { type: 'button', class: ['summary-chip', stateFilter.value === s && 'active'],
        onClick: () => {
          stateFilter.value = stateFilter.value === s ? '' : s;
          show();
        } }, badge(s), ` ${counts[s]}`)));
    updated.textContent = `updated ${dateTime(new Date().toISOString(), true).slice(11)}`;
  }

  let timer = null;
  let stopped = false;
  async function reload() {
    clearTimeout(timer);
    try {
      sources = await api.get('/admin/api/sources');
      if (!stopped) show();
    } catch (e) {
      if (!stopped) showError(e, 'Reloading the sources');
    }
    schedule();
  }
  function schedule() {
    if (stopped) return;
    clearTimeout(timer);
    const busy = sources.some((s) => s.running || s.state === 'running');
    timer = setTimeout(reload, busy ? 5000 : 30000);
  }
  function reloadSoon() {
    clearTimeout(timer);
    timer = setTimeout(reload, 800);
  }
  ctx.onCleanup(() => {
    stopped = true;
    clearTimeout(timer);
  });

  filter.addEventListener('input', show);
  stateFilter.addEventListener('change', show);

  clear(ctx.main,
    pageHead('Sources', {
      sub: 'Member libraries and feeds the hub harvests: OAI-PMH repositories, CALIS exports, KBART title lists of licensed packages, and files imported by hand.',
      actions: h('a', { id: 'add-source', class: 'button primary', href: '/admin/sources/new' }, '+ Add source'),
    }),
    panel(null, { class: 'flush' },
      h('div', { class: 'toolbar' }, filter, stateFilter, summary, h('span', { class: 'grow' }), updated),
      h('div', { class: 'table-scroll' },
        h('table', { id: 'sources-table', class: 'data sources' },
          h('thead', null, h('tr', null,
            ['Source', 'Library', 'Type', 'State', 'Last run', 'Next run'].map((c) => h('th', { scope: 'col' }, c)),
            ['Accepted', 'Filtered', 'Quarantined'].map((c) => h('th', { scope: 'col', class: 'num' }, c)),
            h('th', { scope: 'col', class: 'actions' }, 'Harvest'))),
          body))));
  show();
  schedule();
}
