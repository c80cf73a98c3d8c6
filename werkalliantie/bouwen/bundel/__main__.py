"""``python -m werkalliantie.bouwen.bundel``: validate data/ and write the JSON bundle."""

import sys

from werkalliantie.bouwen.bundel import bouw
from werkalliantie.bouwen.bundel.schema import DataFout
from werkalliantie.leren.doelen import DoelregelsFout

if __name__ == "__main__":
    try:
        paden = bouw()
    except (DataFout, DoelregelsFout) as fout:  # a broken data file: the Dutch message is all a trainer needs
        sys.exit(str(fout))
    for pad in paden:
        print(f"Gebouwd: {pad.name}")
