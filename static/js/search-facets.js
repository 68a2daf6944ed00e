// On a small screen the search filters fold behind "Avgränsa" so the results come first.
// Without JavaScript they stay open, after the results.
(function () {
  const facets = document.querySelector("[data-facets]");
  if (facets && window.matchMedia("(max-width: 47.99em)").matches) {
    facets.open = false;
  }
})();
