// The little every page does with script (the Content-Security-Policy allows only files of the
// site): "/" focuses the search box, a list's links to its own places stay on it, and a list's
// date jump opens the page holding a date.
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

  // data-oldest: the oldest day of each page of the list, newest page first (the front page,
  // then archive pages N .. 1). A date belongs to the first page whose oldest day is not after it.
  var form = document.querySelector('form.jump-form');
  if (!form) return;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var date = form.elements.date.value; // YYYY-MM-DD, so strings compare as dates
    if (!date) return;
    var oldest = form.getAttribute('data-oldest').split(' ');
    var i = 0;
    while (i < oldest.length - 1 && date < oldest[i]) i++;
    var page = i === 0 ? '' : 'page/' + (oldest.length - i) + '/';
    // From the page's own address: a list's links are written from its <base>, the site's root.
    location.href = new URL(page + '#d' + date, location.href).href;
  });
})();
