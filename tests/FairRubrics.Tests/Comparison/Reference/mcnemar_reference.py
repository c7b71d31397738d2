#!/usr/bin/env python3
"""Reference values for the exact McNemar test (tests/FairRubrics.Tests/Comparison/McNemarTests.cs).

Computed in exact rational arithmetic (Python's fractions and math.comb), independently of the C# code:
p = min(1, 2 * P(X <= min(b, c))) for X ~ Binomial(b + c, 1/2), and 1 when b + c = 0. For p = 1/2 this is the
same as R's binom.test(b, b + c)$p.value and SciPy's binomtest(b, b + c).pvalue (the two tails are symmetric).
The result is written with 17 significant digits. Run: python3 mcnemar_reference.py > mcnemar.json
"""
import json
from fractions import Fraction
from math import comb

PAIRS = [
    (0, 0), (0, 1), (1, 0), (1, 1), (0, 5), (5, 0), (2, 3), (3, 2), (1, 9), (10, 4), (4, 10), (7, 7),
    (141, 66), (68, 162), (0, 30), (30, 31), (25, 60), (100, 130), (500, 560), (1000, 1100), (2500, 2400),
    (5000, 5210), (12, 0), (0, 60), (40, 80), (333, 334),
]


def p_value(b, c):
    n = b + c
    if n == 0:
        return Fraction(1)
    k = min(b, c)
    tail = Fraction(sum(comb(n, i) for i in range(k + 1)), 2 ** n)
    return min(Fraction(1), 2 * tail)


rows = [{"b": b, "c": c, "p": float(format(float(p_value(b, c)), ".17g"))} for b, c in PAIRS]
print(json.dumps({"source": "exact rational arithmetic, mcnemar_reference.py", "cases": rows}, indent=1))
