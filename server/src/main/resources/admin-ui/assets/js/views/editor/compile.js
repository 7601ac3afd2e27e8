// The compile check of the stylesheet being edited: as you type (after a pause) or on demand, with
// each error listed under the editor and marked at its line in the gutter.

import { api } from '../../api.js';
import { h, clear, debounce } from '../../dom.js';
import { showError, dismiss } from '../../messages.js';

const CHECK_DELAY = 800;

/**
 * The check's controls and error list, for the page to place. `editor()` is the CodeMirror instance,
 * which is only made once the page is laid out (it measures its element); `editorEl` holds it.
 */
export function compileCheck({ base, editor, editorEl }) {
  const pending = h('span', { class: 'pending', hidden: true }, h('span', { class: 'spinner small', 'aria-hidden': 'true' }), 'checking');
  const status = h('span', { id: 'compile-status', class: 'compile-status', role: 'status' });
  const button = h('button', { type: 'button', id: 'check', title: 'Compile the stylesheet now (it is also checked as you type)' }, 'Check');
  const list = h('ul', { id: 'compile-errors', class: 'compile-errors', hidden: true, 'aria-label': 'Compile errors' });

  let markedLines = [];

  function markErrors(errors) {
    const cm = editor();
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
    const cm = editor();
    const n = Math.min(Math.max(Number(line) || 1, 1), cm.lineCount()) - 1;
    const ch = Math.max((Number(column) || 1) - 1, 0);
    cm.focus();
    cm.setCursor({ line: n, ch });
    cm.scrollIntoView({ line: n, ch }, 120);
    editorEl.scrollIntoView({ block: 'nearest' });
  }

  /** Shows a check's result; `ok` false without errors still says the stylesheet does not compile. */
  function show(ok, errors) {
    const shown = errors?.length ? errors : ok ? [] : [{ line: 0, column: 0, message: 'The stylesheet does not compile.' }];
    const failed = !ok || shown.length > 0;
    status.textContent = failed ? (shown.length === 1 ? '1 error' : `${shown.length} errors`) : 'Compiles';
    status.className = `compile-status ${failed ? 'is-err' : 'is-ok'}`;
    clear(list, shown.map((e) => {
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
    list.hidden = shown.length === 0;
    markErrors(shown);
  }

  // Only the latest check may show its answer: an earlier one can come back after it.
  let checkSeq = 0;
  async function check() {
    const seq = ++checkSeq;
    pending.hidden = false;
    try {
      const result = await api.post(`${base}/check`, { stylesheet: editor().getValue() });
      if (seq === checkSeq) {
        show(result.ok !== false, result.errors || []);
        dismiss('Compile check');
      }
    } catch (e) {
      if (seq === checkSeq) showError(e, 'Compile check');
    } finally {
      if (seq === checkSeq) pending.hidden = true;
    }
  }
  const checkSoon = debounce(check, CHECK_DELAY);

  function checkNow() {
    checkSoon.cancel();
    check();
  }
  button.addEventListener('click', checkNow);

  return { pending, status, button, list, show, checkNow, checkSoon, cancel: () => checkSoon.cancel() };
}
