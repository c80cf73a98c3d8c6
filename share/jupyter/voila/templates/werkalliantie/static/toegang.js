// The course's exercises, made whole for screen readers where ipywidgets cannot do it from
// Python (issue 22). Loaded by the Voila template werkalliantie (index.html.j2) and, in the
// browser site, into each exercise's frame (site/sjablonen/oefenen.js). Plain JavaScript,
// no dependencies; it only adds attributes and never changes what a widget sends.
//
// 1. One stable live region per exercise. An HTML widget replaces its markup on every
//    update, so the status line's role=status element was a new node each time, and many
//    screen readers announce nothing for a live region that is new. The widget's own
//    content element stays: it becomes the live region, and the markup inside it (which
//    carries role=status for front ends without this script) loses its role.
// 2. The upload button's count. ipywidgets writes "(0)" after the button's text, the
//    number of files chosen; the course empties that list after each load, so it only
//    ever said "(0)".
(function () {
  'use strict';
  if (window.werkalliantieToegang) { return; }
  window.werkalliantieToegang = true;

  function statusregel(status) {
    var inhoud = status.querySelector(':scope > .widget-html-content');
    if (!inhoud) { return; }
    if (inhoud.getAttribute('role') !== 'status') {
      inhoud.setAttribute('role', 'status');
      inhoud.setAttribute('aria-live', 'polite');
      inhoud.setAttribute('aria-atomic', 'true');
    }
    inhoud.querySelectorAll('[role], [aria-live]').forEach(function (knoop) {
      knoop.removeAttribute('role');
      knoop.removeAttribute('aria-live');
    });
  }

  function uploadknop(knop) {
    knop.childNodes.forEach(function (knoop) {
      if (knoop.nodeType !== Node.TEXT_NODE) { return; }
      var tekst = knoop.textContent.replace(/\s*\(\d+\)\s*$/, '');
      if (tekst !== knoop.textContent) { knoop.textContent = tekst; }
    });
  }

  function verwerk() {
    document.querySelectorAll('.wa-status').forEach(statusregel);
    document.querySelectorAll('.wa-bestand .widget-upload').forEach(uploadknop);
  }

  // Mutation observers run before the browser renders or updates its accessibility tree.
  new MutationObserver(verwerk).observe(document.documentElement,
                                        {childList: true, subtree: true, characterData: true});
  verwerk();
}());
