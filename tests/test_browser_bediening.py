"""Every kind's controls in a real browser, in each front end (issue 22): the browser site
(JupyterLite, the exercise in its frame), Voilà (as `make oefenen` serves it) and JupyterLab.

One page holds one practice question of every kind and the answer-file buttons
(tests/data/elke-soort.ipynb); each check runs on it once per front end, on one page per
front end for this module (the keyboard test opens its own, as it saves and reloads):

- names: Chrome's accessibility tree (CDP ``Accessibility.getFullAXTree``, with the frame's
  ``frameId`` in the site): no focusable node in an exercise without an accessible name
  (site, Voilà, JupyterLab), and no nameless control anywhere in the site's frame or Voilà;
- axe-core (WCAG 2.1 A/AA): nothing serious or critical (site, Voilà: the whole page;
  JupyterLab: the exercises);
- what a learner reads and hears (rendered text and accessibility tree): no raw Markdown,
  no English word of JupyterLab's interface (site, Voilà);
- focus: every stop of the Tab key, in the order of the page, shows an outline of at least
  2 px with at least 3:1 against what is behind it (site, Voilà);
- phone and zoom: at 390×844 and at 200 % of 1280×800 nothing is cut off without a way to
  scroll, and every field keeps a usable width (site, Voilà; screenshots in tests/artefacten);
- one live region: the status line's ``role=status`` element is the same node after two
  updates (site, Voilà);
- keyboard only: Tab, Space, Enter, the arrow keys and typing complete every question and
  save it; after a reload the answers are back (site, Voilà).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ARTEFACTEN, ROOT, Netwerkbewaker
from opslaanlus import VOILA_LADEN_MS
from leestekst import fouten, pagina_tekst
from test_site import _axe
from werkalliantie.leren.opgaven.soorten import SOORTEN

pytestmark = pytest.mark.browser

ELKE_SOORT = ROOT / "tests" / "data" / "elke-soort.ipynb"
VRAGEN = re.findall(r'oefening\(\\"([a-z0-9-]+)\\"\)', ELKE_SOORT.read_text(encoding="utf-8"))
SERVERS = {"voila": "voila", "lab": "jupyterlab"}
MIN_BREEDTE_VELD = 60  # px: a field narrower than this is no longer usable
MIN_CONTRAST, MIN_RAND = 3.0, 2.0  # the focus indicator: WCAG 2.2 (2.4.13, 1.4.11)
SCHERMEN = {"telefoon": (390, 844), "zoom-200": (640, 400)}  # 200 % of 1280×800, in CSS px
# Roles of containers: focusable only to scroll or to take focus from a script. Outside the
# exercises, a container without a name is not a control.
CONTAINERS = {"generic", "group", "region", "none", "presentation", "RootWebArea", "WebArea",
              "main", "document", "application", "Section", "scrollbar"}


@dataclass
class Oefenpagina:
    frontend: str
    pagina: object  # Playwright's Page
    frame: object  # the Frame that holds the exercises (the site's own frame, or the page)
    map: Path | None  # Voilà's and JupyterLab's folder, with antwoorden.json


def _wacht_op_alle_vragen(frame) -> None:
    try:
        frame.wait_for_function(
            "n => document.querySelectorAll('.wa-opgave .wa-status [data-toestand]').length >= n"
            " && document.querySelector('.wa-bestand button')", arg=len(VRAGEN), timeout=180_000)
    except Exception:
        stand = frame.evaluate("() => [document.querySelectorAll('.wa-opgave .wa-status [data-toestand]')"
                               ".length, document.querySelectorAll('.wa-opgave').length, document.body.innerText.slice(-500)]")
        raise AssertionError(f"niet alle vragen verschenen ({len(VRAGEN)} verwacht): {stand}")


def _open(frontend: str, pagina, request) -> Oefenpagina:
    if frontend == "site":
        url = request.getfixturevalue("siteserver")
        pagina.goto(f"{url}/oefenen/{ELKE_SOORT.stem}.html")
        pagina.wait_for_selector("body[data-oefening]", timeout=180_000)
        assert pagina.get_attribute("body", "data-oefening") == "klaar"
        frame, map_ = next(f for f in pagina.frames if "/lite/repl/" in f.url), None
    else:
        server = request.getfixturevalue(SERVERS[frontend])
        map_ = server.map(ELKE_SOORT)
        if frontend == "voila":
            pagina.goto(f"{server.url}/voila/render/{map_.name}/{ELKE_SOORT.name}", wait_until="load",
                        timeout=VOILA_LADEN_MS)
        else:
            server.open(pagina, map_, ELKE_SOORT.name)
        frame = pagina.main_frame
    _wacht_op_alle_vragen(frame)
    return Oefenpagina(frontend, pagina, frame, map_)


@pytest.fixture(scope="module")
def geopend(chromium, request):
    """One page per front end for this module's read-only checks, opened when first asked."""
    paginas: dict[str, Oefenpagina] = {}
    contexten = []

    def open_(frontend: str) -> Oefenpagina:
        if frontend not in paginas:
            ctx = chromium.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
            ctx.netwerk = Netwerkbewaker()
            ctx.route("**/*", ctx.netwerk)
            contexten.append(ctx)
            paginas[frontend] = _open(frontend, ctx.new_page(), request)
        return paginas[frontend]

    yield open_
    for ctx in contexten:
        assert ctx.netwerk.geblokkeerd == [], ctx.netwerk.geblokkeerd
        ctx.close()


