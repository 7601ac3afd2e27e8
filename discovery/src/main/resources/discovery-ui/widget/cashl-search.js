// The CASHL search box (docs/search.md): <cashl-search library="pku" lang="zh"></cashl-search>
// after <script type="module" src="https://<hub>/widget/cashl-search.js"></script>.
// No dependencies; the form inside the element is the fallback for browsers without scripts.
// Styling: CSS custom properties (--cashl-*) and ::part() (form, label, input, button, listbox,
// option, results, result, status); no generated class names. Suggestions follow the WAI-ARIA
// Authoring Practices combobox pattern (list autocomplete): arrow keys move, Enter picks, Escape
// closes, Tab never picks.

const HUB = new URL('..', import.meta.url).href.replace(/\/$/, '');

const WORDS = {
  zh: {
    label: '检索 CASHL 外文文献', list: '检索建议', button: '检索', placeholder: '题名、作者、主题、ISBN、DOI',
    suggestions: n => (n ? `${n} 条建议，可用上下方向键选择` : '没有建议'),
    results: n => `共 ${n.toLocaleString('zh-CN')} 条结果`, all: '查看全部结果', none: '没有找到结果',
    fullText: '阅读全文', failed: '暂时无法检索，请稍后再试', searching: '正在检索…'
  },
  en: {
    label: 'Search CASHL', list: 'Suggestions', button: 'Search', placeholder: 'Title, author, subject, ISBN, DOI',
    suggestions: n => (n ? `${n} suggestions, use the up and down arrow keys` : 'No suggestions'),
    results: n => `${n.toLocaleString('en')} results`, all: 'See all results', none: 'Nothing found',
    fullText: 'Full text', failed: 'The search is not available just now', searching: 'Searching…'
  }
};

let instances = 0;

/**
 * Suggestions under a search input, from an OpenSearch suggestions URL ([typed, [titles], ...]).
 * The list is created beside the input (in its parent); returns the controller.
 *
 * @param {HTMLInputElement} input
 * @param {string} suggestUrl
 * @param {{status?: HTMLElement, words?: object, parts?: boolean, onPick?: Function}} options
 */
export function attachSuggestions(input, suggestUrl, options = {}) {
  return new Combobox(input, suggestUrl, options);
}

