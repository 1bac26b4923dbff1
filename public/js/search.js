// Starts Pagefind's default UI on /search/ (an external file: the CSP allows no inline script).
// The index (/pagefind/) is written by `sitrep build`; without it, or without JavaScript, the page
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
  var ui = new window.PagefindUI({
    element: "#search",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
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
})();
