"""Kept for nbgrader_config.py files made before the three wings."""

from werkalliantie.begeleiden.nakijken.beveiliging import (
    ControleerInlevering,
    EisPunten,
    MaakOnschadelijk,
    MaakUitvoerOnschadelijk,
    Poortwachter,
    RuimFeedbackOp,
    VeiligNotebookExporter,
)

__all__ = ["ControleerInlevering", "EisPunten", "MaakOnschadelijk", "MaakUitvoerOnschadelijk",
           "Poortwachter", "RuimFeedbackOp", "VeiligNotebookExporter"]
