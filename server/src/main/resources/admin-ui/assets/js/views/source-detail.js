// One source: its settings and record counts, its last harvest runs, and its quarantine (paged,
// with the raw record of each and a retry of them all).

import { api } from '../api.js';
import { h, clear, badge, pageHead, panel, timeAgo, timeAt, enc, num, emptyRow, duration, xmlBlock, loading } from '../dom.js';
import { showError, showNotice, showWarning } from '../messages.js';
import { jobPanel } from '../job.js';
import { sourceActions, stateBadge, typeLabel } from './source-actions.js';

const ROWS = 50;

export function runsTable(runs, { showSource = false } = {}) {
  const rows = runs.map((r) => {
    const c = r.counts || {};
    return h('tr', { dataset: { run: r.id } },
      h('td', null, h('a', { href: `/admin/runs/${enc(r.id)}`, class: 'strong' }, `#${r.id}`)),
      showSource ? h('td', null, h('a', { href: `/admin/sources/${enc(r.source)}` }, r.source)) : null,
      h('td', null, badge(r.outcome)),
      h('td', null, r.full ? 'full' : 'incremental', h('div', { class: 'muted small-text' }, r.trigger || '')),
      h('td', { class: 'nowrap' }, timeAt(r.startedAt)),
      h('td', { class: 'nowrap' }, r.endedAt ? duration(r.startedAt, r.endedAt) : h('span', { class: 'muted' }, 'running')),
      h('td', { class: 'num' }, num(c.records)),
      h('td', { class: 'num' }, num(c.accepted)),
      h('td', { class: 'num' }, num(c.filtered)),
      h('td', { class: ['num', c.quarantined > 0 && 'text-warn'] }, num(c.quarantined)),
      h('td', { class: 'num' }, num((c.retries || 0) + (c.repairs || 0))),
      h('td', { class: 'reason' }, r.reason || '',
        r.heldDeletions ? [' ', h('a', { href: `/admin/runs/${enc(r.id)}`, class: 'held-deletions' }, 'Confirm deletions…')] : null));
  });
  const heads = ['Run', showSource ? 'Source' : null, 'Outcome', 'Kind', 'Started', 'Took'].filter(Boolean);
  return h('table', { class: 'data compact runs' },
    h('thead', null, h('tr', null, heads.map((c) => h('th', null, c)),
      ['Records', 'Accepted', 'Filtered', 'Quarantined'].map((c) => h('th', { class: 'num' }, c)),
      h('th', { class: 'num', title: 'Retries and repairs' }, 'Retries'), h('th', null, 'Reason'))),
    h('tbody', null, rows.length ? rows : emptyRow(heads.length + 6, 'No harvest runs yet.')));
}

