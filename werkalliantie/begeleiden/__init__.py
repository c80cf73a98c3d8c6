"""The wing of instructors and trainers: grading with nbgrader, the practice class, LMS
import and export, the trainer's group overview and the ``werkalliantie`` command line.

It may import the learner's wing (:mod:`werkalliantie.leren`) and the build wing's
validation (:mod:`werkalliantie.bouwen.bundel`). Its subpackages import nothing heavy at
package level: the hidden tests' entry (:mod:`.nakijken.toets`) runs in each student's
grading kernel.
"""
