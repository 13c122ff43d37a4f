/* Keep a job's progress bar up to date: poll its JSON, and reload once it is done
   (the page then leads to the result). Without JavaScript the page refreshes itself. */
(function () {
  'use strict';
  var box = document.getElementById('job');
  if (!box) { return; }
  var bar = document.getElementById('job-progress');
  var message = document.getElementById('job-message');
  var error = document.getElementById('job-error');
  var delay = 1000;

  function show(state) {
    bar.value = state.progress;
    bar.textContent = state.progress + '%';
    if (state.status === 'done') {
      window.location.reload();
      return false;
    }
    if (state.status === 'failed') {
      message.textContent = '';
      error.textContent = state.error;
      error.hidden = false;
      return false;
    }
    if (state.message) { message.textContent = state.message; }
    return true;
  }

  function poll() {
    fetch(box.dataset.statusUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (state) {
        delay = 1000;
        if (show(state)) { window.setTimeout(poll, delay); }
      })
      .catch(function () {
        // The server may be restarting: keep asking, less often.
        delay = Math.min(delay * 2, 10000);
        window.setTimeout(poll, delay);
      });
  }

  if (box.dataset.status === 'queued' || box.dataset.status === 'running') {
    window.setTimeout(poll, delay);
  }
}());
