// Crosswalks list: every stylesheet, its direction and formats, the published and latest versions,
// the sources that use it and its last change; below, the recent jobs.

import { api, isAdmin } from '../api.js';
import { h, clear, badge, table, emptyRow, pageHead, panel, timeAgo, enc, num } from '../dom.js';
import { showError } from '../messages.js';
import { jobTitle } from '../job.js';

export async function render(ctx) {
  ctx.setTitle('Crosswalks');
  const [list, jobs] = await Promise.all([
    api.get('/admin/api/crosswalks'),
    api.get('/admin/api/jobs').catch((e) => {
      showError(e, 'Recent jobs');
      return null;
    }),
  ]);
  const filter = h('input', { type: 'search', class: 'filter', placeholder: 'Filter by id or format', 'aria-label': 'Filter crosswalks' });
  const body = h('tbody');
  const crosswalks = [...list].sort((a, b) =>
    (a.direction || '').localeCompare(b.direction || '') || a.id.localeCompare(b.id));

  function rows() {
    const q = filter.value.trim().toLowerCase();
    const shown = crosswalks.filter((c) => !q || [c.id, c.from, c.to, ...(c.sources || [])].some((v) => String(v ?? '').toLowerCase().includes(q)));
    clear(body, shown.length ? shown.map(row) : emptyRow(7, q ? 'No crosswalk matches the filter.' : 'No crosswalks.'));
  }

  function row(c) {
    const ahead = c.latestVersion > c.publishedVersion;
    const sources = c.sources || [];
    return h('tr', { dataset: { crosswalk: c.id } },
      h('td', null, h('a', { href: `/admin/crosswalks/${enc(c.id)}`, class: 'strong mono' }, c.id)),
      h('td', null, badge(c.direction)),
      h('td', { class: 'mono' }, c.from, h('span', { class: 'arrow' }, ' → '), c.to),
      h('td', { class: 'num' }, c.publishedVersion != null ? `v${c.publishedVersion}` : '—'),
      h('td', { class: 'num' }, c.latestVersion != null ? `v${c.latestVersion}` : '—',
        ahead ? h('span', { class: 'badge badge-warn small', title: 'Saved versions newer than the published one' }, 'unpublished') : null),
      h('td', null, sources.length
        ? h('span', { class: 'chips' }, sources.slice(0, 6).map((s) => isAdmin()
          ? h('a', { class: 'chip', href: `/admin/sources/${enc(s)}` }, s) : h('span', { class: 'chip' }, s)),
          sources.length > 6 ? h('span', { class: 'muted', title: sources.slice(6).join(', ') }, ` +${sources.length - 6}`) : null)
        : h('span', { class: 'muted' }, c.direction === 'outbound' ? 'publishing' : 'none')),
      h('td', null, c.updatedBy ? h('span', null, h('strong', null, c.updatedBy), ' · ') : null, timeAgo(c.updatedAt)));
  }

  filter.addEventListener('input', rows);
  rows();

  const children = [
    pageHead('Crosswalks', {
      sub: `${crosswalks.length} stylesheets: inbound ones turn member records into CASHL records, outbound ones publish them.`,
    }),
    panel(null, { class: 'flush' },
      h('div', { class: 'toolbar' }, filter),
      h('table', { class: 'data', id: 'crosswalks-table' },
        h('thead', null, h('tr', null, ['Crosswalk', 'Direction', 'From → to', 'Published', 'Latest', 'Used by sources', 'Last change']
          .map((c) => h('th', { scope: 'col', class: c === 'Published' || c === 'Latest' ? 'num' : null }, c)))),
        body)),
  ];
  if (jobs) children.push(recentJobs(jobs));
  clear(ctx.main, children);
}

export function recentJobs(jobs, limit = 8, { title = 'Recent jobs', allLink = true } = {}) {
  const rows = jobs.slice(0, limit).map((j) => h('tr', null,
    h('td', null, h('a', { href: `/admin/jobs/${enc(j.id)}` }, `#${j.id}`)),
    h('td', null, jobTitle(j)),
    h('td', null, badge(j.state)),
    h('td', { class: 'num' }, j.total ? `${num(j.processed)} / ${num(j.total)}` : num(j.processed)),
    h('td', null, j.startedBy || '—'),
    h('td', null, timeAgo(j.startedAt))));
  return panel(title, { actions: allLink ? h('a', { href: '/admin/jobs' }, 'All jobs') : null },
    table(['Job', 'What', 'State', { label: 'Processed', class: 'num' }, 'Started by', 'Started'],
      rows.length ? rows : emptyRow(6, 'No jobs yet: publishing a crosswalk version starts one.'), { class: 'compact' }));
}
