// Material's search worker, loaded lazily and with one fix.
//
// Lazily: the page starts this worker on every load, but it fetches nothing until its first
// message, Material's set-up message with the search index, which the page only sends once
// the reader shows intent to search (see ../search-language.js). Then it loads Material's
// worker (which loads lunr and its language support) and hands it that message.
//
// The fix: Material turns every query term into a prefix query ("barnomsorgen" ->
// "barnomsorgen*"), and lunr skips stemming for wildcard terms, so an inflected word
// ("barnomsorgen") never matches its stemmed index token ("barnomsorg"). We stem the term
// before the wildcard with the index's own language stemmer: "barnomsorgen*" -> "barnomsorg*".
"use strict";
var material = new URL(self.location.href).searchParams.get("material") || "";
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) throw new Error("search worker: unexpected script " + material);

var language = "en";

addEventListener("message", function start(event) {
  removeEventListener("message", start);
  var data = event.data && event.data.data;
  if (data && data.config && Array.isArray(data.config.lang)) language = data.config.lang[0];
  importScripts(material);
  stemPrefixQueries();
  // Material's handler was added during this dispatch, so it did not see this message.
  dispatchEvent(new MessageEvent("message", { data: event.data }));
});

function stemPrefixQueries() {
  var addClause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (clause) {
    var stemmer = language === "en" ? lunr.stemmer : lunr[language] && lunr[language].stemmer;
    var match = typeof clause.term === "string" && /^([^*]{3,})\*$/.exec(clause.term);
    if (stemmer && match) {
      var stem = stemmer(new lunr.Token(match[1], {})).toString();
      if (stem) clause.term = stem + "*";
    }
    return addClause.call(this, clause);
  };
}
