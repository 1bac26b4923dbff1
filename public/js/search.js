// Starts Pagefind's default UI on /search/ (an external file: the CSP allows no inline script).
// The index (/pagefind/, a large site's in shards) is written by `sitrep build`; without it, or without JavaScript, the page
// keeps its message explaining the other ways into the archive.
(function () {
  "use strict";
  var root = document.getElementById("search");
  var fallback = document.getElementById("search-fallback");
  var missing = document.getElementById("search-missing");
  if (!root) return;
  if (typeof window.PagefindUI !== "function") {
    if (missing) missing.hidden = false;
    return;
  }
  // A large site's index comes in shards (sitrep build writes the list): the first is the bundle
  // the UI loads, the others are merged into its results, ranked together.
  function start(bundles) {
    var ui = new window.PagefindUI({
      element: "#search",
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: true,
      mergeIndex: bundles.slice(1).map(function (path) {
        return { bundlePath: path };
      }),
    });
    if (fallback) fallback.hidden = true;
    // Pagefind's input is labelled by a title only; give it a proper accessible name once it exists.
    var tries = 0;
    (function label() {
      var input = root.querySelector("input[type=text], input[type=search]");
      if (input) input.setAttribute("aria-label", "Search the archive");
      else if (tries++ < 100) window.setTimeout(label, 50);
    })();
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
  }
  function ours(path) {
    return typeof path === "string" && /^\/pagefind\/(shard-[0-9]+\/)?$/.test(path);
  }
  fetch("/pagefind/sitrep-bundles.json")
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .catch(function () {
      return null;
    })
    .then(function (list) {
      var bundles = list && Array.isArray(list.bundles) ? list.bundles.filter(ours) : [];
      start(bundles.length ? bundles : ["/pagefind/"]);
    });
})();
