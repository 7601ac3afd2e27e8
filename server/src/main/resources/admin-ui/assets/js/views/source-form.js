// Adding or editing a source: the fields of a feed, an onboarding check (identify, formats, sample
// records through the crosswalk) on demand, and saving (which runs the same check first).

import { api } from '../api.js';
import { h, clear, badge, pageHead, panel, enc, xmlBlock, loading } from '../dom.js';
import { showError, showNotice } from '../messages.js';

const TYPES = [
  ['oai-pmh', 'OAI-PMH repository'],
  ['calis-export', 'CALIS export'],
  ['kbart', 'KBART title list (a licensed package)'],
  ['crossref', 'Crossref (articles of a journal list)'],
  ['file', 'File (imported by hand)'],
];
const PREFIXES = ['marc21', 'marcxml', 'oai_dc', 'mods', 'unimarc'];
const FORMATS = ['marc21', 'unimarc', 'marcxml', 'oai_dc', 'mods'];

function field(id, label, control, { hint, types, required, wide } = {}) {
  return h('div', { class: ['form-field', wide && 'wide'], dataset: { types: types ? types.join(' ') : null } },
    h('label', { for: id }, label, required ? h('span', { class: 'req', title: 'required' }, ' *') : null),
    control,
    hint ? h('div', { class: 'hint' }, hint) : null);
}

/** The onboarding check's report: each step with its message, then the sample records. */
export function checkReport(report) {
  const steps = report?.steps || [];
  const samples = report?.samples || [];
  return h('div', { class: ['check-report', report?.ok ? 'is-ok' : 'is-failed'] },
    h('div', { class: 'check-verdict' }, report?.ok ? badge('check passed', 'ok') : badge('check failed', 'err')),
    h('ol', { class: 'check-steps' }, steps.map((s) => h('li', { class: s.ok ? 'ok' : 'failed', dataset: { step: s.name } },
      h('span', { class: 'step-icon', 'aria-hidden': 'true' }, s.ok ? '✓' : '✗'),
      h('span', { class: 'step-name' }, s.name),
      h('span', { class: 'step-state' }, s.ok ? 'ok' : 'failed'),
      h('span', { class: 'step-message' }, s.message || '')))),
    samples.length ? h('div', { class: 'check-samples' },
      h('h3', null, `Sample records (${samples.length})`),
      samples.map((s) => h('details', { class: ['sample', s.ok ? 'ok' : 'failed'] },
        h('summary', null, s.ok ? badge('ok') : badge('failed'), ' ', h('code', null, s.identifier || '(no identifier)'),
          s.message ? h('span', { class: 'muted' }, ` ${s.message}`) : null),
        xmlBlock(s.output, { empty: '(no output)' })))) : null);
}

