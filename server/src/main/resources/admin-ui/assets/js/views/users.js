// Users (admin only): the accounts of the admin, adding one with a role and a password, deleting one.

import { api, session } from '../api.js';
import { h, clear, badge, pageHead, panel, timeAt, enc, emptyRow } from '../dom.js';
import { showError, showNotice } from '../messages.js';

export async function render(ctx) {
  ctx.setTitle('Users');
  let users = await api.get('/admin/api/users');
  const body = h('tbody');
  const me = session()?.user;

  function show() {
    clear(body, users.length ? users.map((u) => {
      const del = h('button', { type: 'button', class: 'small danger delete', disabled: u.name === me,
        title: u.name === me ? 'You cannot delete the account you are logged in with' : `Delete ${u.name}` }, 'Delete');
      del.addEventListener('click', () => remove(u, del));
      return h('tr', { dataset: { user: u.name } },
        h('td', null, h('strong', null, u.name), u.name === me ? h('span', { class: 'muted' }, ' (you)') : null,
          u.configured ? h('span', { class: 'badge badge-neutral small', title: 'Defined in the hub configuration' }, 'from configuration') : null),
        h('td', null, badge(u.role)),
        h('td', null, timeAt(u.createdAt)),
        h('td', { class: 'actions' }, del));
    }) : emptyRow(4, 'No users.'));
  }

  async function reload() {
    users = await api.get('/admin/api/users');
    show();
  }

  async function remove(user, button) {
    if (!window.confirm(`Delete the account ${user.name}? They can no longer log in.`)) return;
    button.disabled = true;
    try {
      await api.del(`/admin/api/users/${enc(user.name)}`);
      showNotice(`Deleted ${user.name}.`);
      await reload();
    } catch (e) {
      showError(e, `Deleting ${user.name}`);
      button.disabled = false;
    }
  }

  const nameInput = h('input', { id: 'user-name', name: 'name', required: true, autocomplete: 'off', spellcheck: 'false', placeholder: 'e.g. wang.li' });
  const roleSelect = h('select', { id: 'user-role', name: 'role' },
    h('option', { value: 'editor' }, 'editor: crosswalks only'),
    h('option', { value: 'admin' }, 'admin: everything'));
  const passwordInput = h('input', { id: 'user-password', name: 'password', type: 'password', required: true, autocomplete: 'new-password' });
  const addButton = h('button', { type: 'submit', id: 'user-add', class: 'primary' }, 'Add user');
  const form = h('form', { class: 'inline-form', novalidate: true },
    h('label', { class: 'field' }, h('span', null, 'Name'), nameInput),
    h('label', { class: 'field' }, h('span', null, 'Role'), roleSelect),
    h('label', { class: 'field' }, h('span', null, 'Password'), passwordInput),
    addButton);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = nameInput.value.trim();
    if (!name || !passwordInput.value) {
      showError('Give the new user a name and a password.');
      (name ? passwordInput : nameInput).focus();
      return;
    }
    addButton.disabled = true;
    try {
      await api.post('/admin/api/users', { name, role: roleSelect.value, password: passwordInput.value });
      showNotice(`Added ${name} as ${roleSelect.value}.`);
      form.reset();
      await reload();
    } catch (err) {
      showError(err, `Adding ${name}`);
    } finally {
      addButton.disabled = false;
    }
  });

  clear(ctx.main,
    pageHead('Users', { sub: 'Admins can do everything; editors can edit, publish and roll back crosswalks and follow their jobs.' }),
    panel('Add a user', null, form),
    panel(null, { class: 'flush' },
      h('table', { class: 'data', id: 'users-table' },
        h('thead', null, h('tr', null, ['Name', 'Role', 'Created'].map((c) => h('th', null, c)), h('th', { class: 'actions' }, ''))),
        body)));
  show();
}
