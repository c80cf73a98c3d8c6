"""``python -m werkalliantie.bouw``: validate data/ and write the JSON bundle."""

import sys

from werkalliantie.bouw import bouw

if __name__ == "__main__":
    for pad in bouw():
        print(f"Gebouwd: {pad.name}")
    sys.exit(0)
