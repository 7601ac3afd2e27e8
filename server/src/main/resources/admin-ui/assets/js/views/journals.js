// Journal lists (admin only): the lists that scope the sources' articles, as the files of
// config/journals, with the sources that name each; uploading a list (a file or pasted text) shows
// how many journals it holds and which lines were left out; a list no source names can be deleted.

import { api } from '../api.js';
import { h, clear, badge, pageHead, panel, num, table, emptyRow, timeAt, enc, plural } from '../dom.js';
import { showError, showNotice } from '../messages.js';

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const MAX_BYTES = 20 * 1024 * 1024;
const TYPES = { csv: 'text/csv', txt: 'text/plain', tsv: 'text/tab-separated-values' };

function usedByCell(list) {
  if (!list.usedBy.length) return h('td', { class: 'muted' }, 'no source');
  return h('td', null, list.usedBy.map((id, i) => [i ? ', ' : null, h('a', { href: `/admin/sources/${enc(id)}`, class: 'mono' }, id)]));
}

/** The lines a list left out, each with why; `total` counts those not shown too. */
function rejectedTable(rejected, total) {
  if (!total) return null;
  return h('div', { class: 'rejected-lines' },
    h('p', { class: 'muted' }, rejected.length < total
      ? `The first ${num(rejected.length)} of ${plural(total, 'line')} left out:` : `${plural(total, 'line')} left out:`),
    table([{ label: 'Line', class: 'num' }, 'Why'], rejected.map((r) => h('tr', null,
      h('td', { class: 'num' }, r.line), h('td', { class: 'mono' }, r.reason)))));
}

