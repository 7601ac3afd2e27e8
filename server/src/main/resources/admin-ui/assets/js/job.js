// The progress of a background job (re-crosswalk after publishing, quarantine retry): a progress
// bar of processed/total, the counts, the state and the harvest runs it started. Polls
// GET /admin/api/jobs/{id} every second until the job is complete or failed.

import { api, isAdmin } from './api.js';
import { h, clear, num, badge, timeAt, duration, enc } from './dom.js';
import { showError } from './messages.js';

const DONE = new Set(['complete', 'failed']);

export function jobKind(kind) {
  if (!kind) return 'Job';
  if (kind === 'recrosswalk') return 'Re-crosswalk';
  if (kind === 'retry') return 'Quarantine retry';
  const text = String(kind).replace(/[-_]+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function jobTitle(job) {
  const parts = [jobKind(job.kind)];
  if (job.crosswalk) parts.push(`${job.crosswalk}${job.version ? ` v${job.version}` : ''}`);
  else if (job.source) parts.push(job.source);
  else if (job.runs?.length) parts.push(job.runs.map((r) => r.source).join(', '));
  return parts.join(' · ');
}

/**
 * A live job panel. Returns {el, stop}; call stop() when the page goes away. `onDone(job)` runs once
 * when the job ends.
 */
export function jobPanel(initial, { onDone, compact = false } = {}) {
  const progress = h('progress', { id: 'job-progress', max: 1, value: 0 });
  const state = h('span', { id: 'job-state', class: 'badge badge-neutral' }, initial?.state || 'queued');
  const ratio = h('span', { class: 'job-ratio' });
  const percent = h('span', { class: 'job-percent' });
  const counts = h('dl', { class: 'job-counts' });
  const runs = h('div', { class: 'job-runs' });
  const error = h('div', { class: 'job-error', hidden: true });
  const meta = h('div', { class: 'job-meta' });
  const title = h('h2', null);
  const el = h('section', { class: ['panel', 'job-panel', compact && 'compact'], 'aria-live': 'polite' },
    h('header', { class: 'panel-head' }, title, state),
    h('div', { class: 'panel-body' },
      h('div', { class: 'job-bar' }, progress, h('div', { class: 'job-bar-text' }, ratio, percent)),
      counts, error, meta, runs));

  let timer = null;
  let stopped = false;
  let finished = false;

  function show(job) {
    clear(title, jobTitle(job), ' ', h('a', { href: `/admin/jobs/${enc(job.id)}`, class: 'muted job-link' }, `job ${job.id}`));
    const total = Number(job.total) || 0;
    const processed = Number(job.processed) || 0;
    const done = DONE.has(job.state);
    if (total > 0) {
      progress.max = total;
      progress.value = Math.min(processed, total);
    } else if (done) {
      progress.max = 1;
      progress.value = 1;
    } else {
      progress.removeAttribute('value'); // indeterminate until the total is known
    }
    progress.className = `job-state-${job.state}`;
    state.textContent = job.state;
    state.className = `badge badge-${{ complete: 'ok', failed: 'err', running: 'info' }[job.state] || 'neutral'}`;
    ratio.textContent = total > 0 ? `${num(processed)} / ${num(total)} records` : `${num(processed)} records`;
    percent.textContent = total > 0 ? `${Math.floor((100 * Math.min(processed, total)) / total)} %` : '';
    const c = job.counts || {};
    clear(counts,
      [['accepted', 'Accepted'], ['filtered', 'Filtered'], ['quarantined', 'Quarantined']].map(([key, label]) =>
        h('div', { class: `count count-${key}` }, h('dt', null, label), h('dd', null, num(c[key] ?? 0)))));
    error.hidden = !job.error;
    error.textContent = job.error ? `Failed: ${job.error}` : '';
    clear(meta,
      job.startedBy ? ['Started by ', h('strong', null, job.startedBy), ' at ', timeAt(job.startedAt, true)] : ['Started ', timeAt(job.startedAt, true)],
      job.endedAt ? [' · ended ', timeAt(job.endedAt, true), ` · took ${duration(job.startedAt, job.endedAt)}`]
        : job.startedAt ? ` · running for ${duration(job.startedAt)}` : null);
    const list = job.runs || [];
    clear(runs, list.length ? h('table', { class: 'data compact' },
      h('thead', null, h('tr', null, h('th', null, 'Source'), h('th', null, 'Harvest run'), h('th', null, 'Outcome'), h('th', null, 'Reason'))),
      h('tbody', null, list.map((r) => h('tr', null,
        h('td', null, isAdmin() ? h('a', { href: `/admin/sources/${enc(r.source)}` }, r.source) : r.source),
        h('td', null, r.run == null ? h('span', { class: 'muted' }, 'not started')
          : isAdmin() ? h('a', { href: `/admin/runs/${enc(r.run)}` }, `#${r.run}`) : `#${r.run}`),
        h('td', null, badge(r.outcome || 'queued')),
        h('td', { class: 'muted' }, r.reason || ''))))) : null);
    if (done && !finished) {
      finished = true;
      onDone?.(job);
    }
  }

  async function poll() {
    if (stopped) return;
    try {
      const job = await api.get(`/admin/api/jobs/${enc(initial.id)}`);
      if (stopped) return;
      show(job);
      if (!DONE.has(job.state)) timer = setTimeout(poll, 1000);
    } catch (e) {
      if (stopped) return;
      showError(e, `Job ${initial.id}`);
      if (e.status !== 404 && !e.redirecting) timer = setTimeout(poll, 5000);
    }
  }

  show(initial);
  if (!DONE.has(initial.state)) timer = setTimeout(poll, 1000);
  else finished = true;

  return {
    el,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
