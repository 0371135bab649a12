/* qualreg: save each answer when it changes (typed text after a short pause, and whatever is
   unsent when the page is hidden) and put in the part what the server says has changed (new
   questions, marks, errors, the navigation); keep unsent answers through a lost connection;
   warn before the idle session ends. The server decides everything; without this script
   every page still works through its buttons. No framework, no inline script (CSP). */
(function () {
  "use strict";

  var FORM_ID = "part-form";
  var TYPING_PAUSE_MS = 1500;  // typed text is saved this long after the last key
  var UNSENT_KEY = "qualreg-unsent";  // typed text handed to the next load of this page
  var inFlight = false;
  var wanted = false;  // a save was asked for while another was on its way
  var unsent = {};  // question key -> number of its last edit, until the server has it
  var edits = 0;
  var idleTimers = [];
  var saveTimer = null;
  var retryTimer = null;
  var retryDelay = 0;
  var offline = false;  // the last save could not reach the server
  var gone = false;  // logged out with answers unsent: no save can succeed any more

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

  /* One question at a time: the page holds every question that applies, so that it needs
     few page loads without this script; the script shows them up to the one the server
     names (data-reveal, or the `reveal` of a save's reply) and keeps the rest hidden, and
     out of the form's posts, until an answer moves it on. */
  function revealInTurn(last) {
    var list = questionList();
    if (!list) return;
    if (typeof last === "string") list.setAttribute("data-reveal", last);
    last = list.getAttribute("data-reveal");
    var after = false;
    Array.prototype.forEach.call(list.children, function (el) {
      var key = el.getAttribute("data-key");
      if (!key) return;
      el.classList.remove("question--later");
      el.hidden = after;
      var shown = el.querySelector("input[name=shown]");
      if (shown) shown.disabled = after;
      if (key === last) after = true;
    });
  }

  /* The keys of the questions the person sees. */
  function keysInView() {
    var keys = keysOnPage();
    Object.keys(keys).forEach(function (key) { if (keys[key].hidden) delete keys[key]; });
    return keys;
  }

  /* Announce the first question that came into view (not one put in hidden). */
  function announceNew(before) {
    var status = document.getElementById("live-status");
    var after = keysInView();
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

  /* The key of the question whose text the person is typing in, if any. */
  function typingIn() {
    var active = document.activeElement;
    return isTyping(active) && active.form && active.form.id === FORM_ID ?
      questionKey(active.name) : null;
  }

  /* Put in place what the server sent: the questions it sent in full, in its order, and the
     marks it sent alone; the rest stays as it is, with what the person has typed in it. The
     question being typed in is not redrawn (no error or caret jump mid-word): it is redrawn
     by the save made when the person leaves it. */
  function apply(changes) {
    var active = document.activeElement;
    var activeId = active && active.id;
    var keep = typingIn();
    var before = keysOnPage();
    var inView = keysInView();
    var current = {};
    var questions = changes.questions || {};
    var whole = true;
    Object.keys(before).forEach(function (key) { current[key] = before[key]; });
    Object.keys(questions).forEach(function (key) {
      if (key === keep && before[key]) { whole = false; return; }
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
    /* The page now shows the draft at this revision; the server may then compare less. A
       reply applied in part leaves the old token, so the next save is compared in full. */
    if (changes.revision && whole) partForm().setAttribute("data-revision", changes.revision);
    var again = activeId && document.getElementById(activeId);
    if (again && document.activeElement !== again) again.focus();
    revealInTurn(changes.reveal);
    announceNew(inView);
  }

  /* The fields of the given questions, with what the server needs to save them. */
  function saveData(form, keys) {
    var data = new FormData();
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken" ||
          (name.indexOf("q-") === 0 && keys.indexOf(questionKey(name)) !== -1)) {
        data.append(name, value);
      }
    });
    keys.forEach(function (key) { data.append("shown", key); });
    data.append("autosave", "1");
    return data;
  }

  /* Send every answer the server does not have yet. Only those questions' fields travel:
     the server updates the questions named in "shown" and nothing else. */
  function send() {
    var form = partForm();
    var keys = Object.keys(unsent);
    if (!form || !keys.length || gone) return;
    var sent = {};
    keys.forEach(function (key) { sent[key] = unsent[key]; });
    inFlight = true;
    wanted = false;
    var data = saveData(form, keys);
    var shown = keysOnPage();
    data.append("displayed", Object.keys(shown).map(function (key) {
      return key + ":" + (shown[key].getAttribute("data-state") || "");
    }).join(" "));
    data.append("reveal", questionList().getAttribute("data-reveal") || "");
    data.append("summary", stateOf("error-summary-slot"));
    data.append("nav", stateOf("parts-nav"));
    data.append("revision", form.getAttribute("data-revision") || "");
    data.append("delta", "1");
    fetch(window.location.pathname, {  // URL-encoded: smaller and cheaper to read than multipart
      method: "POST", body: new URLSearchParams(data), credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.redirected) return { redirectedTo: response.url };
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }, function () {
      return { unreachable: true };  // no connection: fetch itself failed
    }).then(function (changes) {
      inFlight = false;
      if (changes.unreachable) { waitForConnection(); return; }
      if (changes.redirectedTo) { notSaved(changes.redirectedTo); return; }
      /* Answers edited again while this save was on its way stay unsent. */
      keys.forEach(function (key) { if (unsent[key] === sent[key]) delete unsent[key]; });
      if (!Object.keys(unsent).length) forgetTyped();
      connected();
      restartIdleTimer();
      if (wanted) { send(); return; }  // the next answer's changes include these
      apply(changes);
    }).catch(function () {
      inFlight = false;  // a refused save: the answer stays in the page, the buttons save it
    });
  }

  function saveNow() {
    clearTimeout(saveTimer);
    if (inFlight) { wanted = true; return; }
    send();
  }

  /* A short pause lets a button press that caused the change (blur, then click) win: the
     button's post saves the whole page anyway, so the separate save is dropped. */
  function save(name, delay) {
    if (!name || name.indexOf("q-") !== 0) return;
    unsent[questionKey(name)] = ++edits;
    if (statusShown === "saved") saveStatus(null);
    timeoutWords();  // the warning may be up, and no longer true
    clearTimeout(saveTimer);
    if (!offline) saveTimer = setTimeout(saveNow, delay);
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.form && target.form.id === FORM_ID) save(target.name, 250);
  });

  /* Typed text is saved after a pause, without waiting for the person to leave the field. */
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target.form && target.form.id === FORM_ID && isTyping(target)) {
      save(target.name, TYPING_PAUSE_MS);
    }
  });

  /* The page is going away or out of sight: send what is unsent in a beacon (which outlives
     the page; the server replies 204), and hand the typed text to the next load of this
     page in this tab, which puts it back if the beacon lost the race with that load. */
  var beaconed = 0;
  function leaving() {
    var form = partForm();
    var keys = Object.keys(unsent);
    if (!form || !keys.length) return;
    var typed = {};
    var any = false;
    form.querySelectorAll("input[type=text], textarea").forEach(function (el) {
      if (unsent[questionKey(el.name)]) { typed[el.name] = el.value; any = true; }
    });
    if (any) try {
      window.sessionStorage.setItem(UNSENT_KEY, JSON.stringify({
        page: window.location.pathname, draft: draftOf(form), fields: typed
      }));
    } catch (e) { /* storage full or turned off: the beacon alone */ }
    if (offline || edits === beaconed || !navigator.sendBeacon) return;
    var data = saveData(form, keys);
    data.append("beacon", "1");
    if (navigator.sendBeacon(window.location.pathname, new URLSearchParams(data))) {
      beaconed = edits;
    }
  }

  /* The sync token ends with "<draft id>:<revision>:<second language>". */
  function draftOf(form) {
    var token = (form.getAttribute("data-revision") || "").split(":");
    return token.length > 2 ? token[token.length - 3] : "";
  }

  function forgetTyped() {
    try { window.sessionStorage.removeItem(UNSENT_KEY); } catch (e) { /* none kept */ }
  }

  /* Hidden, then shown again: this page still holds the truth, nothing to hand over. */
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") leaving();
    else forgetTyped();
  });
  window.addEventListener("pagehide", leaving);
  window.addEventListener("beforeunload", function (event) {
    leaving();
    /* Without a connection the answers cannot go: let the browser ask before leaving. */
    if (offline && Object.keys(unsent).length) event.preventDefault();
  });

  /* Typed text the last load of this page in this tab did not see saved: put it back and
     save it. Only for the same draft and part; the hand-over is read once and removed. */
  function restoreTyped() {
    var form = partForm();
    var held = null;
    try {
      held = JSON.parse(window.sessionStorage.getItem(UNSENT_KEY) || "null");
      window.sessionStorage.removeItem(UNSENT_KEY);
    } catch (e) { return; }
    if (!form || !held || held.page !== window.location.pathname ||
        held.draft !== draftOf(form) || !held.fields) return;
    Object.keys(held.fields).forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (isTyping(field) && field.value !== held.fields[name]) {
        field.value = held.fields[name];
        save(name, 0);
      }
    });
  }

  /* Without a connection: keep the answers, say so, and try again when it is back. */
  var statusShown = null;
  function saveStatus(kind) {
    var status = document.getElementById("save-status");
    if (!status) return;
    statusShown = kind;
    status.textContent = "";
    if (!kind) return;
    var message = document.createElement("p");
    message.className = "alert alert--" + (kind === "saved" ? "success" : "warning");
    message.textContent = status.getAttribute("data-" + kind);
    status.appendChild(message);
  }

  function waitForConnection() {
    if (!offline) { offline = true; retryDelay = 2000; saveStatus("waiting"); }
    clearTimeout(retryTimer);
    retryTimer = setTimeout(retry, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 60000);
  }

  function retry() {
    clearTimeout(retryTimer);
    if (!offline || inFlight) return;
    if (Object.keys(unsent).length) send();
    else if (navigator.onLine !== false) connected();
    else waitForConnection();
  }

  function connected() {
    clearTimeout(retryTimer);
    if (!offline) return;
    offline = false;
    saveStatus(Object.keys(unsent).length ? null : "saved");
  }

  window.addEventListener("online", retry);

  /* A save that was sent back elsewhere (the session ended, or the registration was
     completed in another tab) saved nothing: say so and keep the page with the answers,
     rather than leave it silently. */
  function notSaved(url) {
    gone = true;
    offline = false;
    clearTimeout(retryTimer);
    saveStatus("lost");
    var link = document.createElement("a");
    link.href = url;
    link.textContent = document.getElementById("save-status").getAttribute("data-lost-link");
    document.querySelector("#save-status p").appendChild(document.createTextNode(" "));
    document.querySelector("#save-status p").appendChild(link);
  }

  document.addEventListener("submit", function (event) {
    if (event.target.id !== FORM_ID) return;
    if (offline || navigator.onLine === false) {
      /* The post would fail and leave the page: stay, keep the answers, say why. */
      event.preventDefault();
      saveStatus(null);
      setTimeout(function () { saveStatus("waiting"); }, 50);  // announced again
      if (!offline) waitForConnection();
      return;
    }
    clearTimeout(saveTimer);
    unsent = {};  // the button's post saves the whole page
    forgetTyped();
  });

  /* The warning's last words say whether every answer is saved: one changed without a
     connection is not, and "saved" would tell the person there is nothing to wait for. */
  function timeoutWords() {
    var words = document.getElementById("timeout-answers");
    if (!words) return;
    words.textContent = words.getAttribute(
      Object.keys(unsent).length ? "data-unsent" : "data-saved");
  }

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
        timeoutWords();
        warning.hidden = false;
        document.getElementById("timeout-title").focus();
      }, warnAfter * 1000),
      setTimeout(function () {
        /* Answers not sent yet would be lost silently by leaving: say so instead, with the
           warning gone, since its words are no longer true and it would cover the message. */
        if (Object.keys(unsent).length) {
          warning.hidden = true;
          notSaved(warning.getAttribute("data-ended-url"));
        } else {
          window.location.assign(warning.getAttribute("data-ended-url"));
        }
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
    }).catch(function () {
      if (Object.keys(unsent).length) waitForConnection();  // no connection: say it is waiting
    });
  });

  revealInTurn();
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
  restoreTyped();
  restartIdleTimer();
})();
