"""TEMPORARY stand-in for ``werkalliantie.leren.gas`` in the tests (see sitecustomize.py here).

T = 50 + 10·Σwᵢxᵢ / √((1 − ρ)·Σwᵢ² + ρ·(Σwᵢ)²)  (Kiresuk & Sherman, 1968)
"""

import math


def t_score(uitkomsten, gewichten, rho=0.3):
    xs, ws = list(uitkomsten), list(gewichten)
    teller = sum(w * x for w, x in zip(ws, xs, strict=True))
    return 50 + 10 * teller / math.sqrt((1 - rho) * sum(w * w for w in ws) + rho * sum(ws) ** 2)
