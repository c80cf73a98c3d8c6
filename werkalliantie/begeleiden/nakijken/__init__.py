"""The grading path (instructor side).

- :mod:`.sleutels`: the graded keys, on the instructor's side of the course folder.
- :mod:`.toets`: the one call in nbgrader's hidden test cells. It runs in each student's
  kernel during autograde, so this package's ``__init__`` imports nothing.
- :mod:`.klaarzetten`: the nbgrader assignments, made from the question records.
- :mod:`.stappen`: the instructor's steps, as data (the guide renders them, tests run them).
- :mod:`.inlevering`: reading a submission as data and rebuilding it from the gradebook's
  cells (no nbgrader import at module level).
- :mod:`.beveiliging`: the steps in nbgrader's chains that use it, configured in
  ``exercises/nbgrader_config.py``: only course cells run, files by allow-list, fail closed.
- :mod:`.onschadelijk`: student text made inert as HTML (nh3).
- :mod:`.rapport`: the Dutch grading report for the instructor.
"""
