"""The grading path (instructor side): graded keys, the hidden tests' entry point, the
nbgrader assignments built from the question records, and the instructor's steps.

Importing this package is cheap and imports no nbgrader: a hidden test cell runs
``werkalliantie.nakijken.toets`` inside each student's kernel during autograde.
"""
