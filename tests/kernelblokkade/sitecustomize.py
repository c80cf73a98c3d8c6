"""For the tests only: a grading kernel may not import pydantic or yaml (issue 18, item 2).

The shared grading run (tests/klasrun.py) puts this folder on PYTHONPATH. In a kernel (and
in the warm-kernel template the kernels are forked from) an import of pydantic or yaml
raises, and is written down in the file WERKALLIANTIE_BLOKKADE_LOG names; the grader's own
process (nbgrader, which validates the keys with pydantic) is left alone. A hidden test that
needed them would score 0, and the log would say why.
"""

import os
import sys

_VERBODEN = ("pydantic", "pydantic_core", "yaml")
_IN_KERNEL = any(d in " ".join(sys.argv) for d in ("ipykernel_launcher", "ipykernel",
                                                    "warmekernel"))


class _Blokkade:
    def find_spec(self, naam, pad=None, doel=None):
        if naam.split(".")[0] in _VERBODEN:
            log = os.environ.get("WERKALLIANTIE_BLOKKADE_LOG")
            if log:
                with open(log, "a", encoding="utf-8") as f:
                    f.write(f"{naam} in {' '.join(sys.argv)[:200]}\n")
            raise ImportError(f"{naam} mag niet in een nakijkkernel (test)")
        return None


if _IN_KERNEL and not any(isinstance(v, _Blokkade) for v in sys.meta_path):
    sys.meta_path.insert(0, _Blokkade())
