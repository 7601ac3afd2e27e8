// The harvest controls of a source (run now, full run, pause, resume), shared by the sources
// dashboard and the source page.

import { api } from '../api.js';
import { h, enc, badge, libraryName } from '../dom.js';
import { showError, showNotice } from '../messages.js';

/** Buttons for one source; `after()` runs once an action succeeded (to reload). */
export function sourceActions(source, after) {
  const base = `/admin/api/sources/${enc(source.id)}`;

  async function act(button, path, done) {
    button.disabled = true;
    try {
      const answer = await api.post(`${base}/${path}`);
      showNotice(done);
      await after?.(answer);
    } catch (e) {
      showError(e, `${source.id}`);
    } finally {
      button.disabled = false;
    }
  }

  if (source.type === 'file') {
    // Nothing to harvest: its records come with ./cashl-hub import.
    return [h('span', { class: 'muted small-text', title: 'Records of this source are imported with ./cashl-hub import' }, 'imported by hand')];
  }
  const runNow = h('button', { type: 'button', class: 'small run-now', disabled: source.running,
    title: source.running ? 'A harvest of this source is running' : 'Harvest what changed since the last run' }, 'Run now');
  runNow.addEventListener('click', () => act(runNow, 'harvest?full=false', `Harvest of ${source.id} queued.`));

  const full = h('button', { type: 'button', class: 'small full-run', disabled: source.running,
    title: 'Harvest every record again, from the beginning' }, 'Full run');
  full.addEventListener('click', () => {
    if (window.confirm(`Harvest all records of ${source.id} again from the beginning?\nThis reads the whole repository and can take long.`)) {
      act(full, 'harvest?full=true', `Full harvest of ${source.id} queued.`);
    }
  });

  let toggle;
  if (source.paused) {
    toggle = h('button', { type: 'button', class: 'small resume', title: 'Harvest on its schedule again' }, 'Resume');
    toggle.addEventListener('click', () => act(toggle, 'resume', `${source.id} resumed: it is harvested on its schedule again.`));
  } else {
    toggle = h('button', { type: 'button', class: 'small pause', title: 'Stop scheduled harvests until resumed' }, 'Pause');
    toggle.addEventListener('click', () => act(toggle, 'pause', `${source.id} paused: no scheduled harvests until it is resumed.`));
  }
  return [runNow, full, toggle];
}

export function stateBadge(state) {
  return h('span', { class: 'state' }, badge(state || 'never'));
}

export function sourceTitle(source) {
  return libraryName(source.name, source.nameZh, source.id);
}

export function typeLabel(source) {
  // A Crossref source is told apart by the journal list whose works it asks for.
  const detail = source.type === 'oai-pmh' ? source.metadataPrefix : source.type === 'crossref' ? source.journals : source.format;
  return h('span', { class: 'type-label' }, h('span', null, source.type), detail ? h('span', { class: 'muted mono small-text' }, ` ${detail}`) : null);
}
