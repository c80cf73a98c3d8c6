"""The build wing: what runs when the course is built, never in a learner's kernel.

- :mod:`.bundel`: validates ``data/`` (pydantic, pyyaml) and writes the JSON bundle the
  learner's wing reads (``python -m werkalliantie.bouwen.bundel``);
- :mod:`.boek`: the book's Sphinx extension; :mod:`.figuren`: its figures (matplotlib);
- :mod:`.boekpdf`: the printable PDF; :mod:`.site`: the in-browser practice site and the
  learner-only wheel it ships; :mod:`.jupyterlab`: the course's JupyterLab settings.

It may import the learner's wing, never the wing of instructors and trainers.
"""