export async function render(ctx) {
  ctx.setTitle('Journal lists');
  let lists = (await api.get('/admin/api/journal-lists')).lists;
  const tableBox = h('div');
  const ids = h('datalist', { id: 'journal-ids' });

  function row(list) {
    const del = h('button', { type: 'button', class: 'small danger delete', disabled: list.usedBy.length > 0,
      title: list.usedBy.length ? `Named by ${list.usedBy.join(', ')}: change their journal list first` : `Delete ${list.id}` }, 'Delete');
    del.addEventListener('click', () => remove(list, del));
    return h('tr', { dataset: { list: list.id } },
      h('td', null, h('strong', { class: 'mono' }, list.id), list.error ? [' ', badge('unreadable', 'err'), h('div', { class: 'error-text small-text' }, list.error)] : null),
      h('td', { class: 'num' }, num(list.journals)),
      h('td', { class: ['num', list.rejectedLines > 0 && 'text-warn'] }, num(list.rejectedLines)),
      usedByCell(list),
      h('td', null, timeAt(list.modifiedAt)),
      h('td', { class: 'actions nowrap' },
        h('a', { class: 'button small', href: `/admin/api/journal-lists/${enc(list.id)}`, download: '', title: `Download the file of ${list.id}` }, 'Download'),
        ' ', del));
  }

  function show() {
    clear(tableBox, table(['List', { label: 'Journals', class: 'num' }, { label: 'Lines left out', class: 'num' }, 'Used by', 'Modified', ''],
      lists.length ? lists.map(row) : emptyRow(6, 'No journal lists yet: upload one below.'), { id: 'journal-lists-table' }));
    // The ids offered when uploading: saving one of them replaces it.
    clear(ids, lists.map((l) => h('option', { value: l.id })));
  }

  async function reload() {
    lists = (await api.get('/admin/api/journal-lists')).lists;
    show();
  }

  async function remove(list, button) {
    if (!window.confirm(`Delete the journal list ${list.id} (${plural(list.journals, 'journal')})? Its file is removed from config/journals.`)) return;
    button.disabled = true;
    try {
      await api.del(`/admin/api/journal-lists/${enc(list.id)}`);
      showNotice(`Deleted the journal list ${list.id}.`);
      await reload();
    } catch (e) {
      showError(e, `Deleting ${list.id}`);
      button.disabled = false;
    }
  }

  const idInput = h('input', { id: 'journal-id', name: 'id', required: true, pattern: ID.source.slice(1, -1), maxlength: 64,
    autocomplete: 'off', spellcheck: 'false', class: 'mono', placeholder: 'e.g. hss-core', list: 'journal-ids' });
  const fileInput = h('input', { id: 'journal-file', name: 'file', type: 'file', accept: '.tsv,.csv,.txt,text/tab-separated-values,text/csv,text/plain' });
  const textInput = h('textarea', { id: 'journal-text', name: 'text', rows: 6, spellcheck: 'false',
    placeholder: 'issn_l\tprint_issn\tonline_issn\ttitle\n0097-7004\t0097-7004\t1552-6836\tModern China' });
  const uploadButton = h('button', { type: 'submit', id: 'journal-upload', class: 'primary' }, 'Save list');
  const result = h('div', { id: 'journal-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'stack-form', novalidate: true },
    h('label', { class: 'field' }, h('span', null, 'List id'), idInput),
    h('label', { class: 'field' }, h('span', null, 'File (.tsv, .csv, .txt)'), fileInput),
    h('label', { class: 'field wide' }, h('span', null, 'or the list pasted'), textInput),
    uploadButton, ids);

  fileInput.addEventListener('change', () => {
    const name = fileInput.files[0]?.name.replace(/\.[^.]*$/, '').toLowerCase();
    if (name && !idInput.value.trim() && ID.test(name)) idInput.value = name;
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const id = idInput.value.trim();
    const file = fileInput.files[0];
    const text = textInput.value;
    idInput.classList.toggle('invalid', !ID.test(id));
    if (!ID.test(id)) {
      showError('A list id is a lower-case code: letters, digits, . _ - (at most 64).');
      idInput.focus();
      return;
    }
    if (file && text.trim()) {
      showError('Choose a file or paste a list, not both.');
      return;
    }
    if (!file && !text.trim()) {
      showError('Choose a file of the list, or paste it.');
      fileInput.focus();
      return;
    }
    if (file && file.size > MAX_BYTES) {
      showError(`A journal list may have at most ${MAX_BYTES / 1024 / 1024} MB; this file has ${Math.ceil(file.size / 1024 / 1024)} MB.`);
      return;
    }
    const old = lists.find((l) => l.id === id);
    if (old && !window.confirm(`Replace the journal list ${id} (${plural(old.journals, 'journal')}${old.usedBy.length ? `, named by ${old.usedBy.join(', ')}` : ''})?`)) return;
    uploadButton.disabled = true;
    clear(result);
    try {
      // A file goes as its bytes, so that the hub, not the browser, decides whether it is UTF-8.
      const saved = file
        ? await api.putRaw(`/admin/api/journal-lists/${enc(id)}`, file, TYPES[file.name.split('.').pop().toLowerCase()] || TYPES.tsv)
        : await api.putRaw(`/admin/api/journal-lists/${enc(id)}`, text, 'text/plain; charset=utf-8');
      clear(result,
        h('p', { class: 'saved-summary' }, badge('saved', 'ok'), ' ', h('strong', { class: 'mono' }, saved.id), `: ${plural(saved.journals, 'journal')}`,
          saved.rejectedLines ? `, ${plural(saved.rejectedLines, 'line')} left out.` : ', no line left out.'),
        rejectedTable(saved.rejected, saved.rejectedLines));
      showNotice(`Saved the journal list ${saved.id}.`);
      form.reset();
      await reload();
    } catch (err) {
      clear(result, err.body?.rejected ? [h('p', { class: 'error-text' }, err.message), rejectedTable(err.body.rejected, err.body.rejectedLines)] : []);
      showError(err, `Saving ${id}`);
    } finally {
      uploadButton.disabled = false;
    }
  });

  clear(ctx.main,
    pageHead('Journal lists', { sub: 'The journals whose articles the sources keep: the files of config/journals, which harvests, imports and the command line read.' }),
    panel('Lists', { class: 'flush', id: 'journal-lists' }, tableBox),
    panel('Upload a list', { id: 'journal-upload-panel' },
      h('p', { class: 'panel-note' }, 'One ISSN a line, or a table (tab or comma separated) with a header naming issn_l, print_issn, online_issn and title; a KBART title list is one. ',
        'Lines without a valid ISSN are left out. The list is saved as config/journals/ID.tsv, replacing a list of the same id; a list without a single journal is refused. ',
        'On several hub nodes, config/journals must be shared between them, or the same list saved on each.'),
      form, result));
  show();
}
