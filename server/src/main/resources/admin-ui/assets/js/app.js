// The admin single-page application: the session, the header, and History-API routing of every
// page path under /admin/ to its view.

import { loadSession, logout, session, isAdmin } from './api.js';
import { h, clear, loading } from './dom.js';
import { showError, clearMessages } from './messages.js';
import * as crosswalks from './views/crosswalks.js';
import * as editor from './views/editor.js';
import * as sources from './views/sources.js';
import * as sourceForm from './views/source-form.js';
import * as sourceDetail from './views/source-detail.js';
import * as run from './views/run.js';
import * as stats from './views/stats.js';
import * as users from './views/users.js';
import * as jobs from './views/jobs.js';
import * as efirst from './views/efirst.js';
import * as journals from './views/journals.js';

const ROUTES = [
  { path: /^\/admin\/?$/, view: crosswalks, nav: 'crosswalks' },
  { path: /^\/admin\/crosswalks\/?$/, view: crosswalks, nav: 'crosswalks' },
  { path: /^\/admin\/crosswalks\/([^/]+)\/?$/, view: editor, nav: 'crosswalks' },
  { path: /^\/admin\/sources\/?$/, view: sources, nav: 'sources', admin: true },
  { path: /^\/admin\/sources\/new\/?$/, view: sourceForm, nav: 'sources', admin: true },
  { path: /^\/admin\/sources\/([^/]+)\/edit\/?$/, view: sourceForm, nav: 'sources', admin: true },
  { path: /^\/admin\/sources\/([^/]+)\/?$/, view: sourceDetail, nav: 'sources', admin: true },
  { path: /^\/admin\/runs\/([^/]+)\/?$/, view: run, nav: 'sources', admin: true },
  { path: /^\/admin\/journals\/?$/, view: journals, nav: 'journals', admin: true },
  { path: /^\/admin\/stats\/?$/, view: stats, nav: 'stats', admin: true },
  { path: /^\/admin\/efirst\/?$/, view: efirst, nav: 'efirst', admin: true },
  { path: /^\/admin\/users\/?$/, view: users, nav: 'users', admin: true },
  { path: /^\/admin\/jobs\/?$/, view: jobs, nav: 'jobs' },
  { path: /^\/admin\/jobs\/([^/]+)\/?$/, view: jobs, nav: 'jobs', single: true },
];

let cleanups = [];
let leaveGuards = [];
let generation = 0;

function runCleanups() {
  for (const fn of cleanups.splice(0)) {
    try {
      fn();
    } catch (e) {
      console.error(e);
    }
  }
  leaveGuards = [];
}

function setTitle(text) {
  document.title = text ? `${text} · CASHL Hub admin` : 'CASHL Hub admin';
}

function markNav(name) {
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function notFound(main) {
  setTitle('Not found');
  clear(main, h('div', { class: 'notice-page' },
    h('h1', null, 'No such page'),
    h('p', null, 'There is no admin page at ', h('code', null, location.pathname), '.'),
    h('p', null, h('a', { href: '/admin/crosswalks' }, 'Go to the crosswalks'))));
}

function forbidden(main) {
  setTitle('Not for your role');
  clear(main, h('div', { class: 'notice-page' },
    h('h1', null, 'Not available to your role'),
    h('p', null, `You are logged in as an ${session()?.role}; this page needs the admin role.`),
    h('p', null, h('a', { href: '/admin/crosswalks' }, 'Go to the crosswalks'))));
}

async function render() {
  runCleanups();
  const mine = ++generation;
  const path = location.pathname;
  lastPath = path + location.search;
  const route = ROUTES.find((r) => r.path.test(path));
  const old = document.getElementById('main');
  const main = h('main', { id: 'main', tabindex: '-1' });
  old.replaceWith(main);
  markNav(route?.nav);
  if (!route) return notFound(main);
  if (route.admin && !isAdmin()) return forbidden(main);
  let params;
  try {
    params = route.path.exec(path).slice(1).map((p) => decodeURIComponent(p));
  } catch (e) {
    params = route.path.exec(path).slice(1); // a malformed %-escape: use the path as written
  }
  main.append(loading());
  const ctx = {
    main,
    params,
    single: !!route.single,
    query: new URLSearchParams(location.search),
    setTitle,
    navigate,
    onCleanup: (fn) => cleanups.push(fn),
    beforeLeave: (fn) => leaveGuards.push(fn),
    current: () => mine === generation,
  };
  try {
    await route.view.render(ctx);
  } catch (e) {
    if (mine !== generation) return;
    const spinner = main.querySelector(':scope > .loading');
    if (spinner) {
      clear(main, h('div', { class: 'notice-page' },
        h('h1', null, e.status === 404 ? 'Not found' : 'Could not load this page'),
        h('p', { class: 'error-text' }, e.message || String(e))));
    }
    showError(e);
  }
}

function mayLeave() {
  return leaveGuards.every((guard) => guard() !== false);
}

/** Goes to a page of the application without reloading. */
export function navigate(url, { replace = false } = {}) {
  const target = new URL(url, location.href);
  if (target.origin !== location.origin || !target.pathname.startsWith('/admin/')) {
    location.assign(target.href);
    return;
  }
  if (!mayLeave()) return;
  clearMessages();
  if (replace) history.replaceState(null, '', target.pathname + target.search + target.hash);
  else history.pushState(null, '', target.pathname + target.search + target.hash);
  render();
  if (!replace) window.scrollTo(0, 0);
}

function interceptLinks(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith('/admin/')) return;
  if (url.pathname.startsWith('/admin/api/') || url.pathname.startsWith('/admin/assets/') || url.pathname === '/admin/login') return;
  event.preventDefault();
  if (url.pathname === location.pathname && url.search === location.search && url.hash) {
    document.getElementById(url.hash.slice(1))?.scrollIntoView();
    return;
  }
  navigate(url.href);
}

let lastPath = location.pathname + location.search;

function onPopState() {
  if (!mayLeave()) {
    history.pushState(null, '', lastPath);
    return;
  }
  clearMessages();
  render();
}

function header(s) {
  document.getElementById('current-user').textContent = s.user;
  const role = document.getElementById('current-role');
  role.textContent = s.role;
  role.className = `badge badge-${s.role === 'admin' ? 'violet' : 'info'}`;
  for (const item of document.querySelectorAll('[data-role="admin"]')) item.hidden = s.role !== 'admin';
  document.getElementById('user-box').hidden = false;
  document.getElementById('logout').addEventListener('click', async (e) => {
    e.currentTarget.disabled = true;
    if (!mayLeave()) {
      e.currentTarget.disabled = false;
      return;
    }
    try {
      await logout();
    } catch (err) {
      showError(err, 'Logout');
    }
  });
}

async function start() {
  try {
    header(await loadSession());
  } catch (e) {
    if (!e.redirecting) {
      clear(document.getElementById('main'), h('div', { class: 'notice-page' },
        h('h1', null, 'The admin is not available'), h('p', { class: 'error-text' }, e.message)));
      showError(e, 'Session');
    }
    return;
  }
  document.addEventListener('click', interceptLinks);
  window.addEventListener('popstate', onPopState);
  window.addEventListener('beforeunload', (e) => {
    if (!leaveGuards.every((guard) => guard(true) !== false)) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
  render();
}

start();
