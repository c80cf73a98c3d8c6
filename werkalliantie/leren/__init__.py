"""The learner's wing: everything a learner's kernel runs (also in the browser, Pyodide).

Pure Python plus ipywidgets, and filelock for the answer store: no pandas, pydantic,
pyyaml or nbgrader. It imports nothing from :mod:`werkalliantie.begeleiden` or
:mod:`werkalliantie.bouwen` (a test reads every import). The course's data comes from the
JSON bundle in ``_bundel/``, which the build wing writes.
"""