# --- names, in Chrome's accessibility tree ------------------------------------------------

SOORT_JS = """function () {
  const o = this.closest && this.closest('.wa-opgave');
  if (!o) return null;
  const soort = [...o.classList].find(c => c.startsWith('wa-soort-'));
  return soort ? soort.slice('wa-soort-'.length) : (o.classList.contains('wa-bestand') ? 'bestand' : 'opgave');
}"""


def _frame_id(cdp, url: str) -> str:
    def frames(boom):
        yield boom["frame"]
        for kind in boom.get("childFrames", []):
            yield from frames(kind)

    return next(f["id"] for f in frames(cdp.send("Page.getFrameTree")["frameTree"]) if f["url"] == url)


def toegankelijke_namen(op: Oefenpagina) -> tuple[dict[str, list[int]], list[str], list[str]]:
    """Per kind [focusable nodes, of which without a name]; the nameless ones in the
    exercises; the nameless controls outside them. Read from Chrome's accessibility tree."""
    cdp = op.pagina.context.new_cdp_session(op.pagina)
    try:
        cdp.send("DOM.enable")
        cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})
        params = {} if op.frame == op.pagina.main_frame else {"frameId": _frame_id(cdp, op.frame.url)}
        knopen = cdp.send("Accessibility.getFullAXTree", params)["nodes"]
        per_soort: dict[str, list[int]] = {}
        naamloos, buiten = [], []
        for knoop in knopen:
            eigen = {p["name"]: p["value"].get("value") for p in knoop.get("properties", [])}
            if knoop.get("ignored") or not eigen.get("focusable") or "backendDOMNodeId" not in knoop:
                continue
            rol = knoop.get("role", {}).get("value", "")
            naam = (knoop.get("name", {}).get("value") or "").strip()
            doel = cdp.send("DOM.resolveNode", {"backendNodeId": knoop["backendDOMNodeId"]})["object"]
            soort = cdp.send("Runtime.callFunctionOn", {
                "objectId": doel["objectId"], "functionDeclaration": SOORT_JS,
                "returnByValue": True})["result"].get("value")
            if soort is None:
                if not naam and rol not in CONTAINERS:
                    buiten.append(f"{rol} ({doel.get('description', '')})")
                continue
            telling = per_soort.setdefault(soort, [0, 0])
            telling[0] += 1
            if not naam:
                telling[1] += 1
                naamloos.append(f"{soort}: {rol} ({doel.get('description', '')})")
        return per_soort, naamloos, buiten
    finally:
        cdp.detach()


def _frontends(*namen: str) -> list:
    """The frontends as parameters; the site's is marked as needing the built site, so the
    session runs it after the tests that need nothing slow (conftest's order)."""
    return [pytest.param(n, marks=pytest.mark.site) if n == "site" else n for n in namen]


