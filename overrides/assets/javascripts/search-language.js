// Per-language search for Material + mkdocs-static-i18n (see hooks/search_per_language.py).
// Loaded right after Material's #__config and before its bundle, so that
//  1. the bundle's request for <base>/search/search_index.json goes to this
//     page's own language index (fi/search/…, en/search/…), and
//  2. the search worker is our wrapper, which stems query terms (worker below).
(function () {
  "use strict";
  var settingsElement = document.getElementById("__search_language");
  var configElement = document.getElementById("__config");
  if (!settingsElement || !configElement) return;
  var settings = JSON.parse(settingsElement.textContent);
  var config = JSON.parse(configElement.textContent);

  var sharedIndex = new URL("search/search_index.json", new URL(config.base, location.href)).href;
  var ownIndex = new URL(settings.index, location.href).href;
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (new URL(String(url), location.href).href === sharedIndex) args[1] = ownIndex;
    return open.apply(this, args);
  };

  var material = config.search.split("/").pop();
  config.search = settings.worker + "?material=" + encodeURIComponent(material);
  configElement.textContent = JSON.stringify(config);
})();
