// The message area (bottom right, over the page): API errors stay until dismissed, notices fade
// after a while. A message given a key replaces the earlier one with the same key, so that a retry
// that works clears the error of the attempt before.

import { h } from './dom.js';

function area() {
  return document.getElementById('messages');
}

function add(kind, text, detail, { timeout = 0, key = null } = {}) {
  const box = area();
  if (!box) return null;
  if (key) for (const old of box.querySelectorAll('.message')) if (old.dataset.key === key) old.remove();
  const item = h('div', { class: `message message-${kind}`, role: kind === 'error' ? 'alert' : 'status', dataset: { key } },
    h('span', { class: 'message-icon', 'aria-hidden': 'true' }, kind === 'ok' ? '✓' : '!'),
    h('div', { class: 'message-text' }, text, detail ? h('div', { class: 'message-detail' }, detail) : null),
    h('button', { type: 'button', class: 'message-close', title: 'Dismiss', 'aria-label': 'Dismiss',
      onClick: () => item.remove() }, '×'));
  box.append(item);
  while (box.children.length > 4) box.firstElementChild.remove();
  if (timeout) setTimeout(() => item.remove(), timeout);
  return item;
}

/**
 * Shows an error (an ApiError, an Error or a text) until dismissed. Errors that lead to the login
 * page are not shown.
 */
export function showError(err, context, { key } = {}) {
  if (err && err.redirecting) return null;
  const message = typeof err === 'string' ? err : err?.message || String(err);
  const status = err && typeof err === 'object' && err.status ? `HTTP ${err.status}` : null;
  if (err instanceof Error && err.name !== 'ApiError') console.error(err);
  return add('error', context ? `${context}: ${message}` : message, status, { key: key ?? context ?? null });
}

export function showNotice(text, detail, { key } = {}) {
  return add('ok', text, detail, { timeout: 7000, key });
}

export function showWarning(text, detail, { key } = {}) {
  return add('warn', text, detail, { key });
}

/** Removes the message with this key, if it is there. */
export function dismiss(key) {
  for (const old of area()?.querySelectorAll('.message') || []) if (old.dataset.key === key) old.remove();
}

export function clearMessages() {
  area()?.replaceChildren();
}
