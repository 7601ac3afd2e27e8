// The search box builder (/widget/): works as a plain form without this script; with it, the
// preview and the code follow every change, both written by the hub (/widget/snippet), and a
// button copies the code.
document.documentElement.classList.add('js');

const form = document.getElementById('builder');
const preview = document.getElementById('preview');
const snippet = document.getElementById('snippet');
const copy = document.getElementById('copy');
const copied = document.getElementById('copied');
const base = new URL('../widget/snippet', import.meta.url);

async function update() {
  const params = new URLSearchParams(new FormData(form));
  const [code, element] = await Promise.all([
    fetch(`${base}?${params}`).then(answer => answer.text()),
    fetch(`${base}?${params}&part=element`).then(answer => answer.text())
  ]);
  snippet.value = code;
  // The hub wrote both, with every value escaped; a new element is a new box.
  preview.innerHTML = element;
  preview.style.setProperty('--cashl-accent', params.get('accent'));
  const url = new URL(window.location.href);
  url.search = params.toString();
  history.replaceState(null, '', url);
}

form.addEventListener('change', () => update().catch(() => form.submit()));
form.addEventListener('submit', event => {
  event.preventDefault();
  update().catch(() => form.submit());
});
preview.style.setProperty('--cashl-accent', preview.dataset.accent);

copy.hidden = false;
copy.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.value);
  } catch {
    snippet.select();
    document.execCommand('copy');
  }
  copied.textContent = document.documentElement.lang.startsWith('en') ? 'Copied.' : '已复制。';
});
