// Suggestions under every search box, following the ARIA 1.2 combobox pattern (list
// autocomplete, no automatic selection). Without JavaScript the form is a plain search form.
(function () {
  "use strict";

  var DELAY_MS = 150;
  var counter = 0;

  function enhance(form) {
    var input = form.querySelector('input[name="q"]');
    var endpoint = form.getAttribute("data-autocomplete");
    if (!input || !endpoint) return;
    counter += 1;
    var listId = input.id + "-forslag";
    var field = input.parentNode;

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Förslag");
    list.hidden = true;
    // Focus stays on the input (the options are reached with the arrows): a list that
    // scrolls must not become a tab stop of its own, which the browser would otherwise make.
    list.tabIndex = -1;
    field.appendChild(list);

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    field.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var options = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(suggestions) {
      list.textContent = "";
      options = suggestions.map(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.setAttribute("data-url", suggestion.url);
        item.textContent = suggestion.title;
        var kind = document.createElement("span");
        kind.className = "search-suggestions__kind";
        kind.textContent = " – " + suggestion.kind_label;
        item.appendChild(kind);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.assign(suggestion.url);
        });
        list.appendChild(item);
        return item;
      });
      active = -1;
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = options.length + " förslag. Välj med pil upp och ned.";
      } else {
        close();
        status.textContent = "";
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < 2) {
        render([]);
        return;
      }
      var request = ++latest;
      fetch(endpoint + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (request === latest) render(data.suggestions || []); })
        .catch(function () { render([]); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden) { fetchSuggestions(); return; }
        event.preventDefault();
        setActive(active + 1 >= options.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        if (list.hidden) return;
        event.preventDefault();
        setActive(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        window.location.assign(options[active].getAttribute("data-url"));
      } else if (event.key === "Tab") {
        // Close first, so Tab moves on from the input to what follows it.
        close();
      } else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); close(); }
        else { input.value = ""; }
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("form[data-autocomplete]").forEach(enhance);
})();