export async function render(ctx) {
  const editing = ctx.params[0] || null;
  ctx.setTitle(editing ? `Edit ${editing}` : 'Add source');
  const [source, crosswalks, journalLists] = await Promise.all([
    editing ? api.get(`/admin/api/sources/${enc(editing)}`) : Promise.resolve(null),
    api.get('/admin/api/crosswalks').catch((e) => {
      showError(e, 'Crosswalk list');
      return [];
    }),
    api.get('/admin/api/journal-lists').then((answer) => answer.lists).catch((e) => {
      showError(e, 'Journal lists');
      return [];
    }),
  ]);
  const s = source || { type: 'oai-pmh', enabled: true, sets: [] };

  const idInput = h('input', { id: 'source-id', name: 'id', required: true, pattern: '[a-z0-9][a-z0-9_.\\-]{0,63}', value: s.id || '',
    readOnly: !!editing, autocomplete: 'off', spellcheck: 'false', class: 'mono', placeholder: 'e.g. pku' });
  const typeSelect = h('select', { id: 'source-type', name: 'type' }, TYPES.map(([v, l]) => h('option', { value: v, selected: s.type === v }, l)));
  const urlInput = h('input', { id: 'source-url', name: 'url', type: 'text', value: s.url || '', class: 'mono', spellcheck: 'false',
    placeholder: 'e.g. https://opac.example.edu.cn/oai/request' });
  const prefixInput = h('input', { id: 'source-metadataPrefix', name: 'metadataPrefix', value: s.metadataPrefix || '', list: 'prefix-list', class: 'mono', placeholder: 'e.g. marc21' });
  const formatSelect = h('select', { id: 'source-format', name: 'format' },
    h('option', { value: '' }, '—'), FORMATS.map((f) => h('option', { value: f, selected: s.format === f }, f)));
  if (s.format && !FORMATS.includes(s.format)) formatSelect.append(h('option', { value: s.format, selected: true }, s.format));
  const nameInput = h('input', { id: 'source-name', name: 'name', value: s.name || '', placeholder: 'e.g. Peking University Library' });
  const nameZhInput = h('input', { id: 'source-nameZh', name: 'nameZh', value: s.nameZh || '', lang: 'zh-Hans', placeholder: '例如 北京大学图书馆' });
  const setsInput = h('input', { id: 'source-sets', name: 'sets', value: (s.sets || []).join(', '), class: 'mono', placeholder: 'all sets', spellcheck: 'false' });
  const inbound = crosswalks.filter((c) => c.direction !== 'outbound');
  const crosswalkSelect = h('select', { id: 'source-crosswalk', name: 'crosswalk' },
    h('option', { value: '' }, 'Default for the record format'),
    inbound.map((c) => h('option', { value: c.id, selected: s.crosswalk === c.id }, `${c.id} (${c.from} → ${c.to})`)));
  if (s.crosswalk && !inbound.some((c) => c.id === s.crosswalk)) crosswalkSelect.append(h('option', { value: s.crosswalk, selected: true }, s.crosswalk));
  const holdingsInput = h('input', { id: 'source-holdingsField', name: 'holdingsField', value: s.holdingsField || '', pattern: '\\d{3}', maxlength: 3, class: 'mono narrow', placeholder: 'none' });
  const scheduleInput = h('input', { id: 'source-schedule', name: 'schedule', value: s.schedule || '', class: 'mono', spellcheck: 'false', placeholder: 'on demand only' });
  const enabledInput = h('input', { id: 'source-enabled', name: 'enabled', type: 'checkbox', checked: s.enabled !== false });
  const tierSelect = h('select', { id: 'source-tier', name: 'tier' },
    h('option', { value: '' }, 'not a lender'),
    h('option', { value: 'centre', selected: s.tier === 'centre' }, 'centre library 中心馆'),
    h('option', { value: 'service', selected: s.tier === 'service' }, 'service library 服务馆'));
  const illInput = h('input', { id: 'source-illBaseUrl', name: 'illBaseUrl', value: s.illBaseUrl || '', class: 'mono', spellcheck: 'false',
    placeholder: 'e.g. https://ill.example.edu.cn/openurl' });
  const packageInput = h('input', { id: 'source-package', name: 'package', value: s.package || '', placeholder: 'e.g. JSTOR Arts & Sciences I' });
  const librariesInput = h('input', { id: 'source-libraries', name: 'libraries', value: (s.libraries || []).join(', '), class: 'mono',
    spellcheck: 'false', placeholder: 'pku, fudan (or all)' });
  const openAccessInput = h('input', { id: 'source-openAccess', name: 'openAccess', type: 'checkbox', checked: !!s.openAccess });
  const illElectronicInput = h('input', { id: 'source-illElectronic', name: 'illElectronic', type: 'checkbox', checked: !!s.illElectronic });
  const proxyInput = h('textarea', { id: 'source-proxy', name: 'proxy', rows: 2, class: 'mono', spellcheck: 'false',
    placeholder: 'pku https://proxy.lib.pku.edu.cn/login?url=' },
  Object.entries(s.proxy || {}).map(([library, prefix]) => `${library} ${prefix}`).join('\n'));
  const journalsSelect = h('select', { id: 'source-journals', name: 'journals' },
    h('option', { value: '' }, 'none: every article is kept'),
    journalLists.map((l) => h('option', { value: l.id, selected: s.journals === l.id }, `${l.id} (${l.journals} journals)`)));
  if (s.journals && !journalLists.some((l) => l.id === s.journals)) {
    journalsSelect.append(h('option', { value: s.journals, selected: true }, `${s.journals} (no such list)`));
  }
  const mailtoInput = h('input', { id: 'source-mailto', name: 'mailto', type: 'email', value: s.mailto || '', class: 'mono', spellcheck: 'false',
    placeholder: 'e.g. metadata@cashl.edu.cn' });
  const checkButton = h('button', { type: 'button', id: 'source-check' }, 'Check');
  const saveButton = h('button', { type: 'submit', id: 'source-save', class: 'primary' }, editing ? 'Save changes' : 'Save source');
  const result = h('div', { id: 'source-check-result', class: 'check-result' },
    h('p', { class: 'muted hint' }, 'Check connects to the source, lists its formats and runs a few sample records through the crosswalk. Saving runs the same check and refuses a source that fails it.'));

  const form = h('form', { class: 'source-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field('source-id', 'Id (library code)', idInput, { required: true, hint: editing ? 'The id cannot change.' : 'Lower-case code of the holding library: letters, digits, . _ -' }),
      field('source-type', 'Type', typeSelect, { required: true }),
      field('source-name', 'Name (English)', nameInput),
      field('source-nameZh', 'Name (Chinese)', nameZhInput),
      field('source-url', 'URL', urlInput, { types: ['oai-pmh', 'calis-export', 'kbart', 'crossref'], required: true, wide: true,
        hint: 'OAI-PMH base URL, the CALIS export location, the KBART title list, or Crossref\'s works route (https://api.crossref.org/works)' }),
      field('source-journals', 'Journal list', journalsSelect, { hint: [
        'Keeps the articles of these journals and filters the others; a Crossref source asks for their works (required for it). ',
        h('a', { href: '/admin/journals' }, 'Journal lists')] }),
      field('source-mailto', 'Contact address (mailto)', mailtoInput, { types: ['crossref'], hint: 'Sent with every request to Crossref, which serves such requests faster' }),
      field('source-package', 'Package', packageInput, { types: ['kbart'], required: true, hint: 'The package name readers see' }),
      field('source-libraries', 'Licensed by', librariesInput, { types: ['kbart'], required: true, hint: 'Member library codes, separated by commas, or all (a consortium licence)' }),
      field('source-proxy', 'Proxies', proxyInput, { types: ['kbart'], wide: true, hint: 'One per line: a library code and its off-campus link prefix' }),
      h('div', { class: 'form-field checkbox-field', dataset: { types: 'kbart' } },
        h('label', { for: 'source-openAccess', class: 'check-label' }, openAccessInput, ' Open access (free to read, no proxy)'),
        h('label', { for: 'source-illElectronic', class: 'check-label' }, illElectronicInput, ' The licence allows electronic document delivery to other members')),
      field('source-tier', 'Lender tier', tierSelect, { types: ['oai-pmh', 'calis-export', 'file'], hint: 'Centre libraries lend print copies before service libraries' }),
      field('source-illBaseUrl', 'ILL OpenURL base', illInput, { types: ['oai-pmh', 'calis-export', 'file'], hint: 'Where the resolver hands this library\'s readers on to its interlibrary loan' }),
      field('source-metadataPrefix', 'Metadata prefix', prefixInput, { types: ['oai-pmh'], required: true, hint: 'The OAI-PMH format to harvest' }),
      field('source-sets', 'Sets', setsInput, { types: ['oai-pmh'], hint: 'Set specs, separated by commas; empty harvests everything' }),
      field('source-format', 'Format', formatSelect, { types: ['calis-export', 'file'], hint: 'Record format of the export or files' }),
      field('source-crosswalk', 'Crosswalk', crosswalkSelect, { hint: 'Inbound stylesheet for its records' }),
      field('source-holdingsField', 'Holdings field', holdingsInput, { hint: 'MARC tag listing holdings of several libraries (CALIS: 949); usually empty' }),
      field('source-schedule', 'Schedule', scheduleInput, { hint: 'Quartz cron: seconds minutes hours day month weekday, e.g. 0 0 2 * * ? (daily at 02:00); empty: on demand only' }),
      h('div', { class: 'form-field checkbox-field' },
        h('label', { for: 'source-enabled', class: 'check-label' }, enabledInput, ' Enabled (harvested on its schedule)'))),
    h('datalist', { id: 'prefix-list' }, PREFIXES.map((p) => h('option', { value: p }))),
    h('div', { class: 'form-actions' }, checkButton, saveButton,
      h('a', { href: editing ? `/admin/sources/${enc(editing)}` : '/admin/sources', class: 'button link' }, 'Cancel')));

  function showTypeFields() {
    for (const el of form.querySelectorAll('[data-types]')) el.hidden = !el.dataset.types.split(' ').includes(typeSelect.value);
  }
  typeSelect.addEventListener('change', showTypeFields);
  showTypeFields();

  function values() {
    const type = typeSelect.value;
    const text = (input) => input.value.trim() || null;
    return {
      id: idInput.value.trim(),
      type,
      url: type === 'file' ? null : text(urlInput),
      metadataPrefix: type === 'oai-pmh' ? text(prefixInput) : null,
      format: type === 'oai-pmh' || type === 'kbart' || type === 'crossref' ? null : formatSelect.value || null,
      name: text(nameInput),
      nameZh: text(nameZhInput),
      sets: type === 'oai-pmh' ? setsInput.value.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean) : [],
      crosswalk: crosswalkSelect.value || null,
      holdingsField: text(holdingsInput),
      schedule: text(scheduleInput),
      enabled: enabledInput.checked,
      journals: journalsSelect.value || null,
      mailto: type === 'crossref' ? text(mailtoInput) : null,
      ...(type === 'kbart' ? {
        package: text(packageInput),
        libraries: librariesInput.value.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean),
        openAccess: openAccessInput.checked,
        illElectronic: illElectronicInput.checked,
        proxy: Object.fromEntries(proxyInput.value.split('\n').map((line) => line.trim().split(/\s+/)).filter((p) => p.length === 2)),
      } : {
        tier: tierSelect.value || null,
        illBaseUrl: text(illInput),
      }),
    };
  }

  function problems(v) {
    const list = [];
    if (!/^[a-z0-9][a-z0-9_.-]{0,63}$/.test(v.id)) list.push([idInput, 'The id must be a lower-case code (letters, digits, . _ -).']);
    if (v.type !== 'file' && !v.url) list.push([urlInput, `A ${v.type} source needs a URL.`]);
    if (v.type === 'oai-pmh' && !v.metadataPrefix) list.push([prefixInput, 'An OAI-PMH source needs a metadata prefix.']);
    if (v.type === 'kbart' && !v.package) list.push([packageInput, 'A KBART source needs the package name.']);
    if (v.type === 'kbart' && !v.libraries.length) list.push([librariesInput, 'A KBART source needs the libraries that license it, or all.']);
    if (v.type === 'crossref' && !v.journals) list.push([journalsSelect, 'A Crossref source needs a journal list: the journals whose works it asks for.']);
    if (v.mailto && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.mailto)) list.push([mailtoInput, 'The contact address must be an e-mail address.']);
    if (v.holdingsField && !/^\d{3}$/.test(v.holdingsField)) list.push([holdingsInput, 'The holdings field is a MARC tag such as 949.']);
    if (v.schedule && v.schedule.split(/\s+/).length < 6) list.push([scheduleInput, 'A Quartz cron expression has 6 or 7 fields (it starts with seconds).']);
    for (const input of form.querySelectorAll('.invalid')) input.classList.remove('invalid');
    for (const [input] of list) input.classList.add('invalid');
    if (list.length) {
      showError(list.map(([, m]) => m).join(' '));
      list[0][0].focus();
    }
    return list.length > 0;
  }

  async function runCheck() {
    const v = values();
    if (problems(v)) return;
    checkButton.disabled = true;
    saveButton.disabled = true;
    clear(result, loading(`Checking ${v.url || v.id}…`));
    try {
      clear(result, checkReport(await api.post('/admin/api/sources/check', v)));
    } catch (e) {
      clear(result);
      showError(e, 'Check');
    } finally {
      checkButton.disabled = false;
      saveButton.disabled = false;
    }
  }

  async function save(event) {
    event.preventDefault();
    const v = values();
    if (problems(v)) return;
    checkButton.disabled = true;
    saveButton.disabled = true;
    clear(result, loading('Checking and saving…'));
    try {
      const saved = editing ? await api.put(`/admin/api/sources/${enc(editing)}`, v) : await api.post('/admin/api/sources', v);
      ctx.navigate(`/admin/sources/${enc(saved?.id || v.id)}`);
      showNotice(`${editing ? 'Saved' : 'Added'} source ${saved?.id || v.id}.`);
    } catch (e) {
      clear(result, e.body?.check ? checkReport(e.body.check) : []);
      showError(e, 'Not saved');
    } finally {
      checkButton.disabled = false;
      saveButton.disabled = false;
    }
  }

  checkButton.addEventListener('click', runCheck);
  form.addEventListener('submit', save);

  clear(ctx.main,
    pageHead(editing ? `Edit ${editing}` : 'Add source', {
      crumbs: editing ? [['Sources', '/admin/sources'], [editing, `/admin/sources/${enc(editing)}`]] : [['Sources', '/admin/sources']],
      sub: editing ? [s.name || '', s.nameZh ? h('span', { class: 'name-zh', lang: 'zh-Hans' }, ` ${s.nameZh}`) : null]
        : 'Onboard a member library: fill in its feed, check it, then save.',
    }),
    h('div', { class: 'form-layout' },
      panel('Settings', null, form),
      panel('Onboarding check', { class: 'check-panel' }, result)));
  (editing ? nameInput : idInput).focus();
}
