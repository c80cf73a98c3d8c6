"""Figures of the book, drawn by code (no image is copied from the sources).

Each function draws one figure with Dutch labels and returns the matplotlib Figure. A
book page calls it from a hidden code cell; the page gives the alt text and caption.
Colours: light fills with dark text, so every label has a contrast ratio well above
4.5:1 (WCAG AA).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.patches import Circle, FancyBboxPatch, Polygon

TEKST = "#1a1a1a"  # near black: contrast > 15:1 on every fill below
RAND = "#4a4a4a"

# Light fills, from the centre outwards.
RINGKLEUREN = ("#ffffff", "#fde2c4", "#d9ecd0", "#d3e4f5", "#e8e0f2", "#eeeeee")


def _nieuw(breedte: float, hoogte: float):
    fig, ax = plt.subplots(figsize=(breedte, hoogte), dpi=150)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def ordening():
    """The ordering of working elements: layers around the client (after Van Arum et
    al., 2018, who build on Pijnenburg, 2010). From the centre: the client and the
    household; the interaction; the alliance; the professional; team and organisation;
    policy. Drawn as nested boxes so every label has room to be read."""
    lagen = [
        ("Beleid", "landelijk · regionaal · gemeentelijk"),
        ("Organisatie en team", "werkprocessen · caseload · scholing · samenwerking in het team"),
        ("Professional", "kenmerken en competenties · interventies en hulpaanbod"),
        ("Alliantie", "persoonlijke alliantie (de band) · taakalliantie (doelen en aanpak)"),
        ("Interactie", "vertrouwen en veiligheid · gelijkwaardigheid · continuïteit"),
    ]
    breedte, boven, zij, onder, kern = 12.0, 1.05, 0.4, 0.4, 1.5
    hoogte = len(lagen) * (boven + onder) + kern
    fig, ax = _nieuw(7.2, 7.2 * hoogte / breedte)
    x0, y0, b, h = 0.0, 0.0, breedte, hoogte
    kleuren = RINGKLEUREN[::-1][: len(lagen)]
    for (naam, sub), kleur in zip(lagen, kleuren):
        ax.add_patch(FancyBboxPatch((x0, y0), b, h,
                                    boxstyle="round,pad=0,rounding_size=0.3",
                                    facecolor=kleur, edgecolor=RAND, linewidth=1.2))
        ax.text(x0 + b / 2, y0 + h - 0.33, naam, ha="center", va="center",
                fontsize=12.5, fontweight="bold", color=TEKST)
        ax.text(x0 + b / 2, y0 + h - 0.74, sub, ha="center", va="center",
                fontsize=10, color=TEKST)
        x0, y0, b, h = x0 + zij, y0 + onder, b - 2 * zij, h - boven - onder
    ax.add_patch(FancyBboxPatch((x0, y0), b, h, boxstyle="round,pad=0,rounding_size=0.3",
                                facecolor=RINGKLEUREN[0], edgecolor=RAND, linewidth=1.6))
    ax.text(x0 + b / 2, y0 + h / 2 + 0.2, "Cliënt", ha="center", va="center",
            fontsize=15, fontweight="bold", color=TEKST)
    ax.text(x0 + b / 2, y0 + h / 2 - 0.3, "en huishouden", ha="center", va="center",
            fontsize=11, color=TEKST)
    ax.set_xlim(-0.05, breedte + 0.05)
    ax.set_ylim(-0.05, hoogte + 0.05)
    fig.tight_layout(pad=0.2)
    return fig


def bordin():
    """Bordin's working alliance as Boxstaens describes it (source 004): agreement on
    goals, agreement on tasks, and a bond that makes the collaboration possible; the
    goals decide what bond is needed. Pijnenburg's split into a personal and a task
    alliance is another model: the book sets the two side by side in its text."""
    fig, ax = _nieuw(6.8, 5.3)
    punten = {
        "Doelen": (-3.0, -1.6),
        "Taken": (3.0, -1.6),
        "Band": (0.0, 1.75),
    }
    uitleg = {
        "Doelen": "Jullie zijn het eens\nover de doelen.",
        "Taken": "Jullie zijn het eens over\nwat er moet gebeuren.",
        "Band": "Een verbinding die het\nsamenwerken mogelijk maakt.",
    }
    driehoek = Polygon(list(punten.values()), closed=True, fill=False, edgecolor=RAND,
                       linewidth=2, linestyle="--")
    ax.add_patch(driehoek)
    ax.add_patch(Circle((0, -0.45), 0.95, facecolor="#ffffff", edgecolor=RAND,
                        linewidth=1.5))
    ax.text(0, -0.45, "Werk-\nalliantie", ha="center", va="center", fontsize=13,
            fontweight="bold", color=TEKST)
    for naam, (x, y) in punten.items():
        ax.add_patch(Circle((x, y), 0.55 if naam != "Band" else 0.5,
                            facecolor="#d3e4f5", edgecolor=RAND, linewidth=1.5))
        ax.text(x, y, naam, ha="center", va="center", fontsize=12.5, fontweight="bold",
                color=TEKST)
    ax.text(-3.0, -2.55, uitleg["Doelen"], ha="center", va="center", fontsize=10,
            color=TEKST)
    ax.text(3.0, -2.55, uitleg["Taken"], ha="center", va="center", fontsize=10,
            color=TEKST)
    ax.text(0, 2.85, uitleg["Band"], ha="center", va="center", fontsize=10,
            color=TEKST)
    # The goals decide what bond is needed: an arrow from Doelen to Band, outside the
    # triangle, with its label on a light fill.
    ax.annotate("", xy=(-0.75, 2.0), xytext=(-3.35, -0.95),
                arrowprops=dict(arrowstyle="-|>", color=RAND, linewidth=1.8,
                                connectionstyle="arc3,rad=-0.35", mutation_scale=16))
    ax.text(-3.05, 1.15, "bepalen welke\nband nodig is", ha="center", va="center",
            fontsize=10, fontstyle="italic", color=TEKST,
            bbox=dict(boxstyle="round,pad=0.25", facecolor="#fde2c4", edgecolor=RAND,
                      linewidth=0.8))
    ax.set_xlim(-4.8, 4.8)
    ax.set_ylim(-3.1, 3.4)
    fig.tight_layout(pad=0.2)
    return fig


def gedwongen_kader():
    """Menger's four characteristics of the working alliance in a mandated setting, as
    described by Boxstaens: three that carry the alliance and one that strains it."""
    fig, ax = _nieuw(7.2, 2.8)
    vakken = [
        ("Overeenstemming", "over doelen\nen taken", "#d9ecd0"),
        ("Verbinding", "en vertrouwen", "#fde2c4"),
        ("Heldere regels", "en een duidelijke\ndubbele rol", "#d3e4f5"),
        ("Stroefheid", "weerstand en wrijving\nin het contact", "#eeeeee"),
    ]
    for i, (kop, sub, kleur) in enumerate(vakken):
        x = -4.4 + i * 2.25
        ax.add_patch(FancyBboxPatch((x, -1.1), 1.95, 2.4,
                                    boxstyle="round,pad=0.04,rounding_size=0.25",
                                    facecolor=kleur, edgecolor=RAND,
                                    linewidth=1.2, linestyle="-" if i < 3 else "--"))
        ax.text(x + 0.975, 0.65, kop, ha="center", va="center", fontsize=9.5,
                fontweight="bold", color=TEKST)
        ax.text(x + 0.975, -0.2, sub, ha="center", va="center", fontsize=9,
                color=TEKST)
    links, rechts = -4.4, -4.4 + 2 * 2.25 + 1.95
    ax.plot([links, links, rechts, rechts], [-1.3, -1.45, -1.45, -1.3], color=RAND,
            linewidth=1.5)
    ax.text((links + rechts) / 2, -1.75, "versterken de werkalliantie", ha="center",
            va="center", fontsize=10.5, color=TEKST)
    x4 = -4.4 + 3 * 2.25
    ax.plot([x4, x4, x4 + 1.95, x4 + 1.95], [-1.3, -1.45, -1.45, -1.3], color=RAND,
            linewidth=1.5, linestyle="--")
    ax.text(x4 + 0.975, -1.75, "verzwakt haar", ha="center", va="center",
            fontsize=10.5, color=TEKST)
    ax.set_xlim(-4.6, 4.6)
    ax.set_ylim(-2.05, 1.4)
    fig.tight_layout(pad=0.2)
    return fig
