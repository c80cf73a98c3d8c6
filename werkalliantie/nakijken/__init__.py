"""Grading: the rules (learner side) and the safe grading path (instructor side).

- :mod:`werkalliantie.nakijken.regels`: pure grading rules of answer and key. These run
  in the learner's kernel, so this package's ``__init__`` imports nothing.
- :mod:`werkalliantie.nakijken.inlevering`: reading a submission as data and rebuilding
  it from the gradebook's cells (no nbgrader import at module level).
- :mod:`werkalliantie.nakijken.stappen`: the steps in nbgrader's chains that use it,
  configured in ``exercises/nbgrader_config.py``.
- :mod:`werkalliantie.nakijken.onschadelijk`: student text made inert as HTML (nh3).
- :mod:`werkalliantie.nakijken.rapport`: the Dutch grading report for the instructor.
"""