class Combobox {
  constructor(input, suggestUrl, { status, words = WORDS[document.documentElement.lang?.startsWith('en') ? 'en' : 'zh'], parts = false, onPick } = {}) {
    const id = `cashl-suggest-${++instances}`;
    this.input = input;
    this.url = suggestUrl;
    this.words = words;
    this.onPick = onPick || (() => input.form?.requestSubmit());
    this.list = document.createElement('ul');
    this.list.id = id;
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', words.list);
    this.list.className = 'suggestions';
    if (parts) this.list.setAttribute('part', 'listbox');
    this.list.hidden = true;
    this.parts = parts;
    input.after(this.list);
    if (!status) {
      status = document.createElement('div');
      status.className = 'visually-hidden';
      status.setAttribute('role', 'status');
      this.list.after(status);
    }
    this.status = status;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);
    input.setAttribute('autocomplete', 'off');
    this.active = -1;
    this.timer = 0;
    this.request = null;
    input.addEventListener('input', () => this.typed());
    input.addEventListener('keydown', event => this.key(event));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    // A search sent (by Enter or the button) needs no more suggestions, nor one still on its way.
    input.form?.addEventListener('submit', () => this.cancel());
    this.list.addEventListener('mousedown', event => event.preventDefault());
    this.list.addEventListener('click', event => {
      const option = event.target.closest('[role="option"]');
      if (option) this.pick(option);
    });
  }

  typed() {
    clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (text.length < 2) {
      this.close();
      return;
    }
    this.timer = setTimeout(() => this.fetch(text), 150);
  }

  async fetch(text) {
    this.request?.abort();
    this.request = new AbortController();
    try {
      const url = `${this.url}${this.url.includes('?') ? '&' : '?'}q=${encodeURIComponent(text)}`;
      const answer = await fetch(url, { signal: this.request.signal, credentials: 'omit' });
      if (!answer.ok) return;
      const [, titles = []] = await answer.json();
      if (this.input.value.trim() === text) this.show(titles.slice(0, 10));
    } catch {
      // Suggestions are a courtesy: the search works without them.
    }
  }

  show(titles) {
    this.list.replaceChildren();
    titles.forEach((title, i) => {
      const option = document.createElement('li');
      option.id = `${this.list.id}-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      if (this.parts) option.setAttribute('part', 'option');
      option.textContent = title;
      this.list.append(option);
    });
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    const open = titles.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.status.textContent = this.words.suggestions(titles.length);
  }

  cancel() {
    clearTimeout(this.timer);
    this.request?.abort();
    this.close();
  }

  close() {
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  options() {
    return [...this.list.querySelectorAll('[role="option"]')];
  }

  move(to) {
    const options = this.options();
    if (!options.length) return;
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.active = (to + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === this.active)));
    const current = options[this.active];
    this.input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  }

  pick(option) {
    this.input.value = option.textContent;
    this.close();
    this.onPick(option.textContent);
  }

  key(event) {
    const open = !this.list.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.move(open ? this.active + 1 : 0);
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.move(open ? this.active - 1 : -1);
        break;
      case 'Enter':
        if (open && this.active >= 0) {
          event.preventDefault();
          this.pick(this.options()[this.active]);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = '';
        }
        break;
      case 'Tab':
        // Tab moves on and leaves the text as typed: it never picks the active suggestion.
        this.close();
        break;
      default:
    }
  }
}

const STYLE = `
:host { display: block; font-family: var(--cashl-font, system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif);
  color: var(--cashl-text, #1a1a1a); max-width: var(--cashl-max-width, 40rem); }
:host([hidden]) { display: none; }
form { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
label { flex: 1 0 100%; font-weight: 600; }
.box { flex: 1 1 12rem; position: relative; min-width: 0; }
input { box-sizing: border-box; width: 100%; font: inherit; padding: .5rem .65rem; color: inherit;
  background: var(--cashl-background, #fff); border: 2px solid var(--cashl-border, #767676); border-radius: var(--cashl-radius, .4rem); }
button { font: inherit; font-weight: 600; padding: .5rem 1.1rem; cursor: pointer; border: 0; border-radius: var(--cashl-radius, .4rem);
  background: var(--cashl-accent, #0b4f8a); color: var(--cashl-accent-text, #fff); }
:focus-visible { outline: 3px solid var(--cashl-focus, #b35c00); outline-offset: 2px; }
ul[role="listbox"] { position: absolute; left: 0; right: 0; top: 100%; z-index: 10; margin: .2rem 0 0; padding: .25rem 0; list-style: none;
  background: var(--cashl-background, #fff); border: 1px solid var(--cashl-border, #767676); border-radius: var(--cashl-radius, .4rem);
  box-shadow: 0 4px 12px rgb(0 0 0 / 15%); max-height: 20rem; overflow-y: auto; }
ul[role="listbox"][hidden] { display: none; }
[role="option"] { padding: .35rem .65rem; cursor: pointer; }
[role="option"][aria-selected="true"] { background: var(--cashl-accent, #0b4f8a); color: var(--cashl-accent-text, #fff); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
ol { margin: .75rem 0 0; padding-left: 1.4rem; }
li.result { margin: .35rem 0; }
.meta { color: var(--cashl-muted, #4a4a4a); font-size: .9em; }
a { color: var(--cashl-link, #0b4f8a); }
`;

class CashlSearch extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const n = ++instances;
    const lang = (this.getAttribute('lang') || document.documentElement.lang || 'zh').toLowerCase().startsWith('en') ? 'en' : 'zh';
    const words = WORDS[lang];
    this.hub = (this.getAttribute('hub') || HUB).replace(/\/$/, '');
    this.language = lang;
    this.words = words;
    const root = this.attachShadow({ mode: 'open' });
    // A constructed style sheet: host pages whose Content-Security-Policy forbids inline styles
    // still style the box (a <style> element where the browser cannot construct one).
    let style = null;
    if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
    } else {
      style = document.createElement('style');
      style.textContent = STYLE;
    }
    const form = element('form', { part: 'form', role: 'search', method: 'get', action: `${this.hub}/search` });
    const inputId = `cashl-q-${n}`;
    const label = element('label', { part: 'label', for: inputId }, this.getAttribute('label') || words.label);
    const box = element('div', { class: 'box' });
    const input = element('input', {
      part: 'input', id: inputId, name: 'q', type: 'search', enterkeyhint: 'search',
      placeholder: this.getAttribute('placeholder') || words.placeholder
    });
    box.append(input);
    const button = element('button', { part: 'button', type: 'submit' }, words.button);
    form.append(label, box, button);
    for (const [name, value] of [['library', this.getAttribute('library')], ['lang', lang]]) {
      if (value) form.append(element('input', { type: 'hidden', name, value }));
    }
    const target = this.getAttribute('target') || '_top';
    if (target !== 'inline') form.target = target === 'hub' ? '_top' : target;
    const status = element('div', { class: 'visually-hidden', role: 'status' });
    this.results = element('div', { part: 'results', 'aria-live': 'polite' });
    root.append(...[style, form, status, this.results].filter(Boolean));
    this.combobox = new Combobox(input, `${this.hub}/suggest`, {
      status, words, parts: true, onPick: () => form.requestSubmit()
    });
    form.addEventListener('submit', event => {
      if (this.getAttribute('target') === 'inline') {
        event.preventDefault();
        this.searchInline(input.value.trim());
      }
    });
  }

  async searchInline(text) {
    if (!text) return;
    const params = new URLSearchParams({ q: text, format: 'json', size: '10', lang: this.language });
    const library = this.getAttribute('library');
    if (library) params.set('library', library);
    this.results.replaceChildren(element('p', { part: 'status' }, this.words.searching));
    try {
      const answer = await fetch(`${this.hub}/search?${params}`, { credentials: 'omit' });
      if (!answer.ok) throw new Error(String(answer.status));
      this.render(await answer.json(), Number(this.getAttribute('results') || 5));
    } catch {
      this.results.replaceChildren(element('p', { part: 'status' }, this.words.failed));
    }
  }

  render(page, count) {
    const parts = [element('p', { part: 'status' }, page.totalResults ? this.words.results(page.totalResults) : this.words.none)];
    if (page.items?.length) {
      const list = element('ol', { part: 'list' });
      for (const item of page.items.slice(0, count)) {
        const li = element('li', { class: 'result', part: 'result' });
        li.append(element('a', { href: item.url }, item.title));
        const meta = [item.typeLabel, item.authors?.slice(0, 2).join('; '), item.year, item.source].filter(Boolean).join(' · ');
        li.append(element('div', { class: 'meta' }, `${meta}${meta ? ' · ' : ''}${item.availability.labels.join(' · ')}`));
        if (item.fullText) {
          const go = element('a', { href: item.fullText, part: 'fulltext' }, this.words.fullText);
          go.append(element('span', { class: 'visually-hidden' }, ` – ${item.title}`));
          li.append(go);
        }
        list.append(li);
      }
      parts.push(list, element('p', {}, ''));
      parts[parts.length - 1].append(element('a', { href: page.html, part: 'more' }, this.words.all));
    }
    this.results.replaceChildren(...parts);
  }
}

function element(name, attributes = {}, text) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

if (!customElements.get('cashl-search')) customElements.define('cashl-search', CashlSearch);
