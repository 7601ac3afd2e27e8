// The history of a crosswalk: its versions, the diff between any two, and publishing a version or
// rolling back to an earlier one, whose re-crosswalk job is followed live.

import { api } from '../../api.js';
import { h, clear, badge, timeAt, loading } from '../../dom.js';
import { showError, showNotice, showWarning } from '../../messages.js';
import { renderDiff } from '../../diff.js';
import { jobPanel } from '../../job.js';

function errorsText(errors) {
  return (errors || []).slice(0, 5).map((e) => `${e.line ? `line ${e.line}${e.column ? `:${e.column}` : ''}: ` : ''}${e.message}`).join('\n');
}

/**
 * The history panel. `state` holds the crosswalk, its versions and the version in the editor, as
 * the page last loaded them; `onLoad(version)` puts a version in the editor, and `refresh()` reloads
 * the page's state after a publication.
 */
export function historyPanel({ id, base, state, onLoad, refresh }) {
  const jobSlot = h('div', { class: 'job-slot' });
  const historyBody = h('tbody');
  const historyTable = h('table', { id: 'history', class: 'data history' },
    h('thead', null, h('tr', null,
      h('th', { class: 'compare-col', title: 'Tick two versions to compare them' }, 'Diff'),
      h('th', null, 'Version'), h('th', null, 'Author'), h('th', null, 'Saved'), h('th', null, 'Comment'), h('th', { class: 'actions' }, ''))),
    historyBody);
  const versionDiff = h('div', { id: 'version-diff', class: 'version-diff' });
  const compareHint = h('span', { class: 'muted small-text' }, 'Tick two versions to compare them.');
  const el = h('section', { class: 'panel history-panel', id: 'history-panel' },
    h('header', { class: 'panel-head' }, h('h2', null, 'History'), compareHint),
    h('div', { class: 'panel-body' }, jobSlot, historyTable, versionDiff));

  let compare = [];
  let job = null;

  function show() {
    const live = state.crosswalk.publishedVersion;
    clear(historyBody, state.versions.map((v) => {
      const older = v.version < live;
      const box = h('input', { type: 'checkbox', class: 'compare', checked: compare.includes(v.version), 'aria-label': `Compare version ${v.version}` });
      box.addEventListener('change', () => toggleCompare(v.version, box.checked));
      const load = h('button', { type: 'button', class: 'small load', title: 'Put this version in the editor' }, 'Load');
      load.addEventListener('click', () => onLoad(v.version));
      const publish = h('button', { type: 'button', class: 'small publish', disabled: v.published || v.version === live,
        title: v.version === live ? 'This version is in use' : 'Make this version live and re-crosswalk the records of its sources' }, 'Publish');
      publish.addEventListener('click', () => makeLive('publish', v.version, publish));
      const rollback = h('button', { type: 'button', class: 'small rollback', disabled: !older,
        title: older ? `Publish version ${v.version} again in place of version ${live}` : 'Only earlier versions than the published one can be rolled back to' }, 'Roll back to this');
      rollback.addEventListener('click', () => makeLive('rollback', v.version, rollback));
      return h('tr', { dataset: { version: v.version }, class: [v.published && 'is-published', v.version === state.loadedVersion && 'is-loaded'] },
        h('td', { class: 'compare-col' }, box),
        h('td', { class: 'nowrap' }, h('strong', null, `v${v.version}`),
          v.published ? [' ', badge('published')] : null,
          v.version === state.loadedVersion ? [' ', h('span', { class: 'badge badge-outline' }, 'in editor')] : null),
        h('td', null, v.author || '—'),
        h('td', { class: 'nowrap' }, timeAt(v.createdAt)),
        h('td', { class: 'comment-cell' }, v.comment ? v.comment : h('span', { class: 'muted' }, v.version === 1 ? 'packaged stylesheet' : 'no comment'),
          v.publishedAt ? h('div', { class: 'muted small-text' }, `published ${v.publishedBy ? `by ${v.publishedBy} ` : ''}`, timeAt(v.publishedAt)) : null),
        h('td', { class: 'actions nowrap' }, load, publish, rollback));
    }));
  }

  function toggleCompare(version, on) {
    compare = compare.filter((v) => v !== version);
    if (on) compare.push(version);
    while (compare.length > 2) compare.shift();
    for (const box of historyBody.querySelectorAll('input.compare')) {
      box.checked = compare.includes(Number(box.closest('tr').dataset.version));
    }
    if (compare.length === 2) showVersionDiff(Math.min(...compare), Math.max(...compare));
    else clear(versionDiff);
  }

  async function showVersionDiff(from, to) {
    clear(versionDiff, loading(`Comparing v${from} and v${to}…`));
    try {
      const d = await api.get(`${base}/diff?from=${from}&to=${to}`);
      const close = h('button', { type: 'button', class: 'small link' }, 'Close');
      close.addEventListener('click', () => {
        compare = [];
        show();
        clear(versionDiff);
      });
      clear(versionDiff, h('div', { class: 'diff-head' }, h('h3', null, `Changes from v${d.from ?? from} to v${d.to ?? to}`), h('span', { class: 'grow' }), close),
        renderDiff(d.diff, { empty: 'The two versions are the same.' }));
    } catch (e) {
      clear(versionDiff);
      showError(e, 'Diff');
    }
  }

  function startJob(started) {
    job?.stop();
    job = jobPanel(started, {
      onDone: (done) => {
        if (done.state === 'complete') showNotice(`Re-crosswalk of ${id} v${done.version ?? ''} complete.`);
        else showWarning(`The re-crosswalk job ${done.id} failed${done.error ? `: ${done.error}` : '.'}`);
      },
    });
    clear(jobSlot, job.el);
    job.el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  async function makeLive(kind, version, button) {
    button.disabled = true;
    try {
      const answer = await api.post(`${base}/${kind}`, { version });
      showNotice(kind === 'publish' ? `Version ${version} of ${id} is published.` : `${id} is rolled back to version ${version}.`,
        answer?.job ? 'The records of its sources are being crosswalked again; the progress is shown in the history.' : null);
      if (answer?.job) startJob(answer.job);
      else if (answer?.note) showWarning(`No records are crosswalked again: ${answer.note}`);
      await refresh();
    } catch (e) {
      const detail = errorsText(e.body?.errors);
      showError(e, kind === 'publish' ? `Publishing version ${version}` : `Rolling back to version ${version}`);
      if (detail) showWarning(`Compile errors of version ${version}:`, detail);
      show();
    }
  }

  return { el, show, stop: () => job?.stop() };
}
