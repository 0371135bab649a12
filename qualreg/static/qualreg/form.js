/* qualreg: save each answer when it changes and put in the part what the server says has
   changed (new questions, marks, errors, the navigation); warn before the idle session ends. The server decides everything; without this script every page
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

  function questionList() { return document.getElementById("questions"); }

  /* The questions on the page by key, in page order. */
  function keysOnPage() {
    var keys = {};
    var list = questionList();
    if (!list) return keys;
    Array.prototype.forEach.call(list.children, function (el) {
      if (el.hasAttribute("data-key")) keys[el.getAttribute("data-key")] = el;
    });
    return keys;
  }

  function stateOf(id) {
    var el = document.getElementById(id);
    return el ? el.getAttribute("data-state") || "" : "";
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

  function fromHtml(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html;
    return holder.content.firstElementChild;
  }

  function replace(id, html) {
    var old = document.getElementById(id);
    var next = html && fromHtml(html);
    if (old && next) old.replaceWith(next);
  }

  /* The page's questions without those gone, each new one after the key it follows
     ("" for the first): autosave.reordered on the server, which checks the result. */
  function reordered(keys, changes) {
    var gone = changes.gone || [];
    keys = keys.filter(function (key) { return gone.indexOf(key) === -1; });
    (changes.after || []).forEach(function (pair) {
      keys.splice(keys.indexOf(pair[1]) + 1, 0, pair[0]);
    });
    return keys;
  }

  /* Put in place what the server sent: the questions it sent in full, in its order, and the
     marks it sent alone; the rest stays as it is, with what the person has typed in it. */
  function apply(changes) {
    var active = document.activeElement;
    var activeId = active && active.id;
    var typed = isTyping(active) ? active.value : null;
    var caret = typed !== null ? [active.selectionStart, active.selectionEnd] : null;
    var before = keysOnPage();
    var current = {};
    var questions = changes.questions || {};
    Object.keys(before).forEach(function (key) { current[key] = before[key]; });
    Object.keys(questions).forEach(function (key) {
      current[key] = fromHtml(questions[key]);
      if (before[key]) before[key].replaceWith(current[key]);
    });
    var list = questionList();
    var node = list.firstElementChild;
    (changes.order || reordered(Object.keys(before), changes)).forEach(function (key) {
      var el = current[key];
      if (!el) return;
      if (el === node) { node = node.nextElementSibling; return; }
      list.insertBefore(el, node);
    });
    while (node) { var next = node.nextElementSibling; node.remove(); node = next; }
    replace("error-summary-slot", changes.summary);
    replace("parts-nav", changes.nav);
    /* Small pieces (a question's mark, the progress, a part's state) that changed where
       nothing else around them did, and the fingerprints of what holds them. */
    var slots = changes.slots || {};
    Object.keys(slots).forEach(function (id) { replace(id, slots[id]); });
    var states = changes.states || {};
    Object.keys(states).forEach(function (key) {
      if (current[key]) current[key].setAttribute("data-state", states[key]);
    });
    var nav = document.getElementById("parts-nav");
    if (changes.nav_state && nav) nav.setAttribute("data-state", changes.nav_state);
    if (changes.title) document.title = changes.title;
    /* The page now shows the draft at this revision; the server may then compare less. */
    if (changes.revision) partForm().setAttribute("data-revision", changes.revision);
    var again = activeId && document.getElementById(activeId);
    if (again && again !== active) {
      if (typed !== null && again.value !== typed) {
        again.value = typed;  // typed while the save was on its way: keep it, save it on leave
        again.addEventListener("blur", function () { save(again.name); }, { once: true });
      }
      again.focus();
      if (caret && again.setSelectionRange) again.setSelectionRange(caret[0], caret[1]);
    } else if (again && document.activeElement !== again) {
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
    /* Only the changed questions' fields: the server updates the questions named in
       "shown" and nothing else, so the rest of the form need not travel. */
    var data = new FormData();
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken" ||
          (name.indexOf("q-") === 0 && keys.indexOf(questionKey(name)) !== -1)) {
        data.append(name, value);
      }
    });
    var shown = keysOnPage();
    keys.forEach(function (key) { data.append("shown", key); });
    data.append("displayed", Object.keys(shown).map(function (key) {
      return key + ":" + (shown[key].getAttribute("data-state") || "");
    }).join(" "));
    data.append("summary", stateOf("error-summary-slot"));
    data.append("nav", stateOf("parts-nav"));
    data.append("revision", form.getAttribute("data-revision") || "");
    data.append("autosave", "1");
    data.append("delta", "1");
    fetch(window.location.pathname, {  // URL-encoded: smaller and cheaper to read than multipart
      method: "POST", body: new URLSearchParams(data), credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.redirected) { window.location.assign(response.url); return null; }
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (changes) {
      inFlight = false;
      restartIdleTimer();
      if (Object.keys(queued).length) { send(); return; }  // the next answer's changes include these
      if (changes) apply(changes);
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
