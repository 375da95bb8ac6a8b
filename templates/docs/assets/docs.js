// ledgerspec docs: search over the embedded index, and the code-sample tabs. No network, no
// innerHTML: every string from the index reaches the page through textContent.
(function () {
  'use strict';
  var entries = window.LEDGERSPEC_SEARCH || [];
  var input = document.getElementById('search');
  var list = document.getElementById('search-results');
  var MAX_RESULTS = 20;

  function matches(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    var scored = [];
    entries.forEach(function (entry) {
      var title = entry.title.toLowerCase();
      var hay = title + ' ' + entry.kind.toLowerCase() + ' ' + entry.text;
      if (
        !terms.every(function (t) {
          return hay.indexOf(t) !== -1;
        })
      )
        return;
      // Words found in the title count; a title that starts with the query counts most.
      var score =
        terms.filter(function (t) {
          return title.indexOf(t) !== -1;
        }).length + (title.indexOf(query.toLowerCase().trim()) === 0 ? terms.length : 0);
      scored.push({ entry: entry, score: score });
    });
    scored.sort(function (a, b) {
      return b.score - a.score || (a.entry.title < b.entry.title ? -1 : a.entry.title > b.entry.title ? 1 : 0);
    });
    return scored.slice(0, MAX_RESULTS).map(function (s) {
      return s.entry;
    });
  }

  function render(results) {
    while (list.firstChild) list.removeChild(list.firstChild);
    results.forEach(function (entry) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = entry.href;
      link.textContent = entry.title;
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = entry.kind;
      link.appendChild(kind);
      item.appendChild(link);
      list.appendChild(item);
    });
    if (!results.length && input.value.trim()) {
      var none = document.createElement('li');
      none.className = 'none';
      none.textContent = 'No match';
      list.appendChild(none);
    }
    list.hidden = !input.value.trim();
  }

  if (input && list) {
    input.addEventListener('input', function () {
      render(matches(input.value));
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        var first = list.querySelector('a');
        if (first) window.location.href = first.getAttribute('href');
      } else if (event.key === 'Escape') {
        input.value = '';
        render([]);
      }
    });
  }

  document.querySelectorAll('.sample-tab').forEach(function (tab) {
    tab.addEventListener('click', function () {
      var which = tab.getAttribute('data-sample');
      document.querySelectorAll('.sample-tab').forEach(function (t) {
        t.setAttribute('aria-selected', String(t === tab));
      });
      document.querySelectorAll('pre.sample').forEach(function (pre) {
        pre.hidden = pre.getAttribute('data-sample') !== which;
      });
    });
  });

  // Scroll the sidebar (only the sidebar, which is its offsetParent: the page stays at its top) to the current page's link.
  var sidebar = document.querySelector('nav.sidebar');
  var current = sidebar && sidebar.querySelector('[aria-current="page"]');
  if (current) sidebar.scrollTop = Math.max(0, current.offsetTop - sidebar.clientHeight / 2);
})();
