// The new report form's deadline preview, kept current as the form is filled in. The form works without this file:
// its "Check deadlines" button shows the same preview after a round trip. This only asks the page's preview endpoint
// (the session cookie and the form's antiforgery token) a moment after each change, and puts its answer in place.
(() => {
  'use strict';
  const form = document.querySelector('form[data-preview-url]');
  const preview = document.getElementById('preview');
  if (!form || !preview) {
    return;
  }
  const url = form.getAttribute('data-preview-url');
  const token = form.querySelector('input[name="__RequestVerificationToken"]');
  let timer = 0;
  let pending = null;

  async function refresh() {
    pending?.abort();
    pending = new AbortController();
    try {
      const response = await fetch(url, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        headers: token ? { RequestVerificationToken: token.value } : {},
        credentials: 'same-origin',
        signal: pending.signal,
      });
      if (!response.ok) {
        return;
      }
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('preview');
      if (fresh) {
        preview.replaceChildren(...fresh.childNodes);
        preview.setAttribute('data-updated', String(Date.now()));
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        throw error;
      }
    }
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  }

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
})();
