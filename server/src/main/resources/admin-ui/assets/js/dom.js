// Small DOM and formatting helpers shared by every view. Text always goes in as text nodes, never
// as markup, so nothing the hub returns (record XML, messages, names) can inject elements.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'multiple', 'required',
  'readOnly', 'open', 'indeterminate', 'htmlFor', 'max', 'min', 'step']);

/** Builds an element: h('a', {href, class, onClick}, 'text', child, [more]). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') {
        el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      } else if (key === 'dataset') {
        for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) el.dataset[k] = String(v);
      } else if (key === 'style' && typeof value === 'object') {
        Object.assign(el.style, value);
      } else if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2).toLowerCase(), value);
      } else if (PROPERTIES.has(key)) {
        el[key] = value;
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false || child === true) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

export const enc = encodeURIComponent;

// ---------------------------------------------------------------- formatting

const NUMBER = new Intl.NumberFormat('en-US');

export function num(n) {
  return n === undefined || n === null || Number.isNaN(Number(n)) ? '—' : NUMBER.format(n);
}

function pad(n) {
  return String(n).padStart(2, '0');
}

/** Local date and time, "2026-11-25 18:00". */
export function dateTime(iso, seconds = false) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return seconds ? `${base}:${pad(d.getSeconds())}` : base;
}

/** "5 min ago", "in 3 h", "2 d ago". */
export function ago(iso, now = Date.now()) {
  if (!iso) return '—';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return String(iso);
  const diff = t - now;
  const abs = Math.abs(diff) / 1000;
  let text;
  if (abs < 45) return diff > 0 ? 'in a moment' : 'just now';
  if (abs < 3600) text = `${Math.round(abs / 60)} min`;
  else if (abs < 86400 * 2) text = `${Math.round(abs / 3600)} h`;
  else if (abs < 86400 * 60) text = `${Math.round(abs / 86400)} d`;
  else return dateTime(iso).slice(0, 10);
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

/** A <time> showing the relative time, with the exact local and UTC time on hover. */
export function timeAgo(iso) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: iso, title: `${dateTime(iso, true)} (${iso})` }, ago(iso));
}

/** A <time> showing the local date and time. */
export function timeAt(iso, seconds = false) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: iso, title: `${iso} · ${ago(iso)}` }, dateTime(iso, seconds));
}

export function duration(startIso, endIso) {
  if (!startIso) return '—';
  const start = new Date(startIso).getTime();
  const end = endIso ? new Date(endIso).getTime() : Date.now();
  let s = Math.max(0, Math.round((end - start) / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  s %= 60;
  if (m < 60) return `${m} min ${s} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function bytes(n) {
  if (n === undefined || n === null) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = Number(n);
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 || v >= 100 ? 0 : 1)} ${units[i]}`;
}

export function plural(n, one, many = `${one}s`) {
  return `${num(n)} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------- common pieces

const TONES = {
  ok: 'ok', complete: 'ok', valid: 'ok', published: 'ok', compiles: 'ok',
  running: 'info', queued: 'neutral', inbound: 'info', outbound: 'violet',
  partial: 'warn', paused: 'warn', changed: 'warn',
  failed: 'err', error: 'err', invalid: 'err',
  disabled: 'neutral', never: 'neutral', unchanged: 'neutral',
  admin: 'violet', editor: 'info',
};

export function badge(text, tone) {
  const t = tone || TONES[String(text).toLowerCase()] || 'neutral';
  return h('span', { class: `badge badge-${t}` }, text);
}

/** A library's English name with its Chinese name beside it. */
export function libraryName(name, nameZh, fallback) {
  return h('span', { class: 'lib-name' },
    h('span', { class: 'name-en' }, name || fallback || '—'),
    nameZh ? h('span', { class: 'name-zh', lang: 'zh-Hans' }, nameZh) : null);
}

export function table(columns, rows, props = {}) {
  return h('table', { class: ['data', props.class], id: props.id },
    h('thead', null, h('tr', null, columns.map((c) =>
      h('th', { class: typeof c === 'object' ? c.class : null, scope: 'col' }, typeof c === 'object' ? c.label : c)))),
    h('tbody', null, rows));
}

export function emptyRow(colspan, text) {
  return h('tr', { class: 'empty' }, h('td', { colspan }, text));
}

export function panel(title, props, ...children) {
  return h('section', { class: ['panel', props?.class], id: props?.id },
    title ? h('header', { class: 'panel-head' }, h('h2', null, title), props?.actions ?? null) : null,
    h('div', { class: 'panel-body' }, children));
}

export function pageHead(title, { crumbs = [], sub = null, actions = null } = {}) {
  return h('div', { class: 'page-head' },
    crumbs.length ? h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' },
      crumbs.map(([label, href]) => [h('a', { href }, label), h('span', { class: 'sep' }, '/')])) : null,
    h('div', { class: 'page-title-row' },
      h('h1', null, title),
      sub ? h('div', { class: 'page-sub' }, sub) : null,
      actions ? h('div', { class: 'page-actions' }, actions) : null));
}

export function loading(text = 'Loading…') {
  return h('div', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/** Delays a function until calls stop for `ms`. */
export function debounce(fn, ms) {
  let timer = null;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

/** Colours an XML text with CodeMirror's XML mode into a <pre>, if the runmode add-on is there. */
export function xmlBlock(text, props = {}) {
  const pre = h('pre', { class: ['code', 'cm-s-default', props.class] });
  if (text === null || text === undefined) {
    pre.append(h('span', { class: 'muted' }, props.empty || '(none)'));
  } else if (window.CodeMirror && window.CodeMirror.runMode) {
    window.CodeMirror.runMode(String(text), 'xml', pre);
  } else {
    pre.textContent = String(text);
  }
  return pre;
}
