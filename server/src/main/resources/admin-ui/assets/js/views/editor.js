// Crosswalk editor: the stylesheet in CodeMirror with a compile check as you type, a preview on
// source records or pasted XML with diffs against the published output, saving new versions, and
// the history with diffs, publishing and rollback (whose re-crosswalk job is followed live). This
// view lays the page out and keeps the stylesheet being edited; the panels are in ./editor/.

import { api, isAdmin } from '../api.js';
import { h, clear, badge, pageHead, enc } from '../dom.js';
import { showError, showNotice, dismiss } from '../messages.js';
import { compileCheck } from './editor/compile.js';
import { previewPanel } from './editor/preview.js';
import { historyPanel } from './editor/history.js';

export async function render(ctx) {
  const id = ctx.params[0];
  const base = `/admin/api/crosswalks/${enc(id)}`;
  ctx.setTitle(id);
  if (!window.CodeMirror) throw new Error('The editor library (CodeMirror) did not load; reload the page.');

  const [crosswalk, versions] = await Promise.all([api.get(base), api.get(`${base}/versions`)]);
  // What the page last loaded, shared with the history panel.
  const state = { crosswalk, versions, loadedVersion: crosswalk.publishedVersion };
  let text = crosswalk.stylesheet ?? '';
  const wanted = Number(ctx.query.get('version'));
  if (wanted && wanted !== crosswalk.publishedVersion) {
    try {
      const v = await api.get(`${base}/versions/${wanted}`);
      state.loadedVersion = v.version;
      text = v.stylesheet;
    } catch (e) {
      showError(e, `Version ${wanted}`);
    }
  }

  // ------------------------------------------------------------------ elements
  // CodeMirror measures the element it is made in, so it is made once the page is laid out; the
  // panels made before then reach it through editor().
  let cm = null;
  const editor = () => cm;
  const sources = crosswalk.sources || [];
  const head = h('div');
  const editingLabel = h('span', { class: 'editing-label' });
  const dirtyFlag = h('span', { class: 'dirty-flag', hidden: true, title: 'Changed since loaded or saved' }, 'modified');
  const editorEl = h('div', { id: 'editor', class: 'editor' });
  const comment = h('input', { id: 'save-comment', type: 'text', maxlength: 500, autocomplete: 'off',
    placeholder: 'What changed and why (shown in the history)' });
  const saveButton = h('button', { type: 'button', id: 'save', class: 'primary', title: 'Save as a new version (Ctrl-S); it is not published yet' }, 'Save version');
  const compile = compileCheck({ base, editor, editorEl });
  const preview = previewPanel({ crosswalk, base, editor, compile });
  const historyView = historyPanel({ id, base, state, onLoad: loadVersion, refresh });

  clear(ctx.main,
    head,
    h('div', { class: 'editor-layout' },
      h('section', { class: 'panel editor-panel' },
        h('header', { class: 'panel-head editor-bar' }, editingLabel, dirtyFlag, h('span', { class: 'grow' }), compile.pending, compile.status, compile.button),
        editorEl,
        compile.list,
        h('div', { class: 'save-bar' },
          h('label', { for: 'save-comment', class: 'save-label' }, 'Comment'), comment, saveButton)),
      preview.el),
    historyView.el);

  // ------------------------------------------------------------------ CodeMirror
  cm = window.CodeMirror(editorEl, {
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
      'Ctrl-S': () => save(),
      'Cmd-S': () => save(),
      'Ctrl-Enter': () => preview.run(),
      'Cmd-Enter': () => preview.run(),
      'Ctrl-J': 'toMatchingTag',
      Tab: (instance) => (instance.somethingSelected() ? instance.indentSelection('add') : instance.replaceSelection('  ', 'end')),
      'Shift-Tab': (instance) => instance.indentSelection('subtract'),
    },
  });
  let cleanGeneration = cm.changeGeneration();
  const resize = new ResizeObserver(() => cm.refresh());
  resize.observe(editorEl);
  ctx.onCleanup(() => resize.disconnect());
  ctx.onCleanup(() => compile.cancel());
  ctx.onCleanup(() => historyView.stop());

  const isDirty = () => !cm.isClean(cleanGeneration);
  ctx.beforeLeave((unloading) => !isDirty()
    || (!unloading && window.confirm('Leave the editor? Your unsaved changes to the stylesheet will be lost.')));
  cm.on('changes', () => {
    dirtyFlag.hidden = !isDirty();
    compile.checkSoon();
  });

  function showHead() {
    const current = state.crosswalk;
    const ahead = current.latestVersion > current.publishedVersion;
    clear(head, pageHead(id, {
      crumbs: [['Crosswalks', '/admin/crosswalks']],
      sub: h('span', { class: 'head-meta' },
        badge(current.direction), ' ',
        h('span', { class: 'mono' }, current.from, ' → ', current.to),
        h('span', { class: 'dot' }, '·'), 'published ', h('strong', null, `v${current.publishedVersion}`),
        h('span', { class: 'dot' }, '·'), 'latest ', h('strong', null, `v${current.latestVersion}`),
        ahead ? [' ', badge('unpublished changes', 'warn')] : null,
        h('span', { class: 'dot' }, '·'), 'used by ',
        sources.length ? sources.map((s, i) => [i ? ', ' : '', isAdmin() ? h('a', { href: `/admin/sources/${enc(s)}` }, s) : s])
          : h('span', { class: 'muted' }, 'no source')),
    }));
  }

  function showEditing() {
    clear(editingLabel, 'Editing ', h('strong', null, `version ${state.loadedVersion}`),
      state.loadedVersion === state.crosswalk.publishedVersion ? [' ', badge('published')] : null);
    dirtyFlag.hidden = !isDirty();
  }

  // ------------------------------------------------------------------ save and load
  async function save() {
    compile.cancel();
    saveButton.disabled = true;
    const generation = cm.changeGeneration();
    try {
      const saved = await api.post(`${base}/versions`, { stylesheet: cm.getValue(), comment: comment.value.trim() });
      cleanGeneration = generation;
      state.loadedVersion = saved.version;
      dismiss('Not saved');
      comment.value = '';
      compile.show(true, []);
      showNotice(`Saved version ${saved.version} of ${id}.`, 'It is not live yet: publish it from the history when the preview looks right.');
      await refresh();
      history.replaceState(null, '', `/admin/crosswalks/${enc(id)}?version=${saved.version}`);
    } catch (e) {
      if (e.status === 422 && Array.isArray(e.body.errors)) {
        compile.show(false, e.body.errors);
        compile.list.scrollIntoView({ block: 'nearest' });
      }
      showError(e, 'Not saved');
    } finally {
      saveButton.disabled = false;
      showEditing();
    }
  }
  saveButton.addEventListener('click', save);
  comment.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      save();
    }
  });

  async function loadVersion(version) {
    try {
      const v = await api.get(`${base}/versions/${version}`);
      const hadEdits = isDirty();
      cm.setValue(v.stylesheet ?? '');
      cleanGeneration = cm.changeGeneration();
      state.loadedVersion = v.version ?? version;
      showEditing();
      historyView.show();
      history.replaceState(null, '', `/admin/crosswalks/${enc(id)}${state.loadedVersion === state.crosswalk.publishedVersion ? '' : `?version=${state.loadedVersion}`}`);
      compile.checkNow();
      showNotice(`Loaded version ${state.loadedVersion} into the editor.`, hadEdits ? 'Your unsaved edits are still in the undo history (Ctrl-Z).' : null);
      editorEl.scrollIntoView({ block: 'nearest' });
    } catch (e) {
      showError(e, `Version ${version}`);
    }
  }

  async function refresh() {
    try {
      const [c, list] = await Promise.all([api.get(base), api.get(`${base}/versions`)]);
      state.crosswalk = c;
      state.versions = list;
    } catch (e) {
      showError(e, 'Reloading the history');
    }
    showHead();
    showEditing();
    historyView.show();
  }

  showHead();
  showEditing();
  historyView.show();
  compile.checkNow();
}
