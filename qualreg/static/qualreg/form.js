/* qualreg: save each answer when it changes and show the server's fresh part; warn before
   the idle session ends. The server decides everything; without this script every page
   still works through its buttons. No framework, no inline script (CSP). */
(function () {
  "use strict";

  var FORM_ID = "part-form";
  var inFlight = false;
  var queued = {};
  var idleTimers = [];
  var saveTimer = null;

  function partForm() { return document.getElementById(FORM_ID); }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  /* q-<key> or q-<group>-<item>-<field>: keys never contain "-". */
  function questionKey(name) { return name.slice(2).split("-")[0]; }

  function keysOnPage() {
    var keys = {};
    document.querySelectorAll("#" + FORM_ID + " [data-key]").forEach(function (el) {
      keys[el.getAttribute("data-key")] = el;
    });
    return keys;
  }

  function isTyping(el) {
    return el && (el.tagName === "TEXTAREA" ||
      (el.tagName === "INPUT" && (el.type === "text" || el.type === "number")));
  }

  function announceNew(before) {
    var status = document.getElementById("live-status");
    var after = keysOnPage();
    var labels = [];
    Object.keys(after).forEach(function (key) {
      if (before[key]) return;
      var heading = after[key].querySelector(".question-heading");
      if (heading) labels.push(heading.textContent.trim());
    });
    if (status && labels.length) {
      status.textContent = status.getAttribute("data-new-question").replace("%(question)s", labels[0]);
    }
  }

  function swap(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    var active = document.activeElement;
    var activeId = active && active.id;
    var typed = isTyping(active) ? active.value : null;
    var before = keysOnPage();
    ["parts-nav", "part-content"].forEach(function (id) {
      var next = fresh.getElementById(id);
      var old = document.getElementById(id);
      if (next && old) old.replaceWith(document.importNode(next, true));
    });
    document.title = fresh.title;
    var again = activeId && document.getElementById(activeId);
    if (again) {
      if (typed !== null && again.value !== typed) {
        again.value = typed;  // typed while the save was on its way: keep it, save it on leave
        again.addEventListener("blur", function () { save(again.name); }, { once: true });
      }
      again.focus();
    }
    announceNew(before);
  }

  function send() {
    var form = partForm();
    var keys = Object.keys(queued);
    if (!form || !keys.length) return;
    queued = {};
    inFlight = true;
    var data = new FormData(form);
    data.delete("shown");
    keys.forEach(function (key) { data.append("shown", key); });
    data.append("autosave", "1");
    fetch(window.location.pathname, {
      method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.redirected) { window.location.assign(response.url); return null; }
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }).then(function (html) {
      inFlight = false;
      restartIdleTimer();
      if (Object.keys(queued).length) { send(); return; }  // only the last answer's page is shown
      if (html) swap(html);
    }).catch(function () {
      inFlight = false;  // the answer stays in the page and is saved by the next button press
    });
  }

  /* A short pause lets a button press that caused the change (blur, then click) win: the
     button's post saves the whole page anyway, so the separate save is dropped. */
  function save(name) {
    if (!name || name.indexOf("q-") !== 0) return;
    queued[questionKey(name)] = true;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(function () { if (!inFlight) send(); }, 250);
  }

  document.addEventListener("submit", function (event) {
    if (event.target.id !== FORM_ID) return;
    clearTimeout(saveTimer);
    queued = {};
  });

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.form && target.form.id === FORM_ID) save(target.name);
  });

  /* Idle timeout: warn a few minutes before the session ends, then show the ended page. */
  function restartIdleTimer() {
    var holder = document.querySelector("[data-session-seconds]");
    var warning = document.getElementById("timeout-warning");
    if (!holder || !warning) return;
    var seconds = parseInt(holder.getAttribute("data-session-seconds"), 10);
    if (!(seconds > 0)) return;
    idleTimers.forEach(clearTimeout);
    warning.hidden = true;
    var warnAfter = Math.max(seconds - 300, seconds / 2);
    idleTimers = [
      setTimeout(function () {
        warning.hidden = false;
        document.getElementById("timeout-title").focus();
      }, warnAfter * 1000),
      setTimeout(function () {
        window.location.assign(warning.getAttribute("data-ended-url"));
      }, (seconds + 5) * 1000)
    ];
  }

  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("#timeout-stay")) return;
    var warning = document.getElementById("timeout-warning");
    var data = new FormData();
    data.append("csrfmiddlewaretoken", csrfToken());
    fetch(warning.getAttribute("data-keep-alive-url"), {
      method: "POST", body: data, credentials: "same-origin"
    }).then(function (response) {
      if (response.redirected) { window.location.assign(response.url); return; }
      restartIdleTimer();
    });
  });

  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
  restartIdleTimer();
})();
