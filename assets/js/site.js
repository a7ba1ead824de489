// The little every page does with script (the Content-Security-Policy allows only files of the
// site): "/" focuses the search box, a list's links to its own places stay on it, and a list's
// date jump opens a date on the page or in the search.
// Without it the header box and the month links of the jump still work.
(function () {
  'use strict';

  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    // The search page's own box, else the header's.
    var box = document.getElementById('search-q') || document.getElementById('site-q');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // A list's links are written from its <base>, the site's root, so a link to a place on the
  // page names the page's folder: followed from the page reached as .../index.html or with a
  // query, it would load the page again. Such a click only goes to the place.
  if (document.querySelector('base')) {
    document.addEventListener('click', function (event) {
      if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey
          || event.shiftKey || event.altKey) return;
      var link = event.target.closest('a[href*="#"]');
      if (!link) return;
      var to = new URL(link.href);
      var here = new URL(location.href);
      var folder = function (u) { return u.origin + u.pathname.replace(/index\.html$/, ''); };
      if (folder(to) !== folder(here)) return;
      event.preventDefault();
      here.hash = to.hash;
      location.href = here.href; // the same document: only its place changes
    });
  }

  // A list's date jump: a date the page shows opens the newest day on the page not after it; an
  // older date, the search for the list's commits up to that day (data-filter), newest first.
  var form = document.querySelector('form.jump-form');
  if (!form) return;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var date = form.elements.date.value; // YYYY-MM-DD, so strings compare as dates
    if (!date) return;
    if (date >= form.getAttribute('data-oldest-shown')) {
      var days = document.querySelectorAll('.list-days > li[id^="d"]'); // newest first
      var day = Array.prototype.find.call(days, function (li) { return li.id.slice(1) <= date; });
      location.hash = day.id;
      return;
    }
    var query = form.getAttribute('data-filter') + ' date:..' + date;
    // From the site's root: a list's links are written from its <base>.
    location.href = new URL('search.html?q=' + encodeURIComponent(query) + '&sort=date',
      document.baseURI).href;
  });
})();
