// Partner directory: filters the server-rendered list in place (hooks/directory/list_page.py).
// No server and no library: every actor is already in the page, with its kind, needs,
// languages and target groups in data- attributes. The filter state lives in the URL
// query (?need=learn_finnish&lang=ar), so a filtered list can be shared and bookmarked.
// Without JavaScript the form stays hidden and the page still lists everything.
(function () {
  "use strict";
  var list = document.getElementById("directory-list");
  var form = document.getElementById("directory-filter");
  if (!list || !form) return;

  var FILTERS = ["q", "kind", "need", "lang", "group"];
  var status = document.getElementById("directory-count");
  var byNeed = document.getElementById("by-need");
  var heading = document.getElementById("actors");
  var items = Array.prototype.slice.call(list.querySelectorAll(".directory-item"));

  // "Borga" finds "Borgå", "tyo" finds "työ": compare without case and diacritics.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(item, name) {
    return (item.getAttribute("data-" + name) || "").split(" ").filter(Boolean);
  }
  var entries = items.map(function (item) {
    return {
      element: item,
      kind: item.getAttribute("data-kind"),
      needs: words(item, "needs"),
      langs: words(item, "langs"),
      groups: words(item, "groups"),
      text: fold(item.getAttribute("data-search") || "")
    };
  });

  function current() {
    var state = {};
    FILTERS.forEach(function (name) {
      state[name] = (form.elements[name].value || "").trim();
    });
    state.terms = fold(state.q).split(/\s+/).filter(Boolean);   // once, not once per item
    return state;
  }

  function matches(entry, state) {
    if (state.kind && entry.kind !== state.kind) return false;
    if (state.need && entry.needs.indexOf(state.need) < 0) return false;
    if (state.lang && entry.langs.indexOf(state.lang) < 0) return false;
    // A service for everyone also serves the chosen group.
    if (state.group && entry.groups.indexOf(state.group) < 0 && entry.groups.indexOf("everyone") < 0) return false;
    for (var i = 0; i < state.terms.length; i++) {
      if (entry.text.indexOf(state.terms[i]) < 0) return false;
    }
    return true;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
  }

  // At most a page of matches is shown, in the list's order, and a button shows the next
  // page: the browser then lays out a page, not thousands of items, on every keystroke.
  var pageSize = parseInt(list.getAttribute("data-page-size"), 10) || entries.length;
  var limit = pageSize;
  var more = document.getElementById("directory-more");
  var moreButton = more && more.querySelector("button");

  function render() {
    var state = current();
    var visible = [];
    var matched = 0;
    entries.forEach(function (entry) {
      var show = false;
      if (matches(entry, state)) {
        matched += 1;
        show = matched <= limit;
      }
      if (show) visible.push(entry);
      // Only items whose state changes are touched.
      if (entry.element.hidden === show) entry.element.hidden = !show;
    });
    var shown = visible.length;
    var total = entries.length;
    var template = matched === 0 ? "count-none" : shown < matched ? "count-paged" :
      shown === total ? "count-all" : "count-some";
    var text = fill(list.getAttribute("data-" + template), { shown: shown, matches: matched, total: total });
    // The live region speaks only when its text changes.
    if (status.textContent !== text) status.textContent = text;
    if (more) {
      more.hidden = shown >= matched;
      moreButton.textContent = fill(list.getAttribute("data-show-more"),
                                    { count: Math.min(pageSize, matched - shown) });
    }
    return { state: state, visible: visible };
  }

  // A new filter starts again at the first page.
  function apply() {
    limit = pageSize;
    return render().state;
  }

  if (moreButton) {
    moreButton.addEventListener("click", function () {
      var first = limit;
      limit += pageSize;
      var next = render().visible[first];
      // The reader goes on reading at the first item just shown, not at the button.
      var link = next && next.element.querySelector("a");
      if (link) link.focus();
    });
  }

  // The address of the current filter. A section anchor (#open-data) stays; a need's
  // anchor (#need-…) is replaced by the query that now does its job.
  function query(state, keepHash) {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      if (state[name]) params.set(name, state[name]);
    });
    var search = params.toString();
    var hash = keepHash && !/^#need-/.test(location.hash) ? location.hash : "";
    return location.pathname + (search ? "?" + search : "") + hash;
  }

  // Only values the page offers are taken from the URL; anything else is ignored.
  function setControl(name, value) {
    var control = form.elements[name];
    if (control.tagName === "SELECT") {
      var known = Array.prototype.some.call(control.options, function (option) {
        return option.value === value;
      });
      control.value = known ? value : "";
    } else {
      control.value = value;
    }
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      setControl(name, params.get(name) || "");
    });
    // Links from actor pages and old bookmarks point at a need's section: #need-<code>.
    var hash = /^#need-([a-z_]+)$/.exec(location.hash);
    if (hash && !params.get("need")) setControl("need", hash[1]);
  }

  function update() {
    history.replaceState(null, "", query(apply(), true));
  }

  function showResults() {
    if (!heading) return;
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }

  form.hidden = false;
  if (byNeed) byNeed.hidden = true;   // the filter does what these sections do without JavaScript

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  form.addEventListener("reset", function () {
    setTimeout(update, 0);   // the controls are cleared after this event
  });

  // "What do you need?": with JavaScript a need sets the filter instead of jumping to its section.
  Array.prototype.forEach.call(document.querySelectorAll("a[data-need]"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      setControl("need", link.getAttribute("data-need"));
      history.pushState(null, "", query(apply()));
      showResults();
    });
  });
  window.addEventListener("popstate", function () {
    readUrl();
    apply();
  });

  var arrivedWithNeed = /^#need-/.test(location.hash);
  readUrl();
  update();
  if (arrivedWithNeed) showResults();
})();
