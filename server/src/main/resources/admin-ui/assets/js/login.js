// The login page: POST /admin/api/session, then on to the page asked for (only under /admin/).

const form = document.getElementById('login-form');
const username = document.getElementById('username');
const password = document.getElementById('password');
const submit = document.getElementById('login-submit');
const errorBox = document.getElementById('login-error');

function nextPage() {
  const next = new URLSearchParams(location.search).get('next');
  if (!next || !next.startsWith('/admin/') || next.startsWith('/admin/login') || next.startsWith('/admin/api/') || next.includes('\\')) {
    return '/admin/';
  }
  return next;
}

let countdown = null;

function showError(text, kind = 'error') {
  errorBox.textContent = text;
  errorBox.className = `login-error login-${kind}`;
  errorBox.hidden = false;
}

function hideError() {
  errorBox.hidden = true;
  errorBox.textContent = '';
}

function lockFor(seconds) {
  clearInterval(countdown);
  let left = Math.max(1, Math.ceil(seconds));
  const show = () => showError(`too many failed attempts, try again in ${left} s`);
  show();
  submit.disabled = true;
  countdown = setInterval(() => {
    left -= 1;
    if (left <= 0) {
      clearInterval(countdown);
      countdown = null;
      submit.disabled = false;
      hideError();
      password.focus();
    } else {
      show();
    }
  }, 1000);
}

async function readError(res) {
  try {
    const body = await res.json();
    return body && typeof body.error === 'string' ? body : {};
  } catch {
    return {};
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (countdown) return;
  if (!username.value.trim() || !password.value) {
    showError('Enter your user name and password.');
    (username.value.trim() ? password : username).focus();
    return;
  }
  hideError();
  submit.disabled = true;
  submit.textContent = 'Logging in…';
  try {
    const res = await fetch('/admin/api/session', {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: username.value.trim(), password: password.value }),
    });
    if (res.ok) {
      submit.textContent = 'Logged in';
      location.assign(nextPage());
      return;
    }
    const body = await readError(res);
    if (res.status === 429) {
      const after = Number(res.headers.get('Retry-After') ?? body.retryAfter);
      password.value = '';
      if (Number.isFinite(after) && after > 0) {
        submit.textContent = 'Log in';
        lockFor(after);
        return;
      }
      showError('too many failed attempts, try again later');
    } else if (res.status === 401) {
      showError(body.error || 'Wrong user name or password.');
      password.value = '';
      password.focus();
    } else {
      showError(body.error || `The hub refused the login (HTTP ${res.status}).`);
    }
  } catch (e) {
    showError(`The hub did not answer (${e.message}).`);
  }
  submit.textContent = 'Log in';
  if (!countdown) submit.disabled = false;
});

submit.disabled = false;
