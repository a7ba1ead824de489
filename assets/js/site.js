// The little every page does with script (the Content-Security-Policy allows only files of the
// site): "/" focuses the search box, and a list's date jump opens the page holding a date.
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
