// E-first (admin only): the licensed packages per library, the lenders in the resolver's order with
// their weights, and a resolver test form that shows how the hub decided a citation.

import { api } from '../api.js';
import { h, clear, badge, pageHead, panel, num, table, emptyRow, timeAt, enc, libraryName } from '../dom.js';
import { showError, showNotice } from '../messages.js';

const OUTCOME_TONES = { complete: 'ok', partial: 'warn', failed: 'danger', running: 'neutral' };

function packageRow(p) {
  const s = p.source;
  const last = s.lastRuns?.[0];
  return h('tr', { dataset: { package: s.id } },
    h('td', null, h('a', { href: `/admin/sources/${enc(s.id)}` }, h('strong', null, s.package || s.id)),
      h('div', { class: 'muted small' }, s.id)),
    h('td', null, p.holdingLibraries.includes('cashl') ? badge('consortium', 'neutral') : p.holdingLibraries.join(', ')),
    h('td', null, s.openAccess ? badge('open access', 'ok') : s.illElectronic ? badge('electronic delivery', 'ok') : badge('no electronic delivery', 'neutral')),
    h('td', { class: 'num' }, num(s.records.accepted)),
    h('td', { class: 'num' }, s.records.quarantined
      ? h('a', { href: `/admin/sources/${enc(s.id)}?tab=quarantine` }, num(s.records.quarantined)) : '0'),
    h('td', null, last ? [badge(last.outcome, OUTCOME_TONES[last.outcome]), ' ', timeAt(last.endedAt || last.startedAt)] : h('span', { class: 'muted' }, 'never')));
}

function packagesPanel(data) {
  const rows = data.packages.length ? data.packages.map(packageRow) : emptyRow(6, 'No KBART sources yet: add one of type kbart in Sources.');
  const byLibrary = Object.entries(data.byLibrary);
  return [
    panel('Packages', { class: 'flush', id: 'efirst-packages' },
      table(['Package', 'Licensed by', 'Terms', { label: 'Titles', class: 'num' }, { label: 'Quarantined rows', class: 'num' }, 'Last harvest'], rows)),
    panel('Packages per library', { id: 'efirst-by-library' },
      byLibrary.length ? h('dl', { class: 'pairs' }, byLibrary.map(([library, ids]) => [
        h('dt', null, library), h('dd', null, ids.join(', '))])) : h('p', { class: 'muted' }, 'No library has a package yet.')),
  ];
}

function lendersPanel(data, reload) {
  const rows = data.lenders.map((l) => {
    const input = h('input', { type: 'number', min: 0, max: data.maxWeight, step: '0.1', value: l.weight, class: 'weight',
      'aria-label': `Weight of ${l.library}` });
    const note = h('input', { type: 'text', value: l.note || '', maxlength: 500, 'aria-label': `Note on ${l.library}'s weight` });
    const save = h('button', { type: 'button', class: 'small' }, 'Save');
    save.addEventListener('click', async () => {
      save.disabled = true;
      try {
        await api.put(`/admin/api/lenders/${enc(l.library)}`, { weight: Number(input.value), note: note.value });
        showNotice(`${l.library} now weighs ${input.value}.`);
        await reload();
      } catch (e) {
        showError(e, `Saving the weight of ${l.library}`);
        save.disabled = false;
      }
    });
    return h('tr', { dataset: { lender: l.library } },
      h('td', { class: 'num' }, l.rank),
      h('td', null, libraryName(l.name, l.nameZh, l.library), h('div', { class: 'muted small' }, l.library)),
      h('td', null, badge(l.tier === 'centre' ? 'centre 中心馆' : 'service 服务馆', l.tier === 'centre' ? 'ok' : 'neutral')),
      h('td', null, input), h('td', null, note),
      h('td', { class: 'muted small' }, l.updatedAt ? `${l.updatedBy}, ${timeAt(l.updatedAt)}` : 'default'),
      h('td', { class: 'actions' }, save));
  });
  return panel('Lenders of print copies', { class: 'flush', id: 'efirst-lenders' },
    h('p', { class: 'panel-note' }, `The resolver asks centre libraries before service libraries, then the higher weight first (0 to ${data.maxWeight}; ${data.defaultWeight} when never set), then by code.`),
    table([{ label: 'Order', class: 'num' }, 'Library', 'Tier', 'Weight', 'Note', 'Set by', ''],
      rows.length ? rows : emptyRow(7, 'No member library names a tier in sources.yaml.')));
}