@pytest.mark.parametrize("frontend", _frontends("site", "voila", "lab"))
def test_elke_bediening_heeft_een_naam(geopend, frontend):
    op = geopend(frontend)
    per_soort, naamloos, buiten = toegankelijke_namen(op)
    print(f"\n{frontend}: focusbare bedieningen per soort (zonder naam): " + ", ".join(
        f"{s} {n} ({z})" for s, (n, z) in sorted(per_soort.items())))
    assert set(SOORTEN) | {"bestand"} <= set(per_soort), f"soorten zonder bediening: {per_soort}"
    assert naamloos == [], "bedieningen zonder toegankelijke naam:\n" + "\n".join(naamloos)
    if frontend != "lab":  # JupyterLab's own interface is not the course's
        assert buiten == [], "bedieningen zonder naam buiten de oefeningen:\n" + "\n".join(buiten)


# --- axe ---------------------------------------------------------------------------------

@pytest.mark.parametrize("frontend", _frontends("site", "voila", "lab"))
def test_axe_vindt_niets_ernstigs(geopend, frontend):
    """The whole page in the site and Voilà; in JupyterLab (whose own interface is not the
    course's) the exercises and the answer-file buttons."""
    op = geopend(frontend)
    problemen = _axe(op.frame, [], binnen=".wa-opgave" if frontend == "lab" else None)
    if frontend == "site":
        problemen += [f"pagina om de oefening: {p}" for p in _axe(op.pagina.main_frame, [])]
    assert not problemen, "\n".join(problemen)


# --- no leftovers --------------------------------------------------------------------------

@pytest.mark.parametrize("frontend", _frontends("site", "voila"))
def test_geen_markdown_en_geen_engels(geopend, frontend):
    op = geopend(frontend)
    gevonden = fouten(pagina_tekst(op.pagina, op.frame if op.frame != op.pagina.main_frame else None))
    print(f"\n{frontend}: {len(gevonden)} Markdown-tekens of Engelse woorden")
    assert gevonden == [], "\n".join(gevonden)


# --- focus --------------------------------------------------------------------------------

FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (el.tagName === 'IFRAME') return {iframe: true};
  const s = getComputedStyle(el);
  const doorzichtig = b => !b || b === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(b);
  let a = parseFloat(s.outlineOffset) < 0 ? el : el.parentElement, achter = 'rgb(255, 255, 255)';
  while (a) {
    const b = getComputedStyle(a).backgroundColor;
    if (!doorzichtig(b)) { achter = b; break; }
    a = a.parentElement;
  }
  window.__tabvolgorde = window.__tabvolgorde || [];
  const vorige = window.__tabvolgorde[window.__tabvolgorde.length - 1];
  const volgt = !vorige || vorige === el
    || !!(vorige.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const nieuw = !window.__tabvolgorde.includes(el);
  window.__tabvolgorde.push(el);
  const tekst = (el.labels && el.labels[0] ? el.labels[0].textContent : '') || el.textContent
    || el.getAttribute('aria-label') || el.tagName;
  return {wat: `${el.tagName.toLowerCase()} "${tekst.trim().slice(0, 50)}"`, stijl: s.outlineStyle,
          breedte: parseFloat(s.outlineWidth) || 0, kleur: s.outlineColor, achter, volgt, nieuw,
          opgave: !!el.closest('.wa-opgave')};
}"""


def _rgba(css: str) -> tuple[float, float, float, float]:
    getallen = [float(x) for x in re.findall(r"[\d.]+", css)]
    return (*getallen[:3], getallen[3] if len(getallen) > 3 else 1.0)


def _luminantie(rgb) -> float:
    def kanaal(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (kanaal(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(voor: str, achter: str) -> float:
    """WCAG contrast of a (possibly translucent) colour over an opaque one."""
    *v, alfa = _rgba(voor)
    a = _rgba(achter)[:3]
    gemengd = [alfa * x + (1 - alfa) * y for x, y in zip(v, a, strict=True)]
    licht, donker = sorted((_luminantie(gemengd), _luminantie(a)), reverse=True)
    return (licht + 0.05) / (donker + 0.05)


def _focus_hier(op: Oefenpagina) -> dict | None:
    info = op.pagina.main_frame.evaluate(FOCUS_JS)
    if info and info.get("iframe") and op.frame != op.pagina.main_frame:
        info = op.frame.evaluate(FOCUS_JS)
        if info is not None:
            info["in_frame"] = True
    return info


@pytest.mark.parametrize("frontend", _frontends("site", "voila"))
def test_focus_zichtbaar_en_in_de_volgorde_van_de_pagina(geopend, frontend):
    """Tab through the whole page: every stop has an outline of at least 2 px and 3:1
    against its background, and within the exercises the stops follow the page."""
    op = geopend(frontend)
    op.pagina.main_frame.evaluate("() => document.activeElement && document.activeElement.blur()")
    stops, fout, niet_op_volgorde = [], [], []
    for _ in range(600):
        op.pagina.keyboard.press("Tab")
        info = _focus_hier(op)
        if info is None:
            if stops:
                break
            continue
        if not info["nieuw"]:
            break  # round the page once
        stops.append(info)
        verhouding = contrast(info["kleur"], info["achter"]) if info["stijl"] != "none" else 0
        info["contrast"] = verhouding
        if info["stijl"] == "none" or info["breedte"] < MIN_RAND or verhouding < MIN_CONTRAST:
            fout.append(f"{info['wat']}: {info['stijl']} {info['breedte']} px {info['kleur']} op "
                        f"{info['achter']} ({verhouding:.1f}:1)")
        if info["opgave"] and not info["volgt"]:
            niet_op_volgorde.append(info["wat"])
    opgaven = [s for s in stops if s["opgave"]]
    print(f"\n{frontend}: {len(stops)} tabstops ({len(opgaven)} in de oefeningen); focusrand minstens "
          f"{min(s['breedte'] for s in stops):.0f} px, contrast minstens "
          f"{min(s['contrast'] for s in stops):.1f}:1")
    assert len(opgaven) > 100, f"de Tab-toets komt niet door de oefeningen: {len(opgaven)} stops"
    assert fout == [], "focus niet goed te zien:\n" + "\n".join(fout)
    assert niet_op_volgorde == [], f"Tab volgt de pagina niet: {niet_op_volgorde}"


# --- phone and zoom -----------------------------------------------------------------------

GRENZEN_JS = """() => {
  const uit = {afgesneden: [], smal: []};
  const knipt = s => s.overflowX !== 'visible' || s.overflowY !== 'visible';
  const breedte = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll('.wa-opgave *, body > header *, main > h1')) {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || el.closest('.wa-naam > .widget-label')) continue;
    if (getComputedStyle(el).visibility === 'hidden') continue;
    let a = el.parentElement, grens = null, schuift = false;
    for (; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (knipt(s)) {
        grens = a.getBoundingClientRect();
        schuift = ['auto', 'scroll'].includes(s.overflowX) && a.scrollWidth > a.clientWidth;
        break;
      }
    }
    const rechts = Math.min(grens ? grens.right : Infinity, breedte);
    const links = Math.max(grens ? grens.left : -Infinity, 0);
    if ((r.right > rechts + 1 || r.left < links - 1) && !schuift) {
      uit.afgesneden.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)} `
        + `(${Math.round(r.left)}..${Math.round(r.right)} buiten ${Math.round(links)}..${Math.round(rechts)}): `
        + (el.innerText || el.value || '').trim().slice(0, 40));
    }
    if (el.matches('input:not([type=checkbox]):not([type=radio]):not([type=file]), select, textarea')
        && r.width < %d) {
      const label = el.labels && el.labels[0] ? el.labels[0].textContent : el.placeholder;
      uit.smal.push(`${el.tagName.toLowerCase()} "${(label || '').slice(0, 40)}": ${Math.round(r.width)} px`);
    }
  }
  uit.afgesneden = uit.afgesneden.slice(0, 20);
  return uit;
}""" % MIN_BREEDTE_VELD


@pytest.mark.parametrize("frontend", _frontends("site", "voila"))
@pytest.mark.parametrize("scherm", SCHERMEN)
def test_telefoon_en_zoom(geopend, frontend, scherm):
    op = geopend(frontend)
    breedte, hoogte = SCHERMEN[scherm]
    op.pagina.set_viewport_size({"width": breedte, "height": hoogte})
    try:
        op.pagina.wait_for_timeout(700)  # the frame and the widgets lay out again
        problemen = {"afgesneden": [], "smal": []}
        for frame in {op.pagina.main_frame, op.frame}:
            uit = frame.evaluate(GRENZEN_JS)
            for sleutel in problemen:
                problemen[sleutel] += uit[sleutel]
        ARTEFACTEN.mkdir(parents=True, exist_ok=True)
        op.pagina.screenshot(path=str(ARTEFACTEN / f"elke-soort-{frontend}-{scherm}.png"))
        assert problemen["afgesneden"] == [], "afgesneden zonder te kunnen scrollen:\n" + "\n".join(
            problemen["afgesneden"])
        assert problemen["smal"] == [], "te smal om te gebruiken:\n" + "\n".join(problemen["smal"])
    finally:
        op.pagina.set_viewport_size({"width": 1280, "height": 1000})


# --- one stable live region ---------------------------------------------------------------

MERK_JS = """() => {
  const status = document.querySelector('.wa-opgave .wa-status');
  window.__regio = status.querySelector('[role=status]');
  return [status.querySelectorAll('[role=status]').length, window.__regio && window.__regio.className];
}"""
NA_JS = """() => {
  const status = document.querySelector('.wa-opgave .wa-status');
  const regio = status.querySelectorAll('[role=status]');
  return {aantal: regio.length, zelfde: regio[0] === window.__regio, tekst: regio[0].textContent,
          live: regio[0].getAttribute('aria-live'), binnen: status.querySelectorAll('[aria-live]').length};
}"""


@pytest.mark.parametrize("frontend", _frontends("site", "voila"))
def test_een_vaste_statusregel(geopend, frontend):
    """The status line of an exercise is one live region whose node stays while its text
    changes twice (changed, then saved), so screen readers announce the change."""
    op = geopend(frontend)
    aantal, _ = op.frame.evaluate(MERK_JS)
    assert aantal == 1
    vraag = op.frame.locator(".wa-opgave").first
    vraag.locator("select").first.focus()
    op.pagina.keyboard.press("ArrowDown")
    vraag.locator(".wa-status [data-toestand='veranderd']").wait_for(timeout=30_000)
    vraag.get_by_role("button", name="Opslaan", exact=True).focus()
    op.pagina.keyboard.press("Enter")
    vraag.locator(".wa-status [data-toestand='opgeslagen']").wait_for(timeout=30_000)
    na = op.frame.evaluate(NA_JS)
    assert na["aantal"] == 1 and na["binnen"] == 1, na
    assert na["zelfde"], f"de statusregel is een nieuw element: {na}"
    assert na["live"] == "polite" and "Opgeslagen om" in na["tekst"]


# --- keyboard only ------------------------------------------------------------------------

ACTIEF_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (el.tagName === 'IFRAME') return {iframe: true};
  const opgave = el.closest('.wa-opgave:not(.wa-bestand)');  // a question, not the file's buttons
  if (!opgave) return {buiten: true};
  const doos = el.closest('.widget-radio-box');
  return {tag: el.tagName.toLowerCase(), type: el.type || '', tekst: (el.textContent || '').trim(),
          waarde: el.value || '', aan: !!el.checked, placeholder: el.placeholder || '',
          gekozen: el.tagName === 'SELECT' && el.selectedIndex >= 0 ? el.options[el.selectedIndex].text : '',
          groep_gekozen: !!(doos && doos.querySelector('input:checked'))};
}"""
SCHERM_JS = """() => Array.from(document.querySelectorAll('.wa-opgave[class*=wa-soort-]')).map(o => ({
  soort: [...o.classList].find(c => c.startsWith('wa-soort-')),
  lijsten: Array.from(o.querySelectorAll('select')).map(s => s.selectedIndex),
  vinkjes: Array.from(o.querySelectorAll('input[type=checkbox], input[type=radio]')).map(i => i.checked),
  teksten: Array.from(o.querySelectorAll('textarea, input[type=text]')).map(t => t.value),
  toestand: (o.querySelector('.wa-status [data-toestand]') || {dataset: {}}).dataset.toestand,
  model: o.innerText.includes('Vergelijk met het antwoordmodel'),
}))"""
REGELS = "Eerste regel van mijn antwoord\ntweede regel"


def _actief(op: Oefenpagina) -> dict | None:
    info = op.pagina.main_frame.evaluate(ACTIEF_JS)
    if info and info.get("iframe") and op.frame != op.pagina.main_frame:
        info = op.frame.evaluate(ACTIEF_JS)
    return info


def _vul_in(op: Oefenpagina, info: dict) -> str | None:
    """What a learner does at this control with the keyboard (None: nothing)."""
    toets = op.pagina.keyboard
    if info["tag"] == "select":
        if info["gekozen"].startswith("kies"):  # still on the prompt
            toets.press("ArrowDown")
            return "pijl omlaag"
    elif info["type"] == "checkbox":
        if not info["aan"]:
            toets.press("Space")
            return "spatie"
    elif info["type"] == "radio":
        if not info["groep_gekozen"]:
            toets.press("Space")
            return "spatie"
    elif info["tag"] == "textarea":
        if not info["waarde"]:
            eerste, tweede = REGELS.split("\n")
            toets.type(eerste)
            toets.press("Enter")  # a new line, not a click anywhere
            toets.type(tweede)
            return "typen, Enter, typen"
    elif info["tag"] == "input" and info["type"] == "text":
        if not info["waarde"]:
            toets.type("3" if info["placeholder"] == "getal" else "Ik bel morgen de gemeente.")
            return "typen"
    elif info["tag"] == "button" and info["tekst"] == "Opslaan":
        toets.press("Enter")
        return "Enter"
    return None


@pytest.mark.parametrize("frontend", _frontends("site", "voila"))
def test_alleen_met_het_toetsenbord(pagina, request, frontend):
    """A learner who uses no mouse answers every question with Tab, Space, Enter, the
    arrow keys and typing, saves each with Enter on Opslaan, and after a reload finds every
    answer back (multi-line text included)."""
    begin = time.monotonic()
    op = _open(frontend, pagina, request)
    acties, binnen = 0, False
    for _ in range(800):
        pagina.keyboard.press("Tab")
        info = _actief(op)
        if not info or info.get("buiten") or info.get("iframe"):
            if binnen:
                break  # Tab has left the exercises: every control was visited
            continue
        binnen = True
        acties += _vul_in(op, info) is not None
    op.frame.wait_for_function(
        "n => document.querySelectorAll('.wa-opgave .wa-status [data-toestand=opgeslagen]').length >= n",
        arg=len(VRAGEN), timeout=60_000)
    voor = op.frame.evaluate(SCHERM_JS)
    assert {v["soort"].removeprefix("wa-soort-") for v in voor} == set(SOORTEN)
    onaf = [v["soort"] for v in voor if v["toestand"] != "opgeslagen" or not v["model"]]
    assert onaf == [], f"niet compleet of niet opgeslagen met het toetsenbord: {onaf}"
    assert any(REGELS in t for v in voor for t in v["teksten"])
    if op.map is not None:
        opgeslagen = json.loads((op.map / "antwoorden.json").read_text(encoding="utf-8"))["antwoorden"]
        assert set(VRAGEN) <= set(opgeslagen)
    pagina.reload(timeout=VOILA_LADEN_MS)
    if frontend == "site":
        pagina.wait_for_selector("body[data-oefening='klaar']", timeout=180_000)
        op.frame = next(f for f in pagina.frames if "/lite/repl/" in f.url)
    _wacht_op_alle_vragen(op.frame)
    na = op.frame.evaluate(SCHERM_JS)
    for v, w in zip(voor, na, strict=True):
        assert (v["lijsten"], v["vinkjes"], v["teksten"]) == (w["lijsten"], w["vinkjes"], w["teksten"]), (
            f"{v['soort']}: na herladen anders")
    print(f"\n{frontend}: {len(VRAGEN)} vragen met {acties} handelingen op het toetsenbord ingevuld, "
          f"opgeslagen en na herladen terug ({time.monotonic() - begin:.0f} s)")
    assert pagina.netwerk.geblokkeerd == []
