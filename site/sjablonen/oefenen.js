// The practice area's pages: a warning when this browser cannot keep answers, and on an
// exercise page the frame with JupyterLite's REPL, shown without any code, calm, and usable
// by keyboard and screen reader (issue 22):
// - the course's toegang.js runs in the frame (one stable live region per exercise);
// - Enter reaches the exercise: JupyterLab's console catches Enter anywhere in it (to focus
//   its code input, hidden here), so buttons did not react and text boxes got no new line;
// - the exercise opens at its top (the console scrolls to its end when cells run);
// - the frame's landmark and scroll area have Dutch names; JupyterLab's English cell labels go.
(function () {
  'use strict';

  var opslag = document.getElementById('opslag');
  function waarschuw() {
    if (opslag) { opslag.hidden = false; }
    document.body.setAttribute('data-opslag', 'niet-bewaard');
  }
  // JupyterLite keeps the kernel's files in the browser through a service worker, which
  // browsers allow only on https (or on this computer: localhost).
  if (!window.isSecureContext || !('serviceWorker' in navigator)) { waarschuw(); }

  var frame = document.getElementById('oefening');
  if (!frame) { return; }
  var laden = document.getElementById('laden');
  var cellen = parseInt(frame.getAttribute('data-cellen'), 10) || 1;

  // Inside the frame: no input, no prompt numbers, no empty input line, no status bar.
  var STIJL = [
    '.jp-CodeConsole-input, .jp-CodeConsole-promptCell { display: none !important; }',
    '.jp-CodeConsole-split > .lm-SplitPanel-handle { display: none !important; }',
    '.jp-CodeConsole-split > .jp-CodeConsole-content { top: 0 !important; height: 100% !important; }',
    '.jp-Console-cell .jp-Cell-inputWrapper { display: none !important; }',
    '.jp-InputPrompt, .jp-OutputPrompt, .jp-OutputArea-prompt, .jp-Collapser { display: none !important; }',
    '.jp-OutputArea-promptOverlay { display: none !important; }',
    '.jp-Notification-Status, .jp-StatusBar-Widget { display: none !important; }',
    '.jp-CodeConsole-content { padding: .5em 1.2em 3em; background: #fff; }',
    '.jp-CodeConsole-content > .jp-Cell { max-width: 60em; margin: 0 auto; padding: 0; }',
    '.jp-Console-cell:first-child .jp-RenderedMarkdown > h1:first-child { display: none; }',
    '.jp-RenderedHTMLCommon { font-size: 17px; line-height: 1.5; padding-right: 0; }',
    '.jp-OutputArea-output { padding-left: 0; }',
    '.jp-CodeConsole-content:focus-visible { outline: 3px solid #1f5f99; outline-offset: -3px; }'
  ].join('\n');

  function frameDocument() {
    try { return frame.contentDocument; } catch (e) { return null; }
  }

  // Dutch names for what JupyterLab labels in English, in the frame's accessibility tree.
  var NAMEN = {'main area content': 'Oefening'};

  function zetStijl(doc) {
    if (!doc || !doc.head || doc.getElementById('werkalliantie-stijl')) { return; }
    var stijl = doc.createElement('style');
    stijl.id = 'werkalliantie-stijl';
    stijl.textContent = STIJL;
    doc.head.appendChild(stijl);
    var toegang = doc.createElement('script');
    toegang.src = new URL('toegang.js', window.location.href).href;
    doc.head.appendChild(toegang);
    // Before the console's own listener (it listens while capturing, on its node): an Enter
    // pressed in the exercise goes no further up than the exercise. Its default action (a
    // click on a button, a new line in a text box) is not touched.
    doc.defaultView.addEventListener('keydown', function (gebeurtenis) {
      var doel = gebeurtenis.target;
      if (gebeurtenis.key === 'Enter' && doel && doel.closest && doel.closest('.jp-OutputArea-output')) {
        gebeurtenis.stopPropagation();
      }
    }, true);
  }

  // JupyterLab names every cell in English ("Code Cell Content with Output") and names it
  // again when its outputs change. Here a cell is only a wrapper: the exercise's headings
  // and controls carry the names, so a cell's label goes, now and whenever it comes back.
  var CEL = '.jp-CodeConsole-content .jp-Cell[aria-label]';
  function benoemNu(doc) {
    Object.keys(NAMEN).forEach(function (engels) {
      doc.querySelectorAll('[aria-label="' + engels + '"]').forEach(function (el) {
        el.setAttribute('aria-label', NAMEN[engels]);
      });
    });
    doc.querySelectorAll(CEL).forEach(function (el) { el.removeAttribute('aria-label'); });
    var inhoud = doc.querySelector('.jp-CodeConsole-content');
    if (inhoud && !inhoud.hasAttribute('aria-label')) {
      inhoud.setAttribute('role', 'region');
      inhoud.setAttribute('aria-label', 'De oefening, om door te scrollen');
    }
  }

  function benoem(doc) {
    benoemNu(doc);
    new doc.defaultView.MutationObserver(function (wijzigingen) {
      if (wijzigingen.some(function (w) {
        var el = w.target;
        return el.getAttribute && el.hasAttribute('aria-label') && el.matches && el.matches(CEL);
      })) { benoemNu(doc); }
    }).observe(doc.body, {subtree: true, attributes: true, attributeFilter: ['aria-label']});
  }

  function naarBoven(doc) {
    var inhoud = doc.querySelector('.jp-CodeConsole-content');
    if (inhoud) { inhoud.scrollTop = 0; }
  }

  // Ready: every cell of the exercise has run (its prompt shows a number, not [*] or [ ]).
  // Failed: nothing is waiting any more ([*]) but not every cell ran: after an error the
  // kernel skips the cells that were still queued.
  function toestand(doc) {
    var prompts = doc.querySelectorAll(
      '.jp-CodeConsole-content .jp-Console-cell .jp-InputPrompt');
    var gedaan = 0, wachtend = 0;
    prompts.forEach(function (p) {
      if (/\[\d+\]/.test(p.textContent)) { gedaan += 1; }
      if (p.textContent.indexOf('*') >= 0) { wachtend += 1; }
    });
    if (gedaan >= cellen) { return 'klaar'; }
    if (prompts.length >= cellen && wachtend === 0 && gedaan > 0) { return 'fout'; }
    return null;
  }

  var begin = performance.now();
  var klaar = false;
  // After this long the page says that loading takes long, and keeps waiting: on a slow
  // computer the exercise still gets its Dutch names, its top and its status when it comes.
  var geduld = parseInt(frame.getAttribute('data-geduld-ms'), 10) || 90000;
  var traag = false;
  function toon(tekst) {
    frame.classList.remove('bezig');
    if (laden) { laden.textContent = tekst; }
  }

  var wachten = setInterval(function () {
    var doc = frameDocument();
    if (doc && doc.head) { zetStijl(doc); }
    var stand = !klaar && doc ? toestand(doc) : null;
    if (stand === 'fout') {
      klaar = true;
      clearInterval(wachten);
      toon('Deze oefening kon niet goed worden geladen. Laad de pagina opnieuw. Lukt het ' +
           'dan nog niet? Meld het aan de beheerder van de cursus.');
      if (laden) { laden.classList.add('fout'); }
      document.body.setAttribute('data-oefening', 'fout');
    } else if (stand === 'klaar') {
      klaar = true;
      clearInterval(wachten);
      benoem(doc);
      naarBoven(doc);
      toon('De oefening staat klaar.');
      if (laden) { laden.classList.add('klaar'); }
      document.body.setAttribute('data-oefening', 'klaar');
      document.body.setAttribute('data-klaar-na-ms', String(Math.round(performance.now() - begin)));
      var sw = frame.contentWindow && frame.contentWindow.navigator.serviceWorker;
      if (!sw || !sw.controller) { waarschuw(); }
    } else if (!klaar && !traag && performance.now() - begin > geduld) {
      traag = true;
      toon('Het laden duurt langer dan verwacht. Laad de pagina opnieuw als de oefening ' +
           'niet verschijnt.');
      document.body.setAttribute('data-oefening', 'traag');
    }
  }, 100);
  frame.addEventListener('load', function () { zetStijl(frameDocument()); });
}());
