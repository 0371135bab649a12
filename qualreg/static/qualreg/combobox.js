/* qualreg: a search box over a long drop-down (select[data-combobox]), the ARIA combobox
   pattern with a list of matches. Typing filters; arrows move; Enter chooses; Escape closes.
   Choosing sets the hidden select and fires its change event, so the answer is saved like any
   other. Without this script the plain drop-down stays. No framework, no inline script (CSP). */
(function () {
  "use strict";

  var lastFocused = "";

  /* Lower case, without accents, Arabic vowel marks or tatweel, one form of alef/yeh/teh. */
  function fold(text) {
    return text.toLowerCase().normalize("NFD")
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
      .replace(/[\u0622\u0623\u0625]/g, "\u0627").replace(/\u0649/g, "\u064a")
      .replace(/\u0629/g, "\u0647");
  }

  function enhance(select) {
    if (select.hasAttribute("data-enhanced")) return null;
    select.setAttribute("data-enhanced", "");
    var id = select.id;
    var label = document.querySelector("label[for='" + id + "']");
    var choices = Array.prototype.filter.call(select.options, function (o) { return o.value; })
      .map(function (o, i) {
        return { value: o.value, text: o.textContent, key: fold(o.textContent), id: id + "-opt-" + i };
      });

    var box = document.createElement("div");
    box.className = "combobox";
    var input = document.createElement("input");
    input.type = "text";
    input.id = id + "-search";
    input.className = "combobox__input";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id + "-listbox");
    input.setAttribute("autocomplete", "off");
    ["aria-describedby", "aria-invalid"].forEach(function (name) {
      if (select.hasAttribute(name)) input.setAttribute(name, select.getAttribute(name));
    });
    var list = document.createElement("ul");
    list.id = id + "-listbox";
    list.className = "combobox__list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    if (label) {
      label.setAttribute("for", input.id);
      if (!label.id) label.id = id + "-label";
      list.setAttribute("aria-labelledby", label.id);
    }
    box.appendChild(input);
    box.appendChild(list);
    box.appendChild(status);
    select.hidden = true;
    select.parentNode.insertBefore(box, select);

    var shown = [];
    var active = -1;

    function chosenText() {
      var option = select.options[select.selectedIndex];
      return option && option.value ? option.textContent : "";
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function mark(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index < 0) { input.removeAttribute("aria-activedescendant"); return; }
      var li = list.children[index];
      input.setAttribute("aria-activedescendant", li.id);
      li.scrollIntoView({ block: "nearest" });
    }

    function show(query) {
      var words = fold(query).split(/\s+/).filter(Boolean);
      shown = choices.filter(function (c) {
        return words.every(function (w) { return c.key.indexOf(w) !== -1; });
      });
      list.textContent = "";
      shown.forEach(function (c) {
        var li = document.createElement("li");
        li.id = c.id;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = c.text;
        list.appendChild(li);
      });
      list.hidden = !shown.length;
      input.setAttribute("aria-expanded", shown.length ? "true" : "false");
      active = -1;
      input.removeAttribute("aria-activedescendant");
      status.textContent = shown.length
        ? select.getAttribute("data-results").replace("%(count)s", shown.length)
        : select.getAttribute("data-no-results");
    }

    function choose(choice) {
      close();
      input.value = choice.text;
      status.textContent = "";
      if (select.value === choice.value) return;
      /* The first option with the code: a code listed twice is still one answer. */
      select.value = choice.value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }

    input.value = chosenText();
    input.addEventListener("input", function () { show(input.value); });
    input.addEventListener("keydown", function (event) {
      var key = event.key;
      if (key === "ArrowDown" || key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) { show(input.value === chosenText() ? "" : input.value); }
        if (!shown.length) return;
        var step = key === "ArrowDown" ? 1 : -1;
        mark(active < 0 ? (step > 0 ? 0 : shown.length - 1) : (active + step + shown.length) % shown.length);
      } else if (key === "Enter") {
        if (list.hidden) return;
        event.preventDefault();  // choosing never submits the form
        if (active >= 0) choose(shown[active]);
        else if (shown.length === 1) choose(shown[0]);
      } else if (key === "Escape") {
        if (!list.hidden) event.preventDefault();
        close();
        input.value = chosenText();
      }
    });
    input.addEventListener("blur", function () {
      close();
      if (!input.value.trim() && select.value) {  // emptied: the answer is taken away
        select.value = "";
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
      input.value = chosenText();
    });
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var li = event.target.closest("[role=option]");
      var index = Array.prototype.indexOf.call(list.children, li);
      if (index >= 0) choose(shown[index]);
    });
    return input;
  }

  function enhanceAll() {
    var made = Array.prototype.map.call(document.querySelectorAll("select[data-combobox]"), enhance);
    /* The page's save may have put in a fresh copy of the question the person was in: the
       focus fell to the page, so it goes back to the new search box. */
    var lost = !document.activeElement || document.activeElement === document.body;
    made.forEach(function (input) { if (input && lost && input.id === lastFocused) input.focus(); });
  }

  /* Which element the person is in; a save that takes it out of the page moves no focus. */
  document.addEventListener("focusin", function (event) { lastFocused = event.target.id || ""; });

  enhanceAll();
  new MutationObserver(enhanceAll).observe(document.body, { childList: true, subtree: true });
})();
