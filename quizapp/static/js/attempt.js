/* quizapp attempt page: comfort on top of a form that works without JavaScript.
 *
 * - autosave: the answers that changed are sent as JSON (CSRF token in a
 *   header) shortly after they change, when the page is hidden, and again when
 *   the network returns;
 * - countdown: the server's remaining seconds, counted down here; at zero the
 *   form is sent with action=timeout and the server submits it;
 * - a warning before leaving while changes are not saved yet;
 * - the question pager's mark on the current question, kept true as its
 *   answer is saved (without the script it changes with the page).
 * The server stays the judge: it checks the deadline and every value.
 */
(function () {
  "use strict";

  var form = document.getElementById("attempt-form");
  if (!form || !window.fetch || !window.JSON) { return; }

  var status = document.getElementById("save-status");
  var msg = form.dataset;
  var url = msg.autosaveUrl;
  var tokenInput = form.querySelector("input[name=csrf_token]");
  var token = tokenInput ? tokenInput.value : "";
  var DEBOUNCE_MS = 800;
  var RETRY_MS = 5000;

  var dirty = false;      // changed since the last successful save
  var inFlight = false;
  var again = false;      // a change arrived while a save was in flight
  var timer = null;
  var leaving = false;    // the form itself is being sent: no warning

  function say(text, isError) {
    if (!status) { return; }
    status.textContent = text;
    status.classList.toggle("save-error", !!isError);
  }

  function collect() {
    var answers = {};
    var groups = form.querySelectorAll("fieldset.question[data-name]");
    Array.prototype.forEach.call(groups, function (group) {
      var name = group.dataset.name;
      var kind = group.dataset.kind;
      if (kind === "multiple") {
        answers[name] = Array.prototype.map.call(
          group.querySelectorAll("input[type=checkbox]:checked"), function (box) { return box.value; });
      } else if (group.querySelector("input[type=radio]")) {
        var picked = group.querySelector("input[type=radio]:checked");
        answers[name] = picked ? picked.value : null;
      } else {
        var input = group.querySelector("input[name='" + name + "']");
        // A number box holding "abc" reports "": sending that would erase a saved answer.
        if (input && !(input.validity && input.validity.badInput)) { answers[name] = input.value; }
      }
    });
    return answers;
  }

  // The page's answers as the server holds them, as far as the page knows (what it was drawn with,
  // then each acknowledged save): a save sends only what differs, so it stays small and never
  // overwrites an answer given meanwhile in another tab with this page's older copy.
  var acknowledged = collect();

  function changes(current) {
    var sent = {};
    Object.keys(current).forEach(function (name) {
      if (JSON.stringify(current[name]) !== JSON.stringify(acknowledged[name])) { sent[name] = current[name]; }
    });
    return sent;
  }

  function isBlank(value) {
    // As the server sees it: no choice, no boxes ticked, or only spaces.
    if (value === null || value === undefined) { return true; }
    if (Array.isArray(value)) { return value.length === 0; }
    return String(value).trim() === "";
  }

  function markAnswered(sent) {
    var current = form.querySelector(".pager [aria-current]");
    if (!current) { return; }
    var names = Array.prototype.map.call(
      form.querySelectorAll("fieldset.question[data-name]"), function (group) { return group.dataset.name; });
    // An answer left out of the save (a number box holding text) kept its saved value, so the mark stands.
    if (!names.every(function (name) { return name in sent; })) { return; }
    var answered = names.every(function (name) { return !isBlank(sent[name]); });
    current.classList.toggle("answered", answered);
    var spoken = current.querySelector(".visually-hidden");
    if (spoken) { spoken.textContent = ", " + (answered ? msg.msgAnswered : msg.msgUnanswered); }
  }

  // The status bar's "n of N answered", kept true as answers are saved (the server wrote it at page load).
  var progressText = document.getElementById("answered-text");
  var progressBar = document.getElementById("answered-bar");
  function countAnswered(answers) {
    return Object.keys(answers).filter(function (name) { return !isBlank(answers[name]); }).length;
  }
  var answeredElsewhere = progressText ? parseInt(progressText.dataset.answered, 10) - countAnswered(collect()) : 0;

  function showProgress(sent) {
    if (!progressText || !msg.msgProgress) { return; }
    var total = parseInt(progressText.dataset.total, 10);
    var count = Math.max(0, Math.min(total, answeredElsewhere + countAnswered(sent)));
    progressText.textContent = msg.msgProgress.replace("{num}", count).replace("{total}", total);
    if (progressBar) { progressBar.setAttribute("width", (100 * count / (total || 1)).toFixed(1)); }
  }

  function markErrors(fields) {
    Array.prototype.forEach.call(form.querySelectorAll("fieldset.question"), function (group) {
      group.classList.toggle("has-error", !!(fields && fields[group.dataset.name]));
    });
  }

  function save(leavingPage) {
    if (inFlight) { again = true; return; }
    clearTimeout(timer);
    inFlight = true;
    again = false;
    dirty = false;
    var current = collect();
    var sent = changes(current);
    if (Object.keys(sent).length === 0) {  // changed back to what is saved: nothing to send
      inFlight = false;
      say(msg.msgSaved);
      return;
    }
    say(msg.msgSaving);
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      // keepalive lets the save finish as the tab closes, but caps the body at 64 KiB:
      // only asked for when the page is being hidden.
      keepalive: leavingPage === true,
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": token },
      body: JSON.stringify({ answers: sent })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          Object.keys(sent).forEach(function (name) { acknowledged[name] = sent[name]; });
          markErrors(null);
          markAnswered(current);
          showProgress(current);
          if (!dirty) { say(msg.msgSaved); }
          if (typeof body.remaining === "number") { countdown.sync(body.remaining); }
          if (body.as_of && form.elements.as_of) {
            // The page now knows the answers as of this save: a submit keeps anything stored later elsewhere.
            form.elements.as_of.value = body.as_of;
          }
          if (body.csrf_token) {  // renewed, so a page left open for hours can still post
            token = body.csrf_token;
            if (tokenInput) { tokenInput.value = token; }
          }
        } else if (response.status === 409 && body.submitted) {
          leaving = true;
          window.location.assign(body.result_url);
        } else if (response.status === 503 || body.retry) {
          // The server could not store them (disk full, database read-only): keep trying.
          dirty = true;
          say(body.error || msg.msgOffline, true);
          timer = setTimeout(function () { save(); }, RETRY_MS);
        } else if (response.status === 400 && body.fields) {
          dirty = true;
          markErrors(body.fields);
          say(msg.msgInvalid, true);
        } else {
          dirty = true;
          say(body.error || msg.msgExpired, true);
        }
      });
    }).catch(function () {
      dirty = true;
      say(msg.msgOffline, true);
      timer = setTimeout(function () { save(); }, RETRY_MS);
    }).then(function () {
      inFlight = false;
      if (again) { save(); }
    });
  }

  function changed() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(function () { save(); }, DEBOUNCE_MS);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () { leaving = true; clearTimeout(timer); });
  window.addEventListener("online", function () { if (dirty) { save(); } });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && dirty) { save(true); }
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !leaving) {
      event.preventDefault();
      event.returnValue = "";  // older browsers need a value to show the prompt
    }
  });

  var countdown = (function () {
    var box = document.getElementById("timer");
    var value = document.getElementById("timer-value");
    var alert = document.getElementById("timer-alert");
    if (!box || !value) { return { sync: function () {} }; }
    var end = Date.now() + 1000 * parseInt(box.dataset.remaining, 10);
    var warned = {};
    var done = false;

    function show(seconds) {
      var minutes = Math.floor(seconds / 60);
      var rest = seconds % 60;
      value.textContent = minutes + ":" + (rest < 10 ? "0" : "") + rest;
      box.classList.toggle("timer-low", seconds <= 60);
    }

    function announce(key, text, seconds, limit) {
      // Spoken once, at the moment it becomes true, not on every tick.
      if (seconds <= limit && seconds > limit - 5 && !warned[key] && alert) {
        warned[key] = true;
        alert.textContent = text;
      }
    }

    function timeUp() {
      done = true;
      leaving = true;
      say(msg.msgTimeup);
      var action = document.createElement("input");
      action.type = "hidden";
      action.name = "action";
      action.value = "timeout";
      form.appendChild(action);
      form.submit();
    }

    function tick() {
      if (done) { return; }
      var seconds = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      show(seconds);
      announce("five", msg.msgFive, seconds, 300);
      announce("one", msg.msgMinute, seconds, 60);
      if (seconds === 0) { timeUp(); }
    }

    tick();
    setInterval(tick, 1000);
    return {
      sync: function (seconds) { end = Date.now() + 1000 * seconds; }
    };
  }());
}());