export async function render(ctx) {
  const id = ctx.params[0];
  const base = `/admin/api/sources/${enc(id)}`;
  ctx.setTitle(id);
  let [source, runs] = await Promise.all([api.get(base), api.get(`${base}/runs?limit=20`)]);

  const head = h('div');
  const overview = h('div', { class: 'detail-grid' });
  const runsBody = h('div', { class: 'table-scroll' });
  const quarantineBody = h('div', { class: 'quarantine-list' });
  const quarantinePager = h('div', { class: 'pager' });
  const rawView = h('div', { class: 'raw-view' }, h('p', { class: 'muted hint' }, 'Click a record to see why it was quarantined and its raw XML.'));
  const jobSlot = h('div', { class: 'job-slot' });
  const retryButton = h('button', { type: 'button', id: 'retry-quarantine' }, 'Retry quarantined records');
  const quarantineCount = h('span', { class: 'badge badge-neutral' });

  let job = null;
  let stopped = false;
  let timer = null;
  ctx.onCleanup(() => {
    stopped = true;
    clearTimeout(timer);
    job?.stop();
  });

  function showHead() {
    clear(head, pageHead(h('span', null, source.name || source.id, source.nameZh ? h('span', { class: 'name-zh title-zh', lang: 'zh-Hans' }, source.nameZh) : null), {
      crumbs: [['Sources', '/admin/sources']],
      sub: h('span', { class: 'head-meta' }, h('code', null, source.id), h('span', { class: 'dot' }, '·'), typeLabel(source),
        h('span', { class: 'dot' }, '·'), stateBadge(source.state), source.paused && source.state !== 'paused' ? [' ', badge('paused')] : null),
      actions: [sourceActions(source, reload), h('a', { class: 'button small', href: `/admin/sources/${enc(id)}/edit` }, 'Edit')],
    }));
  }

  function showOverview() {
    const r = source.records || {};
    const setting = (label, value, mono) => [h('dt', null, label), h('dd', { class: mono ? 'mono' : null }, value ?? h('span', { class: 'muted' }, '—'))];
    clear(overview,
      panel('Settings', { class: 'settings' }, h('dl', { class: 'settings-list' },
        setting('Id', source.id, true),
        setting('Name', [source.name || '—', source.nameZh ? h('span', { class: 'name-zh', lang: 'zh-Hans' }, ` ${source.nameZh}`) : null]),
        setting('Type', source.type),
        source.type !== 'file' ? setting('URL', source.url, true) : null,
        source.type === 'oai-pmh' ? setting('Metadata prefix', source.metadataPrefix, true)
          : source.type === 'crossref' ? null : setting('Format', source.format, true),
        source.type === 'oai-pmh' ? setting('Sets', source.sets?.length ? source.sets.join(', ') : 'all', true) : null,
        source.journals || source.type === 'crossref'
          ? setting('Journal list', source.journals ? h('a', { href: '/admin/journals' }, source.journals) : null, true) : null,
        source.type === 'crossref' ? setting('Contact (mailto)', source.mailto, true) : null,
        setting('Crosswalk', source.crosswalk ? h('a', { href: `/admin/crosswalks/${enc(source.crosswalk)}` }, source.crosswalk) : 'default for the record format'),
        source.holdingsField ? setting('Holdings field', source.holdingsField, true) : null,
        setting('Schedule', source.schedule || 'on demand only', !!source.schedule),
        setting('Enabled', source.enabled ? 'yes' : 'no'))),
      panel('Harvesting', { class: 'harvesting' },
        h('div', { class: 'tiles small' },
          tile('Accepted', r.accepted, 'ok'), tile('Filtered', r.filtered), tile('Quarantined', r.quarantined, r.quarantined ? 'warn' : null)),
        h('dl', { class: 'settings-list' },
          setting('State', stateBadge(source.state)),
          setting('Next run', source.paused ? 'paused' : source.nextRun ? [timeAt(source.nextRun), h('span', { class: 'muted' }, ` (${timeAgo(source.nextRun).textContent})`)] : null),
          setting('Watermark', source.watermark ? h('span', { title: 'Harvested up to this datestamp' }, String(source.watermark)) : 'none: the next run is a full one', true),
          setting('Running', source.running ? 'yes' : 'no'))));
  }

  function showRuns() {
    clear(runsBody, runsTable(runs));
  }

  // ------------------------------------------------------------------ quarantine
  let page = 0;
  let cursors = [null];
  let selected = null;

  async function loadQuarantine() {
    const cursor = cursors[page];
    clear(quarantineBody, loading());
    try {
      const answer = await api.get(`${base}/quarantine?rows=${ROWS}${cursor ? `&cursor=${enc(cursor)}` : ''}`);
      if (stopped) return;
      const records = answer.records || [];
      const total = answer.total ?? records.length;
      quarantineCount.textContent = num(total);
      retryButton.disabled = total === 0;
      const rows = records.map((rec) => {
        const tr = h('tr', { class: ['clickable', selected === rec.id && 'is-selected'], dataset: { record: rec.id }, tabindex: 0 },
          h('td', { class: 'mono' }, rec.localId || rec.id),
          h('td', { class: 'reason' }, rec.reason || '—'),
          h('td', { class: 'nowrap' }, timeAt(rec.receivedAt)),
          h('td', { class: 'mono small-text nowrap' }, rec.crosswalk || ''));
        tr.addEventListener('click', () => showRaw(rec.id, tr));
        tr.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') showRaw(rec.id, tr);
        });
        return tr;
      });
      clear(quarantineBody, h('table', { class: 'data compact', id: 'quarantine-table' },
        h('thead', null, h('tr', null, h('th', null, 'Record'), h('th', null, 'Reason'), h('th', null, 'Received'), h('th', null, 'Crosswalk'))),
        h('tbody', null, rows.length ? rows : emptyRow(4, 'Nothing in quarantine.'))));
      const hasCursor = Object.prototype.hasOwnProperty.call(answer, 'nextCursor');
      const hasNext = hasCursor ? !!answer.nextCursor : (page + 1) * ROWS < total;
      if (hasCursor && answer.nextCursor) cursors[page + 1] = answer.nextCursor;
      const prev = h('button', { type: 'button', class: 'small', disabled: page === 0 }, '‹ Previous');
      const next = h('button', { type: 'button', class: 'small', disabled: !hasNext }, 'Next ›');
      prev.addEventListener('click', () => {
        page--;
        loadQuarantine();
      });
      next.addEventListener('click', () => {
        page++;
        loadQuarantine();
      });
      const first = page * ROWS + 1;
      clear(quarantinePager, total ? h('span', { class: 'muted' }, `${num(first)}–${num(page * ROWS + records.length)} of ${num(total)}`) : null,
        h('span', { class: 'grow' }), total > ROWS ? [prev, next] : null);
    } catch (e) {
      clear(quarantineBody);
      showError(e, 'Quarantine');
    }
  }

  async function showRaw(recordId, tr) {
    selected = recordId;
    for (const row of quarantineBody.querySelectorAll('tr.is-selected')) row.classList.remove('is-selected');
    tr?.classList.add('is-selected');
    clear(rawView, loading());
    try {
      const rec = await api.get(`${base}/quarantine/${enc(recordId)}`);
      if (selected !== recordId) return;
      clear(rawView,
        h('div', { class: 'raw-head' }, h('h3', null, rec.localId || rec.id), h('span', { class: 'muted small-text mono' }, rec.id)),
        h('div', { class: 'record-error' }, h('strong', null, 'Reason: '), rec.reason || 'not recorded'),
        h('dl', { class: 'settings-list compact' },
          h('dt', null, 'Received'), h('dd', null, timeAt(rec.receivedAt, true)),
          h('dt', null, 'Crosswalk'), h('dd', { class: 'mono' }, rec.crosswalk || '—'),
          rec.position ? [h('dt', null, 'Position'), h('dd', { class: 'mono' }, rec.position)] : null),
        xmlBlock(rec.raw, { class: 'raw-xml', empty: '(no raw record kept)' }));
    } catch (e) {
      clear(rawView);
      showError(e, `Record ${recordId}`);
    }
  }

  retryButton.addEventListener('click', async () => {
    retryButton.disabled = true;
    try {
      const answer = await api.post(`${base}/quarantine/retry`);
      if (answer?.job) {
        job?.stop();
        job = jobPanel(answer.job, {
          onDone: (done) => {
            if (done.state === 'complete') showNotice(`Retry of the quarantined records of ${id} complete.`);
            else showWarning(`The retry job ${done.id} failed${done.error ? `: ${done.error}` : '.'}`);
            page = 0;
            cursors = [null];
            loadQuarantine();
            reload();
          },
        });
        clear(jobSlot, job.el);
        job.el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      } else {
        showNotice(`Retry of the quarantined records of ${id} started.`);
      }
    } catch (e) {
      showError(e, 'Retry');
    } finally {
      retryButton.disabled = false;
    }
  });

  async function reload() {
    clearTimeout(timer);
    try {
      [source, runs] = await Promise.all([api.get(base), api.get(`${base}/runs?limit=20`)]);
      if (stopped) return;
      showHead();
      showOverview();
      showRuns();
    } catch (e) {
      if (!stopped) showError(e, 'Reloading');
    }
    if (!stopped) timer = setTimeout(reload, source.running || source.state === 'running' ? 4000 : 30000);
  }

  clear(ctx.main,
    head,
    overview,
    panel('Last runs', { actions: h('span', { class: 'muted small-text' }, 'the 20 latest') }, runsBody),
    h('section', { class: 'panel quarantine-panel', id: 'quarantine' },
      h('header', { class: 'panel-head' }, h('h2', null, 'Quarantine '), quarantineCount, h('span', { class: 'grow' }), retryButton),
      h('div', { class: 'panel-body' },
        jobSlot,
        h('p', { class: 'muted small-text' }, 'Records that failed the crosswalk or validation. Fix the crosswalk, then retry them.'),
        h('div', { class: 'quarantine-layout' }, h('div', null, quarantineBody, quarantinePager), rawView))));
  showHead();
  showOverview();
  showRuns();
  loadQuarantine();
  timer = setTimeout(reload, source.running || source.state === 'running' ? 4000 : 30000);
}

function tile(label, value, tone) {
  return h('div', { class: ['tile', tone && `tile-${tone}`] }, h('div', { class: 'tile-value' }, num(value ?? 0)), h('div', { class: 'tile-label' }, label));
}
