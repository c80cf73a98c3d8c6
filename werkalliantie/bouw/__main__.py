"""``python -m werkalliantie.bouw``: validate data/ and write the JSON bundle."""

import sys

from werkalliantie.bouw import bouw
from werkalliantie.bouw.schema import DataFout
from werkalliantie.doelen import DoelregelsFout

if __name__ == "__main__":
    try:
        paden = bouw()
    except (DataFout, DoelregelsFout) as fout:  # a broken data file: the Dutch message is all a trainer needs
        sys.exit(str(fout))
    for pad in paden:
        print(f"Gebouwd: {pad.name}")
