// The preview of the stylesheet being edited, on a source's records or on XML pasted or loaded from
// a file: each record's output, whether it is valid, and its diff against the published output.

import { api } from '../../api.js';
import { h, clear, badge, num, plural, loading, xmlBlock } from '../../dom.js';
import { showError, showNotice, dismiss } from '../../messages.js';
import { renderDiff } from '../../diff.js';

const MAX_FILE = 2 * 1000 * 1000; // the server takes pasted records of up to 2,000,000 characters

/**
 * The preview panel of a crosswalk. `editor()` is the CodeMirror instance with the stylesheet; what
 * the preview learns about compiling goes to `compile` (the compile check).
 */
export function previewPanel({ crosswalk, base, editor, compile }) {
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

  const el = h('section', { class: 'panel preview-panel', id: 'preview' },
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
      results));

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
  let lastSchema = null;

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

  // Only the latest preview may show its answer: an earlier one can come back after it.
  let previewSeq = 0;
  async function run() {
    const body = { stylesheet: editor().getValue() };
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
        compile.show(false, compileErrorList);
        summary.textContent = `The stylesheet does not compile (${plural(compileErrorList.length, 'error')})`;
        clear(summaryExtra, h('span', null, 'see the errors below the editor'));
      } else {
        if (body.stylesheet === editor().getValue()) compile.show(true, []);
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
      if (e.status === 422 && Array.isArray(e.body.errors)) compile.show(false, e.body.errors);
      showError(e, 'Preview');
    } finally {
      if (seq === previewSeq) runButton.disabled = false;
    }
  }
  runButton.addEventListener('click', run);

  return { el, run };
}
