/* The question bank without reloading it: approve, reject, edit and act on the ticked questions in place.
 *
 * Every button is a plain form that works without this script. Here a form marked
 * data-async is sent with fetch (Accept: application/json); the server answers with
 * the changed cards' HTML and the new counts, and the cards are swapped in place.
 * "Edit" opens the question's form inside its card; the server sends it back with
 * its messages, or with the fields of another kind, until it is saved.
 */
(function () {
  'use strict';
  var bank = document.querySelector('[data-bank]');
  var live = document.getElementById('bank-status');
  if (!bank || !live || !window.fetch || !window.FormData) { return; }

  function say(text) {
    // Emptied first so the same message twice is still announced.
    live.textContent = '';
    window.setTimeout(function () { live.textContent = text || ''; }, 50);
  }

  function fromHtml(html) {
    var holder = document.createElement('template');
    holder.innerHTML = html.trim();
    return holder.content.firstElementChild;
  }

  function cardOf(element) { return element && element.closest('.question-card'); }

  function showCards(cards) {
    Object.keys(cards || {}).forEach(function (id) {
      var old = document.getElementById('question-' + id);
      if (old) { old.replaceWith(fromHtml(cards[id])); }
    });
  }

  function showCounts(counts) {
    if (!counts) { return; }
    counts.all = (counts.draft || 0) + (counts.approved || 0) + (counts.rejected || 0);
    Array.prototype.forEach.call(document.querySelectorAll('[data-count]'), function (span) {
      if (span.dataset.count in counts) { span.textContent = counts[span.dataset.count]; }
    });
  }

  function focusCard(id) {
    var card = id && document.getElementById('question-' + id);
    if (card) { card.focus(); }
  }

  function closeEditor(card) {
    var editor = card.querySelector('.inline-editor');
    if (editor) { editor.remove(); }
    card.classList.remove('editing');
  }

  function openEditor(card, html) {
    closeEditor(card);
    var editor = fromHtml(html);
    card.appendChild(editor);
    card.classList.add('editing');
    var first = editor.querySelector('[aria-invalid=true]') || editor.querySelector('textarea');
    if (first) { first.focus(); }
  }

  function post(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    if (bank.dataset.status && !data.has('back_status')) { data.append('back_status', bank.dataset.status); }
    return fetch(form.action, {
      method: 'POST', body: data, credentials: 'same-origin', headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().catch(function () { return { ok: false }; });
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.dataset || !form.dataset.async) { return; }
    event.preventDefault();
    var card = cardOf(form);
    var buttons = form.querySelectorAll('button');
    Array.prototype.forEach.call(buttons, function (button) { button.disabled = true; });
    post(form, event.submitter).then(function (body) {
      if (body.redirect) { window.location.assign(body.redirect); return; }
      if (body.form && card) { openEditor(card, body.form); return; }
      if (!body.ok) { say(body.message || live.dataset.failed); return; }
      showCards(body.cards);
      showCounts(body.counts);
      say(body.message);
      if (form.dataset.async === 'bulk') {
        Array.prototype.forEach.call(document.querySelectorAll('input[form=bulk-form]:checked'), function (box) {
          box.checked = false;
        });
      } else if (card) {
        focusCard(card.id.replace('question-', ''));
      }
    }).catch(function () {
      say(live.dataset.failed);
    }).then(function () {
      Array.prototype.forEach.call(buttons, function (button) { button.disabled = false; });
    });
  });

  document.addEventListener('click', function (event) {
    var edit = event.target.closest('a[data-inline-edit]');
    if (edit) {
      var card = cardOf(edit);
      event.preventDefault();
      fetch(edit.href + (edit.href.indexOf('?') < 0 ? '?' : '&') + 'inline=1', {
        credentials: 'same-origin', headers: { 'Accept': 'text/html' }
      }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      }).then(function (html) { openEditor(card, html); })
        .catch(function () { window.location.assign(edit.href); });
      return;
    }
    var cancel = event.target.closest('button[data-cancel-edit]');
    if (cancel) {
      var editing = cardOf(cancel);
      closeEditor(editing);
      var link = editing.querySelector('a[data-inline-edit]');
      if (link) { link.focus(); }
      return;
    }
    var tick = event.target.closest('a[data-tick]');
    if (tick) {
      event.preventDefault();
      var on = tick.dataset.tick === 'all';
      Array.prototype.forEach.call(document.querySelectorAll('input[form=bulk-form]'), function (box) {
        box.checked = on;
      });
      // The link now does the opposite, as the page without the script would show it.
      var label = tick.textContent;
      tick.textContent = tick.dataset.other;
      tick.dataset.other = label;
      tick.dataset.tick = on ? 'none' : 'all';
    }
  });
}());
