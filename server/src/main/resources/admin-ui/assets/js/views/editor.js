// Crosswalk editor: the stylesheet in CodeMirror with a compile check as you type, a preview on
// source records or pasted XML with diffs against the published output, saving new versions, and
// the history with diffs, publishing and rollback (whose re-crosswalk job is followed live).

import { api, isAdmin } from '../api.js';
import { h, clear, badge, pageHead, timeAt, enc, num, plural, debounce, loading, xmlBlock } from '../dom.js';
import { showError, showNotice, showWarning, dismiss } from '../messages.js';
import { renderDiff } from '../diff.js';
import { jobPanel } from '../job.js';

const CHECK_DELAY = 800;
const MAX_FILE = 2 * 1000 * 1000; // the server takes pasted records of up to 2,000,000 characters

function errorsText(errors) {
  return (errors || []).slice(0, 5).map((e) => `${e.line ? `line ${e.line}${e.column ? `:${e.column}` : ''}: ` : ''}${e.message}`).join('\n');
}

export async function render(ctx) {
  const id = ctx.params[0];
  const base = `/admin/api/crosswalks/${enc(id)}`;
  ctx.setTitle(id);
  if (!window.CodeMirror) throw new Error('The editor library (CodeMirror) did not load; reload the page.');

  let [crosswalk, versions] = await Promise.all([api.get(base), api.get(`${base}/versions`)]);
  let loadedVersion = crosswalk.publishedVersion;
  let text = crosswalk.stylesheet ?? '';
  const wanted = Number(ctx.query.get('version'));
  if (wanted && wanted !== crosswalk.publishedVersion) {
    try {
      const v = await api.get(`${base}/versions/${wanted}`);
      loadedVersion = v.version;
      text = v.stylesheet;
    } catch (e) {
      showError(e, `Version ${wanted}`);
    }
  }

  // ------------------------------------------------------------------ elements
  const head = h('div');
  const editingLabel = h('span', { class: 'editing-label' });
  const dirtyFlag = h('span', { class: 'dirty-flag', hidden: true, title: 'Changed since loaded or saved' }, 'modified');
  const pending = h('span', { class: 'pending', hidden: true }, h('span', { class: 'spinner small', 'aria-hidden': 'true' }), 'checking');
  const compileStatus = h('span', { id: 'compile-status', class: 'compile-status', role: 'status' });
  const checkButton = h('button', { type: 'button', id: 'check', title: 'Compile the stylesheet now (it is also checked as you type)' }, 'Check');
  const editorEl = h('div', { id: 'editor', class: 'editor' });
  const compileErrors = h('ul', { id: 'compile-errors', class: 'compile-errors', hidden: true, 'aria-label': 'Compile errors' });
  const comment = h('input', { id: 'save-comment', type: 'text', maxlength: 500, autocomplete: 'off',
    placeholder: 'What changed and why (shown in the history)' });
  const saveButton = h('button', { type: 'button', id: 'save', class: 'primary', title: 'Save as a new version (Ctrl-S); it is not published yet' }, 'Save version');

  const sourceSelect = h('select', { id: 'preview-source' });
  const sources = crosswalk.sources || [];
  if (sources.length) {
    for (const s of sources) sourceSelect.append(h('option', { value: s }, s));
  } else {
    sourceSelect.append(h('option', { value: '' }, 'no source uses it'));
    sourceSelect.disabled = true;
  }
  const countInput = h('input', { id: 'preview-count', type: 'number', min: 1, max: 20, step: 1, value: '5', class: 'narrow' });
  const xmlInput = h('textarea', { id: 'preview-xml', rows: 5, spellcheck: 'false', class: 'mono',
    placeholder: `Or paste a ${crosswalk.from || 'source'} record here to preview it instead` });
  const fileInput = h('input', { id: 'preview-file', type: 'file', accept: '.xml,text/xml,application/xml', class: 'visually-hidden' });
  const fileButton = h('label', { for: 'preview-file', class: 'button small' }, 'Load file…');
  const clearXml = h('button', { type: 'button', class: 'small link', hidden: true }, 'Clear');
  const runButton = h('button', { type: 'button', id: 'preview-run', class: 'primary' }, 'Run preview');
  const summary = h('span', { id: 'preview-summary' });
  const summaryExtra = h('span', { class: 'summary-extra' });
  const onlyChanged = h('input', { type: 'checkbox', id: 'preview-only-changed' });
  const summaryRow = h('div', { class: 'preview-summary-row', hidden: true }, summary, summaryExtra,
    h('label', { class: 'check-label' }, onlyChanged, ' only changed'));
  const results = h('div', { id: 'preview-results', class: 'preview-results' },
    h('p', { class: 'muted hint' }, 'Run the edited stylesheet on records to see each output, whether it is valid, and how it differs from what the published version makes.'));

  const jobSlot = h('div', { class: 'job-slot' });
  const historyBody = h('tbody');
  const historyTable = h('table', { id: 'history', class: 'data history' },
    h('thead', null, h('tr', null,
      h('th', { class: 'compare-col', title: 'Tick two versions to compare them' }, 'Diff'),
      h('th', null, 'Version'), h('th', null, 'Author'), h('th', null, 'Saved'), h('th', null, 'Comment'), h('th', { class: 'actions' }, ''))),
    historyBody);
  const versionDiff = h('div', { id: 'version-diff', class: 'version-diff' });
  const compareHint = h('span', { class: 'muted small-text' }, 'Tick two versions to compare them.');

  clear(ctx.main,
    head,
    h('div', { class: 'editor-layout' },
      h('section', { class: 'panel editor-panel' },
        h('header', { class: 'panel-head editor-bar' }, editingLabel, dirtyFlag, h('span', { class: 'grow' }), pending, compileStatus, checkButton),
        editorEl,
        compileErrors,
        h('div', { class: 'save-bar' },
          h('label', { for: 'save-comment', class: 'save-label' }, 'Comment'), comment, saveButton)),
      h('section', { class: 'panel preview-panel', id: 'preview' },
        h('header', { class: 'panel-head' }, h('h2', null, 'Preview'),
          h('span', { class: 'muted small-text' }, `${crosswalk.from || '?'} → ${crosswalk.to || '?'}`)),
        h('div', { class: 'panel-body' },
          h('div', { class: 'preview-controls' },
            h('div', { class: 'field-row' },
              h('label', { class: 'field' }, h('span', null, 'Source records'), sourceSelect),
              h('label', { class: 'field' }, h('span', null, 'Count'), countInput),
              h('span', { class: 'grow' }),
              runButton),
            h('div', { class: 'field' },
              h('div', { class: 'field-label-row' }, h('label', { for: 'preview-xml' }, 'Your own XML'), h('span', { class: 'grow' }), clearXml, fileButton, fileInput),
              xmlInput)),
          summaryRow,
          results))),
    h('section', { class: 'panel history-panel', id: 'history-panel' },
      h('header', { class: 'panel-head' }, h('h2', null, 'History'), compareHint),
      h('div', { class: 'panel-body' }, jobSlot, historyTable, versionDiff)));

  // ------------------------------------------------------------------ CodeMirror
  let saveShortcut = () => {};
  let previewShortcut = () => {};
  const cm = window.CodeMirror(editorEl, {
    value: text,
    mode: 'xml',
    lineNumbers: true,
    matchTags: { bothTags: true },
    styleActiveLine: true,
    autoCloseTags: true,
    foldGutter: true,
    gutters: ['cm-error-gutter', 'CodeMirror-linenumbers', 'CodeMirror-foldgutter'],
    indentUnit: 2,
    tabSize: 2,
    indentWithTabs: false,
    extraKeys: {
      'Ctrl-S': () => saveShortcut(),
      'Cmd-S': () => saveShortcut(),
      'Ctrl-Enter': () => previewShortcut(),
      'Cmd-Enter': () => previewShortcut(),
      'Ctrl-J': 'toMatchingTag',
      Tab: (editor) => (editor.somethingSelected() ? editor.indentSelection('add') : editor.replaceSelection('  ', 'end')),
      'Shift-Tab': (editor) => editor.indentSelection('subtract'),
    },
  });
  let cleanGeneration = cm.changeGeneration();
  const resize = new ResizeObserver(() => cm.refresh());
  resize.observe(editorEl);
  ctx.onCleanup(() => resize.disconnect());

  const isDirty = () => !cm.isClean(cleanGeneration);
  ctx.beforeLeave((unloading) => !isDirty()
    || (!unloading && window.confirm('Leave the editor? Your unsaved changes to the stylesheet will be lost.')));

  function showHead() {
    const ahead = crosswalk.latestVersion > crosswalk.publishedVersion;
    clear(head, pageHead(id, {
      crumbs: [['Crosswalks', '/admin/crosswalks']],
      sub: h('span', { class: 'head-meta' },
        badge(crosswalk.direction), ' ',
        h('span', { class: 'mono' }, crosswalk.from, ' → ', crosswalk.to),
        h('span', { class: 'dot' }, '·'), 'published ', h('strong', null, `v${crosswalk.publishedVersion}`),
        h('span', { class: 'dot' }, '·'), 'latest ', h('strong', null, `v${crosswalk.latestVersion}`),
        ahead ? [' ', badge('unpublished changes', 'warn')] : null,
        h('span', { class: 'dot' }, '·'), 'used by ',
        sources.length ? sources.map((s, i) => [i ? ', ' : '', isAdmin() ? h('a', { href: `/admin/sources/${enc(s)}` }, s) : s])
          : h('span', { class: 'muted' }, 'no source')),
    }));
  }

  function showEditing() {
    clear(editingLabel, 'Editing ', h('strong', null, `version ${loadedVersion}`),
      loadedVersion === crosswalk.publishedVersion ? [' ', badge('published')] : null);
    dirtyFlag.hidden = !isDirty();
  }

  // ------------------------------------------------------------------ compile errors
  let markedLines = [];

  function markErrors(errors) {
    cm.operation(() => {
      for (const line of markedLines) cm.removeLineClass(line, 'background', 'cm-error-line');
      markedLines = [];
      cm.clearGutter('cm-error-gutter');
      const byLine = new Map();
      for (const e of errors) {
        const n = Number(e.line);
        if (!(n >= 1 && n <= cm.lineCount())) continue;
        if (!byLine.has(n)) byLine.set(n, []);
        byLine.get(n).push(e.message);
      }
      for (const [n, messages] of byLine) {
        markedLines.push(cm.addLineClass(n - 1, 'background', 'cm-error-line'));
        cm.setGutterMarker(n - 1, 'cm-error-gutter', h('span', { class: 'cm-error-marker', title: messages.join('\n') }, '●'));
      }
    });
  }

  function jumpTo(line, column) {
    const n = Math.min(Math.max(Number(line) || 1, 1), cm.lineCount()) - 1;
    const ch = Math.max((Number(column) || 1) - 1, 0);
    cm.focus();
    cm.setCursor({ line: n, ch });
    cm.scrollIntoView({ line: n, ch }, 120);
    editorEl.scrollIntoView({ block: 'nearest' });
  }

  function showCompile(ok, errors) {
    const list = errors?.length ? errors : ok ? [] : [{ line: 0, column: 0, message: 'The stylesheet does not compile.' }];
    const failed = !ok || list.length > 0;
    compileStatus.textContent = failed ? (list.length === 1 ? '1 error' : `${list.length} errors`) : 'Compiles';
    compileStatus.className = `compile-status ${failed ? 'is-err' : 'is-ok'}`;
    clear(compileErrors, list.map((e) => {
      const li = h('li', { dataset: { line: e.line ?? 0 }, tabindex: 0, title: 'Go to this line' },
        h('span', { class: 'err-pos' }, e.line ? `Line ${e.line}${e.column ? `:${e.column}` : ''}` : 'Stylesheet'),
        h('span', { class: 'err-msg' }, e.message));
      const go = () => jumpTo(e.line, e.column);
      li.addEventListener('click', go);
      li.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          go();
        }
      });
      return li;
    }));
    compileErrors.hidden = list.length === 0;
    markErrors(list);
  }

  let checkSeq = 0;
  async function check() {
    const seq = ++checkSeq;
    pending.hidden = false;
    try {
      const result = await api.post(`${base}/check`, { stylesheet: cm.getValue() });
      if (seq === checkSeq) {
        showCompile(result.ok !== false, result.errors || []);
        dismiss('Compile check');
      }
    } catch (e) {
      if (seq === checkSeq) showError(e, 'Compile check');
    } finally {
      if (seq === checkSeq) pending.hidden = true;
    }
  }
  const checkSoon = debounce(check, CHECK_DELAY);
  ctx.onCleanup(() => checkSoon.cancel());
  cm.on('changes', () => {
    dirtyFlag.hidden = !isDirty();
    checkSoon();
  });
  checkButton.addEventListener('click', () => {
    checkSoon.cancel();
    check();
  });

  // ------------------------------------------------------------------ save
  async function save() {
    checkSoon.cancel();
    saveButton.disabled = true;
    const generation = cm.changeGeneration();
    try {
      const saved = await api.post(`${base}/versions`, { stylesheet: cm.getValue(), comment: comment.value.trim() });
      cleanGeneration = generation;
      loadedVersion = saved.version;
      dismiss('Not saved');
      comment.value = '';
      showCompile(true, []);
      showNotice(`Saved version ${saved.version} of ${id}.`, 'It is not live yet: publish it from the history when the preview looks right.');
      await refresh();
      history.replaceState(null, '', `/admin/crosswalks/${enc(id)}?version=${saved.version}`);
    } catch (e) {
      if (e.status === 422 && Array.isArray(e.body.errors)) {
        showCompile(false, e.body.errors);
        compileErrors.scrollIntoView({ block: 'nearest' });
      }
      showError(e, 'Not saved');
    } finally {
      saveButton.disabled = false;
      showEditing();
    }
  }
  saveShortcut = save;
  saveButton.addEventListener('click', save);
  comment.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      save();
    }
  });

  // ------------------------------------------------------------------ preview
  function updateRunLabel() {
    const pasted = xmlInput.value.trim() !== '';
    clearXml.hidden = !pasted;
    sourceSelect.closest('.field').classList.toggle('inactive', pasted);
    countInput.closest('.field').classList.toggle('inactive', pasted);
    runButton.textContent = pasted ? 'Preview pasted XML' : `Preview ${Math.max(1, Number(countInput.value) || 5)} records`;
  }
  xmlInput.addEventListener('input', updateRunLabel);
  countInput.addEventListener('input', updateRunLabel);
  clearXml.addEventListener('click', () => {
    xmlInput.value = '';
    fileInput.value = '';
    updateRunLabel();
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE) {
      showError(`${file.name} is ${Math.round(file.size / 1048576)} MB; paste or load a single record instead.`);
      fileInput.value = '';
      return;
    }
    const reader = new FileReader();
    reader.addEventListener('load', () => {
      xmlInput.value = String(reader.result);
      updateRunLabel();
      showNotice(`Loaded ${file.name} (${num(file.size)} bytes) for the preview.`);
    });
    reader.addEventListener('error', () => showError(`Could not read ${file.name}: ${reader.error?.message || 'unknown error'}`));
    reader.readAsText(file, 'UTF-8');
  });
  updateRunLabel();

  let lastResults = [];

  function recordElement(r, schema) {
    const errorText = r.error;
    const validationErrors = r.validationErrors || [];
    const hasOutput = r.output !== null && r.output !== undefined;
    return h('article', { class: ['preview-record', r.changed && 'is-changed', errorText && 'is-error', hasOutput && !r.valid && 'is-invalid'],
      dataset: { record: r.record } },
    h('header', { class: 'record-head' },
      h('code', { class: 'record-id' }, r.record),
      h('span', { class: 'grow' }),
      errorText ? badge('error', 'err') : null,
      hasOutput ? (r.valid ? badge(schema ? `valid ${schema}` : 'valid', 'ok') : badge(schema ? `invalid ${schema}` : 'invalid', 'err')) : null,
      r.changed ? badge('changed', 'warn') : badge('unchanged', 'neutral')),
    errorText ? h('div', { class: 'record-error' }, h('strong', null, 'Dynamic error: '), errorText) : null,
    r.publishedError ? h('div', { class: 'record-note' }, h('strong', null, 'The published version fails on this record: '), r.publishedError) : null,
    validationErrors.length ? h('ul', { class: 'validation-errors' }, validationErrors.map((v) =>
      h('li', null, h('span', { class: 'err-pos' }, v.line ? `Line ${v.line}${v.column ? `:${v.column}` : ''}` : 'Record'), ' ', v.message))) : null,
    h('div', { class: 'preview-diff' },
      renderDiff(r.diff, { empty: r.changed ? 'Changed, but no line differs.' : 'Same output as the published version.' })),
    h('details', { class: 'record-output' }, h('summary', null, 'Output'), xmlBlock(r.output, { empty: '(no output)' })),
    r.input ? h('details', { class: 'record-input' }, h('summary', null, 'Input record'), xmlBlock(r.input)) : null);
  }

  function showResults() {
    const shown = onlyChanged.checked ? lastResults.filter((r) => r.changed || r.error || !r.valid) : lastResults;
    clear(results, shown.length ? shown.map((r) => recordElement(r, lastSchema))
      : h('p', { class: 'muted hint' }, lastResults.length ? 'No record changes.' : 'The preview returned no records.'));
  }
  onlyChanged.addEventListener('change', showResults);

  let lastSchema = null;
  let previewSeq = 0;
  async function preview() {
    const body = { stylesheet: cm.getValue() };
    if (xmlInput.value.trim()) {
      body.xml = xmlInput.value;
    } else if (sourceSelect.value) {
      body.source = sourceSelect.value;
      body.count = Math.min(Math.max(Math.round(Number(countInput.value) || 5), 1), 20); // the server runs at most 20
    } else {
      showError('No source uses this crosswalk: paste or load a record to preview.');
      xmlInput.focus();
      return;
    }
    const seq = ++previewSeq;
    runButton.disabled = true;
    summaryRow.hidden = true;
    clear(results, loading('Running the stylesheet…'));
    try {
      const answer = await api.post(`${base}/preview`, body);
      if (seq !== previewSeq) return;
      dismiss('Preview');
      const compileErrorList = answer.errors || [];
      lastSchema = answer.schema || null;
      lastResults = answer.results || [];
      if (compileErrorList.length) {
        showCompile(false, compileErrorList);
        summary.textContent = `The stylesheet does not compile (${plural(compileErrorList.length, 'error')})`;
        clear(summaryExtra, h('span', null, 'see the errors below the editor'));
      } else {
        if (body.stylesheet === cm.getValue()) showCompile(true, []);
        const n = lastResults.length;
        const changed = lastResults.filter((r) => r.changed).length;
        const invalid = lastResults.filter((r) => r.output != null && !r.valid).length;
        const failed = lastResults.filter((r) => r.error).length;
        summary.textContent = n === 1 ? `${changed} of 1 record changes` : `${changed} of ${n} records change`;
        clear(summaryExtra,
          invalid ? h('span', { class: 'text-err' }, `${invalid} invalid`) : null,
          failed ? h('span', { class: 'text-err' }, `${failed} with errors`) : null,
          lastSchema ? h('span', { class: 'muted' }, `validated against ${lastSchema}`) : null);
      }
      summaryRow.hidden = false;
      showResults();
    } catch (e) {
      if (seq !== previewSeq) return;
      clear(results);
      if (e.status === 422 && Array.isArray(e.body.errors)) showCompile(false, e.body.errors);
      showError(e, 'Preview');
    } finally {
      if (seq === previewSeq) runButton.disabled = false;
    }
  }
  previewShortcut = preview;
  runButton.addEventListener('click', preview);

  // ------------------------------------------------------------------ history
  let compare = [];
  let job = null;
  ctx.onCleanup(() => job?.stop());

  function showHistory() {
    const live = crosswalk.publishedVersion;
    clear(historyBody, versions.map((v) => {
      const older = v.version < live;
      const box = h('input', { type: 'checkbox', class: 'compare', checked: compare.includes(v.version), 'aria-label': `Compare version ${v.version}` });
      box.addEventListener('change', () => toggleCompare(v.version, box.checked));
      const load = h('button', { type: 'button', class: 'small load', title: 'Put this version in the editor' }, 'Load');
      load.addEventListener('click', () => loadVersion(v.version));
      const publish = h('button', { type: 'button', class: 'small publish', disabled: v.published || v.version === live,
        title: v.version === live ? 'This version is in use' : 'Make this version live and re-crosswalk the records of its sources' }, 'Publish');
      publish.addEventListener('click', () => makeLive('publish', v.version, publish));
      const rollback = h('button', { type: 'button', class: 'small rollback', disabled: !older,
        title: older ? `Publish version ${v.version} again in place of version ${live}` : 'Only earlier versions than the published one can be rolled back to' }, 'Roll back to this');
      rollback.addEventListener('click', () => makeLive('rollback', v.version, rollback));
      return h('tr', { dataset: { version: v.version }, class: [v.published && 'is-published', v.version === loadedVersion && 'is-loaded'] },
        h('td', { class: 'compare-col' }, box),
        h('td', { class: 'nowrap' }, h('strong', null, `v${v.version}`),
          v.published ? [' ', badge('published')] : null,
          v.version === loadedVersion ? [' ', h('span', { class: 'badge badge-outline' }, 'in editor')] : null),
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
        showHistory();
        clear(versionDiff);
      });
      clear(versionDiff, h('div', { class: 'diff-head' }, h('h3', null, `Changes from v${d.from ?? from} to v${d.to ?? to}`), h('span', { class: 'grow' }), close),
        renderDiff(d.diff, { empty: 'The two versions are the same.' }));
    } catch (e) {
      clear(versionDiff);
      showError(e, 'Diff');
    }
  }

  async function loadVersion(version) {
    try {
      const v = await api.get(`${base}/versions/${version}`);
      const hadEdits = isDirty();
      cm.setValue(v.stylesheet ?? '');
      cleanGeneration = cm.changeGeneration();
      loadedVersion = v.version ?? version;
      showEditing();
      showHistory();
      history.replaceState(null, '', `/admin/crosswalks/${enc(id)}${loadedVersion === crosswalk.publishedVersion ? '' : `?version=${loadedVersion}`}`);
      checkSoon.cancel();
      check();
      showNotice(`Loaded version ${loadedVersion} into the editor.`, hadEdits ? 'Your unsaved edits are still in the undo history (Ctrl-Z).' : null);
      editorEl.scrollIntoView({ block: 'nearest' });
    } catch (e) {
      showError(e, `Version ${version}`);
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
      showHistory();
    }
  }

  async function refresh() {
    try {
      const [c, list] = await Promise.all([api.get(base), api.get(`${base}/versions`)]);
      crosswalk = c;
      versions = list;
    } catch (e) {
      showError(e, 'Reloading the history');
    }
    showHead();
    showEditing();
    showHistory();
  }

  showHead();
  showEditing();
  showHistory();
  check();
}
