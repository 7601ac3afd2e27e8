// One harvest run: its outcome and reason, its counts, and the log of retries and repairs; a run
// whose full dump's deletions the guard held back offers to confirm them.

import { api } from '../api.js';
import { h, clear, badge, pageHead, panel, timeAt, enc, num, bytes, duration, emptyRow } from '../dom.js';
import { showError, showNotice } from '../messages.js';

function tile(label, value, { tone, format = num, title } = {}) {
  return h('div', { class: ['tile', tone && `tile-${tone}`], title },
    h('div', { class: 'tile-value' }, value === undefined || value === null ? '—' : format(value)),
    h('div', { class: 'tile-label' }, label));
}

function percent(share) {
  return `${(share * 100).toFixed(1).replace(/\.0$/, '')} %`;
}

// The deletions the guard held back, with the button that starts a harvest confirming them.
function heldDeletions(run) {
  const held = run.heldDeletions;
  if (!held) return null;
  const what = `${num(held.deletions)} of the ${num(held.sourceRecords)} records of ${run.source} (${percent(held.share)})`;
  const button = h('button', { type: 'button', class: 'small confirm-deletions',
    title: 'Harvest the source again, letting the full dump delete the records it no longer holds' }, 'Confirm deletions');
  button.addEventListener('click', async () => {
    if (!window.confirm(`Delete ${what} that full dump ${held.dump} no longer holds?\n`
      + 'A new harvest reads the dump again and deletes them; harvesters see them as deleted records.')) return;
    button.disabled = true;
    try {
      await api.post(`/admin/api/sources/${enc(run.source)}/harvest?confirmDeletions=true`);
      showNotice(`Harvest of ${run.source} queued, with the deletions confirmed.`);
    } catch (e) {
      showError(e, run.source);
      button.disabled = false;
    }
  });
  return h('div', { class: 'reason-box is-warn held-deletions' },
    h('strong', null, 'Deletions held back: '),
    `full dump ${held.dump} no longer holds ${what}, more than the guard allows. Nothing was deleted. `,
    button);
}

export async function render(ctx) {
  const id = ctx.params[0];
  ctx.setTitle(`Run ${id}`);
  let run = await api.get(`/admin/api/runs/${enc(id)}`);
  let timer = null;
  let stopped = false;
  ctx.onCleanup(() => {
    stopped = true;
    clearTimeout(timer);
  });

  function show() {
    const c = run.counts || {};
    const log = run.log || [];
    const kinds = {};
    for (const e of log) kinds[e.kind] = (kinds[e.kind] || 0) + 1;
    clear(ctx.main,
      pageHead(`Run #${run.id}`, {
        crumbs: [['Sources', '/admin/sources'], [run.source, `/admin/sources/${enc(run.source)}`]],
        sub: h('span', { class: 'head-meta' }, badge(run.outcome), h('span', { class: 'dot' }, '·'),
          run.full ? 'full harvest' : 'incremental harvest', run.trigger ? ` · ${run.trigger}` : '',
          h('span', { class: 'dot' }, '·'), 'started ', timeAt(run.startedAt, true),
          run.endedAt ? [h('span', { class: 'dot' }, '·'), `took ${duration(run.startedAt, run.endedAt)}`]
            : [h('span', { class: 'dot' }, '·'), h('span', { class: 'badge badge-info' }, `running for ${duration(run.startedAt)}`)]),
      }),
      run.reason ? h('div', { class: ['reason-box', run.outcome === 'failed' ? 'is-err' : 'is-warn'] },
        h('strong', null, run.outcome === 'failed' ? 'Why it failed: ' : 'Note: '), run.reason) : null,
      heldDeletions(run),
      h('div', { class: 'run-grid' },
        panel('Records', null, h('div', { class: 'tiles' },
          tile('Records', c.records), tile('Accepted', c.accepted, { tone: 'ok' }), tile('Filtered', c.filtered),
          tile('Quarantined', c.quarantined, { tone: c.quarantined ? 'warn' : null })),
        h('div', { class: 'tiles small' },
          tile('Added', c.added), tile('Changed', c.changed), tile('Unchanged', c.unchanged), tile('Deleted', c.deleted))),
        panel('Transfer', null, h('div', { class: 'tiles small' },
          tile('Requests', c.requests), tile('Pages', c.pages), tile('Data', c.bytes, { format: bytes, title: `${num(c.bytes)} bytes` }),
          tile('Retries', c.retries, { tone: c.retries ? 'warn' : null }), tile('Repairs', c.repairs, { tone: c.repairs ? 'warn' : null })),
        h('dl', { class: 'settings-list compact' },
          h('dt', null, 'Started'), h('dd', null, timeAt(run.startedAt, true)),
          h('dt', null, 'Ended'), h('dd', null, run.endedAt ? timeAt(run.endedAt, true) : 'still running'),
          run.watermarkBefore !== undefined ? [h('dt', null, 'Watermark before'), h('dd', { class: 'mono' }, run.watermarkBefore ?? '—')] : null,
          run.watermarkAfter !== undefined ? [h('dt', null, 'Watermark after'), h('dd', { class: 'mono' }, run.watermarkAfter ?? '—')] : null))),
      panel('Log', { actions: h('span', { class: 'muted small-text' },
        log.length ? Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(' · ') : '') },
      h('table', { class: 'data compact log', id: 'run-log' },
        h('thead', null, h('tr', null, h('th', null, 'Time'), h('th', null, 'Kind'), h('th', null, 'Message'))),
        h('tbody', null, log.length ? log.map((e) => h('tr', { dataset: { kind: e.kind } },
          h('td', { class: 'nowrap mono small-text' }, timeAt(e.time, true)),
          h('td', null, badge(e.kind, { retry: 'warn', repair: 'info', guard: 'warn', retire: 'info', error: 'err', failure: 'err' }[e.kind] || 'neutral')),
          h('td', { class: 'log-message' }, e.message)))
          : emptyRow(3, 'No retries or repairs: the run went through cleanly.')))));
  }

  async function poll() {
    if (stopped) return;
    try {
      run = await api.get(`/admin/api/runs/${enc(id)}`);
      if (stopped) return;
      show();
    } catch (e) {
      if (!stopped) showError(e, `Run ${id}`);
    }
    if (!stopped && run.outcome === 'running') timer = setTimeout(poll, 2000);
  }

  show();
  if (run.outcome === 'running') timer = setTimeout(poll, 2000);
}