function option(o) {
  return h('li', { class: 'resolver-option' },
    h('strong', null, `${o.rank}. ${o.kind}`), ' ', o.library ? badge(o.library, 'neutral') : null, ' ',
    h('span', null, o.reason), o.coverage ? h('span', { class: 'muted' }, ` (${o.coverage})`) : null,
    o.url ? h('div', null, h('a', { href: o.url, rel: 'noopener noreferrer', target: '_blank' }, o.url)) : null);
}

function resolverPanel() {
  const query = h('textarea', { id: 'resolver-query', rows: 3, spellcheck: 'false',
    placeholder: 'ctx_ver=Z39.88-2004&rft.genre=article&rft.issn=0021-9118&rft.date=2010&rft.volume=69' });
  const library = h('input', { id: 'resolver-library', placeholder: 'pku', size: 8, spellcheck: 'false' });
  const go = h('button', { type: 'submit', class: 'primary' }, 'Resolve');
  const out = h('div', { id: 'resolver-trail', 'aria-live': 'polite' });
  const form = h('form', { class: 'stack-form' },
    h('label', { class: 'field wide' }, h('span', null, 'OpenURL query (after the ?)'), query),
    h('label', { class: 'field' }, h('span', null, 'Home library'), library), go);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const params = new URLSearchParams(query.value.trim().replace(/^\?+/, ''));
    if (library.value.trim()) params.set('library', library.value.trim());
    params.set('format', 'json');
    go.disabled = true;
    try {
      const res = await fetch(`/openurl?${params}`, { headers: { Accept: 'application/json' } });
      const answer = await res.json();
      clear(out,
        h('h3', null, 'Understood'), h('pre', { class: 'code' }, JSON.stringify(answer.citation ?? answer, null, 2)),
        h('h3', null, `Matches (${(answer.matches || []).length})`),
        h('ul', null, (answer.matches || []).map((m) => h('li', null, `${m.title} `, h('span', { class: 'muted' }, `${m.type}, ${m.id}`)))),
        h('h3', null, 'Options, best first'),
        (answer.options || []).length ? h('ol', { class: 'plain' }, answer.options.map(option)) : h('p', { class: 'muted' }, 'None.'),
        h('h3', null, 'Ruled out'),
        (answer.excluded || []).length ? h('ul', null, answer.excluded.map((x) => h('li', null,
          h('strong', null, x.kind), ' ', x.library ? badge(x.library, 'neutral') : null, ` ${x.reason}`,
          x.availableOn ? ` until ${x.availableOn}` : '', x.coverage ? h('span', { class: 'muted' }, ` (${x.coverage})`) : null)))
          : h('p', { class: 'muted' }, 'Nothing.'));
    } catch (err) {
      showError(err, 'Resolving');
    } finally {
      go.disabled = false;
    }
  });
  return panel('Resolver test', { id: 'efirst-resolver' },
    h('p', { class: 'panel-note' }, 'Ask the resolver as a discovery system would, and see what it understood, what it found, how it ranked the ways to the full text and what it ruled out, with why.'),
    form, out);
}

export async function render(ctx) {
  ctx.setTitle('E-first');
  const main = ctx.main;
  const lendersBox = h('div');
  async function reloadLenders() {
    clear(lendersBox, lendersPanel(await api.get('/admin/api/lenders'), reloadLenders));
  }
  const [packages, lenders] = await Promise.all([api.get('/admin/api/packages'), api.get('/admin/api/lenders')]);
  clear(lendersBox, lendersPanel(lenders, reloadLenders));
  clear(main,
    pageHead('E-first', { sub: 'Licensed packages (KBART), the lending order of print copies, and the OpenURL resolver.' }),
    packagesPanel(packages), lendersBox, resolverPanel());
}
