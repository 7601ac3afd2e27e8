// The search pages work without this script; with it, selects apply on change (their buttons are
// hidden) and the search box suggests titles as the reader types, with the search box widget's
// combobox (the WAI-ARIA combobox pattern).
document.documentElement.classList.add('js');

for (const select of document.querySelectorAll('select[data-autosubmit]')) {
  select.addEventListener('change', () => select.form.requestSubmit());
}

const box = document.querySelector('input[data-suggest]');
if (box) {
  import(new URL('../widget/cashl-search.js', import.meta.url).href)
    .then(widget => widget.attachSuggestions(box, box.dataset.suggest))
    .catch(() => { /* no suggestions: the form still searches */ });
}
