// Renders a unified diff (as `diff -u` writes it) with old and new line numbers, added lines green
// and removed lines red. Each line keeps its +, - or space as text.

import { h } from './dom.js';

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

export function parseDiff(text) {
  const lines = String(text ?? '').replace(/\n$/, '').split(/\r?\n/);
  const out = [];
  let oldNo = 0;
  let newNo = 0;
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.startsWith('--- ') || line.startsWith('+++ ')) {
      out.push({ kind: 'file', text: line });
      continue;
    }
    const hunk = HUNK.exec(line);
    if (hunk) {
      oldNo = Number(hunk[1]);
      newNo = Number(hunk[3]);
      out.push({ kind: 'hunk', text: line });
    } else if (line.startsWith('+')) {
      out.push({ kind: 'add', text: line, newNo: newNo++ });
      added++;
    } else if (line.startsWith('-')) {
      out.push({ kind: 'del', text: line, oldNo: oldNo++ });
      removed++;
    } else if (line.startsWith('\\')) {
      out.push({ kind: 'note', text: line });
    } else {
      out.push({ kind: 'ctx', text: line, oldNo: oldNo++, newNo: newNo++ });
    }
  }
  return { lines: out, added, removed };
}

/** The diff as an element; `empty` is shown when there is no change. */
export function renderDiff(text, { empty = 'No differences.', showFiles = false } = {}) {
  if (!text || !String(text).trim()) {
    return h('div', { class: 'diff diff-empty' }, empty);
  }
  const { lines, added, removed } = parseDiff(text);
  const rows = lines.filter((l) => showFiles || l.kind !== 'file').map((l) =>
    h('div', { class: `dl dl-${l.kind}` },
      h('span', { class: 'ln', 'aria-hidden': 'true' }, l.oldNo ?? ''),
      h('span', { class: 'ln', 'aria-hidden': 'true' }, l.newNo ?? ''),
      h('span', { class: 'dt' }, l.text === '' ? ' ' : l.text)));
  return h('div', { class: 'diff' },
    h('div', { class: 'diff-stat' },
      h('span', { class: 'diff-added' }, `+${added}`), ' ',
      h('span', { class: 'diff-removed' }, `−${removed}`), ' lines'),
    h('div', { class: 'diff-body' }, rows));
}
