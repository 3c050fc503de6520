// Per-language, lazily loaded search for Material + mkdocs-static-i18n (see
// hooks/search_per_language.py). Loaded right after Material's #__config and before its
// bundle, so that
//  1. the bundle's request for <base>/search/search_index.json goes to this page's own
//     language index (fi/search/…, en/search/…),
//  2. that request is only sent once the reader shows intent to search (focus on or click
//     in the search field or icon, the shortcuts "/", "s", "f"): Material fetches the index
//     on every page load otherwise, and it is most of a first view's bytes, and
//  3. the search worker is our wrapper (workers/search-stemmed.js), which stems query terms
//     and loads Material's worker and lunr only when the index arrives.
(function () {
  "use strict";
  var settingsElement = document.getElementById("__search_language");
  var configElement = document.getElementById("__config");
  if (!settingsElement || !configElement) return;
  var settings = JSON.parse(settingsElement.textContent);
  var config = JSON.parse(configElement.textContent);

  var intent = false;
  var waiting = [];
  function searchWanted() {
    if (intent) return;
    intent = true;
    INTENT_EVENTS.forEach(function (type) { document.removeEventListener(type, onEvent, true); });
    waiting.splice(0).forEach(function (send) { send(); });
  }

  var SHORTCUTS = ["/", "s", "f"];
  var INTENT_EVENTS = ["focusin", "click", "change", "keydown"];
  function isTyping(target) {
    return target instanceof Element && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
  }
  function onEvent(event) {
    var target = event.target;
    var wanted =
      event.type === "keydown"
        ? SHORTCUTS.indexOf(event.key) >= 0 && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(target)
        : target instanceof Element &&
          (target.id === "__search" || !!target.closest("label[for=__search], .md-search"));
    if (wanted) searchWanted();
  }
  INTENT_EVENTS.forEach(function (type) { document.addEventListener(type, onEvent, true); });

  var sharedIndex = new URL("search/search_index.json", new URL(config.base, location.href)).href;
  var ownIndex = new URL(settings.index, location.href).href;
  var indexRequests = new WeakSet();
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (new URL(String(url), location.href).href === sharedIndex) {
      args[1] = ownIndex;
      indexRequests.add(this);
    }
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (intent || !indexRequests.has(request)) return send.apply(request, args);
    waiting.push(function () { send.apply(request, args); });
  };

  var material = config.search.split("/").pop();
  config.search = settings.worker + "?material=" + encodeURIComponent(material);
  configElement.textContent = JSON.stringify(config);
})();
