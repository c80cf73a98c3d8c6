"""The course "Werken aan de werkalliantie" as a Python package, in three wings.

- :mod:`werkalliantie.leren`: what runs for a learner, in Voilà, JupyterLab or the
  browser (Pyodide): pure Python plus ipywidgets. The cases, the answer store, the kinds
  of question, the goal checker, GAS, the widgets and the progress page. It imports
  neither other wing, and it is all the browser site ships.
- :mod:`werkalliantie.begeleiden`: what instructors and trainers run: grading with
  nbgrader (plugins, preprocessors, parallel grading), the practice class, LMS import and
  export, the group overview and the ``werkalliantie`` command line.
- :mod:`werkalliantie.bouwen`: what runs when the course is built: validating ``data/``
  (pydantic) into the learner's data bundle, the book's Sphinx extension, the PDF and the
  in-browser site.

``werkalliantie.widgets`` and ``werkalliantie.nakijken`` only re-export names that courses
generated before this layout still use (student notebooks, gradebooks, nbgrader_config.py).
"""
