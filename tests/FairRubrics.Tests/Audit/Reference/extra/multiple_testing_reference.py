#!/usr/bin/python3
"""Independent expected values for the p-value adjustment of the outcome audit (Holm, Benjamini-Hochberg).

    /usr/bin/python3 multiple_testing_reference.py > multiple_testing.json

Each case is one analysis given as groups (values, n, favourable). The reference is the group with the highest
selection rate (exact fractions; ties: larger n, then ordinal values). For every other group: the two-sided Fisher
exact p (R's definition: tables with P <= P(observed)(1 + 1e-7), exact integer weights, one rounding), the pooled
two-proportion z test's two-sided p (exact numerator, 60-digit mpmath), and both adjusted within the analysis over
the groups that have that p-value. The adjustments are computed at 60 digits from the 60-digit p-values, written
from the textbook definitions (Holm 1979; Benjamini & Hochberg 1995), and cross-checked against SciPy where it has
them (scipy.stats.false_discovery_control, SciPy >= 1.11; skipped on older SciPy). No FairRubrics code was read or
run to write this. Needs Debian's python3-mpmath (and python3-scipy for the cross-check).
"""

import json
import sys
from fractions import Fraction
from math import comb

import mpmath

mpmath.mp.dps = 60

CASES = {
    # Four groups against a large reference: raw and adjusted p spread out.
    "four-groups": [("A", 200, 110), ("B", 120, 45), ("C", 80, 30), ("D", 60, 18), ("E", 40, 19)],
    # Two groups with the same counts (tied p-values) and one far off.
    "ties": [("ref", 100, 60), ("x", 50, 20), ("y", 50, 20), ("z", 30, 5)],
    # Groups with nothing between them: every adjusted p is capped at 1.
    "capped": [("a", 40, 20), ("b", 40, 19), ("c", 40, 18), ("d", 40, 20)],
    # One non-reference group: the adjusted p is the raw p.
    "single": [("f", 50, 10), ("m", 60, 30)],
    # Nobody favourable in two groups with a reference of everyone favourable: z exists; and a group where the
    # pooled rate is 1 (z null) while Fisher is 1.
    "extremes": [("all", 20, 20), ("none", 25, 0), ("full", 6, 6), ("half", 30, 15)],
}


def fisher(a, b, c, d):
    r1, r2, c1 = a + b, c + d, a + c
    n = r1 + r2
    if r1 == 0 or r2 == 0 or c1 == 0 or c1 == n:
        return mpmath.mpf(1)
    lo, hi = max(0, c1 - r2), min(r1, c1)
    w = {x: comb(r1, x) * comb(r2, c1 - x) for x in range(lo, hi + 1)}
    limit = Fraction(w[a]) * (1 + Fraction(1, 10**7))
    total = sum(v for v in w.values() if v <= limit)
    return mpmath.mpf(total) / comb(n, c1)


def z_p(x1, n1, x2, n2):
    pooled = Fraction(x1 + x2, n1 + n2)
    if pooled == 0 or pooled == 1:
        return None
    diff = Fraction(x1, n1) - Fraction(x2, n2)
    var = pooled * (1 - pooled) * (Fraction(1, n1) + Fraction(1, n2))
    z = mpmath.mpf(diff.numerator) / diff.denominator / mpmath.sqrt(mpmath.mpf(var.numerator) / var.denominator)
    return mpmath.erfc(abs(z) / mpmath.sqrt(2))


def holm(ps):
    idx = sorted((i for i, p in enumerate(ps) if p is not None), key=lambda i: (ps[i], i))
    m, out, run = len(idx), [None] * len(ps), mpmath.mpf(0)
    for j, i in enumerate(idx, start=1):
        run = max(run, min(mpmath.mpf(1), (m - j + 1) * ps[i]))
        out[i] = run
    return out


def bh(ps):
    idx = sorted((i for i, p in enumerate(ps) if p is not None), key=lambda i: (ps[i], i))
    m, out, run = len(idx), [None] * len(ps), mpmath.mpf(1)
    for j in range(m, 0, -1):
        i = idx[j - 1]
        run = min(run, min(mpmath.mpf(1), mpmath.mpf(m) / j * ps[i]))
        out[i] = run
    return out


def f(x):
    return None if x is None else float(x)


def case(groups):
    ref = min(groups, key=lambda g: (-Fraction(g[2], g[1]), -g[1], g[0]))
    others = [g for g in groups if g is not ref]
    fisher_ps = [fisher(a, n - a, ref[2], ref[1] - ref[2]) for _, n, a in others]
    z_ps = [z_p(a, n, ref[2], ref[1]) for _, n, a in others]
    result = {"groups": [{"values": [v], "n": n, "favourable": a} for v, n, a in groups], "reference": [ref[0]]}
    for name, method in (("holm", holm), ("bh", bh)):
        fa, za = method(fisher_ps), method(z_ps)
        result[name] = [{"values": [g[0]], "fisherP": f(fp), "zP": f(zp), "fisherPAdjusted": f(x), "zPAdjusted": f(y)}
                        for g, fp, zp, x, y in zip(others, fisher_ps, z_ps, fa, za)]
    cross_check(result, fisher_ps)
    return result


def cross_check(result, fisher_ps):
    try:
        from scipy.stats import false_discovery_control
    except ImportError:
        return
    expected = false_discovery_control([float(p) for p in fisher_ps], method="bh")
    for got, want in zip(result["bh"], expected):
        if abs(got["fisherPAdjusted"] - want) > 1e-12 * max(1e-300, abs(want)):
            print(f"warning: BH disagrees with SciPy: {got} vs {want}", file=sys.stderr)


def main():
    import scipy
    out = {"generatedBy": {"python": sys.version.split()[0], "mpmath": mpmath.__version__, "scipy": scipy.__version__},
           "cases": {name: case(groups) for name, groups in CASES.items()}}
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
