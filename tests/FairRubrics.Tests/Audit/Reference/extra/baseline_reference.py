#!/usr/bin/python3
"""Independent expected values for comparing an audit with an earlier cycle (--baseline, finding FR207).

    /usr/bin/python3 baseline_reference.py > baseline.json

Each case is one single-attribute analysis audited twice: `then` (the earlier cycle) and `now`, each a list of
groups (value, n, favourable), with minimum group size k. In each cycle the reference is the group with the highest
selection rate among groups of at least k (exact fractions; ties: larger n, then ordinal value) and the impact ratio
is rate / reference rate. For every group reported (n >= k) in both cycles:
  - selectionRate change = a1/n1 - a0/n0 and impactRatio change = IR1 - IR0 (exact fractions, then rounded once);
  - the pooled two-proportion z test of now against then: z = (p1 - p0) / sqrt(p(1-p)(1/n1 + 1/n0)), p = (a1+a0)/(n1+n0),
    two-sided p = erfc(|z|/sqrt 2), 60-digit mpmath; null when p is 0 or 1;
  - the two-sided Fisher exact p of the 2x2 table [[a1, n1-a1], [a0, n0-a0]] (R's definition: tables with
    P <= P(observed)(1 + 1e-7), exact integer weights);
  - FR207: IR0 >= 4/5 and IR1 < 4/5, or IR0 - IR1 >= 1/10, both decided on exact fractions.
Groups below k in either cycle get no comparison. Cross-checked against SciPy's fisher_exact where the tables have no
near-ties. No FairRubrics code was read or run to write this. Needs Debian's python3-mpmath (python3-scipy optional).
"""

import json
import sys
from fractions import Fraction
from math import comb

import mpmath

mpmath.mp.dps = 60

CASES = {
    # A group crosses below four fifths; another falls by more than 0.1 while staying above 0.8 (from 1.0).
    "crossing": {"k": 5, "then": [("A", 120, 60), ("B", 100, 45), ("C", 80, 40)],
                 "now": [("A", 130, 66), ("B", 110, 38), ("C", 90, 37)]},
    # Exactly 0.1 lower (0.9 -> 0.8): FR207 on the fall, not on the crossing (0.8 is not below 0.8).
    "exact-tenth": {"k": 5, "then": [("ref", 100, 50), ("x", 100, 45)],
                    "now": [("ref", 100, 50), ("x", 100, 40)]},
    # A fall of just under 0.1 (0.9 -> 0.802): no FR207.
    "just-under": {"k": 5, "then": [("ref", 1000, 500), ("x", 1000, 450)],
                   "now": [("ref", 1000, 500), ("x", 1000, 401)]},
    # A group small then (no comparison), groups small now (no comparison), a new group; the reference changes.
    # Two small groups in each cycle, so that no complementary suppression is needed (the audit's own rule).
    "small-and-new": {"k": 5, "then": [("m", 60, 30), ("f", 50, 20), ("nb", 4, 1), ("sd", 3, 1)],
                      "now": [("m", 70, 28), ("f", 55, 30), ("nb", 6, 2), ("sd", 3, 1), ("x", 2, 0), ("new", 20, 5)]},
    # Rates of 0 and 1: the z test has no value when both cycles are all favourable; Fisher is 1.
    "extremes": {"k": 5, "then": [("all", 20, 20), ("none", 25, 0), ("half", 30, 15)],
                 "now": [("all", 22, 22), ("none", 25, 5), ("half", 30, 9)]},
    # Large cycles: small changes are significant.
    "large": {"k": 5, "then": [("p", 4000, 1600), ("q", 3000, 1100)],
              "now": [("p", 4200, 1680), ("q", 3100, 1050)]},
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


def z_test(x1, n1, x0, n0):
    pooled = Fraction(x1 + x0, n1 + n0)
    if pooled == 0 or pooled == 1:
        return None, None
    diff = Fraction(x1, n1) - Fraction(x0, n0)
    var = pooled * (1 - pooled) * (Fraction(1, n1) + Fraction(1, n0))
    z = mpmath.mpf(diff.numerator) / diff.denominator / mpmath.sqrt(mpmath.mpf(var.numerator) / var.denominator)
    return z, mpmath.erfc(abs(z) / mpmath.sqrt(2))


def reference(groups, k):
    big = [g for g in groups if g[1] >= k]
    best = None
    for g in big:
        if best is None:
            best = g
            continue
        r, rb = Fraction(g[2], g[1]), Fraction(best[2], best[1])
        if r > rb or (r == rb and (g[1] > best[1] or (g[1] == best[1] and g[0] < best[0]))):
            best = g
    return best


def ratios(groups, k):
    ref = reference(groups, k)
    out = {}
    for v, n, a in groups:
        if n >= k and ref[2] > 0:
            out[v] = Fraction(a, n) / Fraction(ref[2], ref[1])
    return ref[0], out


def num(x):
    return None if x is None else float(x)


def case(spec):
    k = spec["k"]
    ref0, ir0 = ratios(spec["then"], k)
    ref1, ir1 = ratios(spec["now"], k)
    then = {v: (n, a) for v, n, a in spec["then"]}
    groups = []
    for v, n1, a1 in spec["now"]:
        entry = {"values": [v], "n": n1, "favourable": a1}
        if n1 < k or v not in then or then[v][0] < k:
            entry["change"] = None
            groups.append(entry)
            continue
        n0, a0 = then[v]
        z, zp = z_test(a1, n1, a0, n0)
        fell_below = ir0[v] >= Fraction(4, 5) and ir1[v] < Fraction(4, 5)
        fell_tenth = ir0[v] - ir1[v] >= Fraction(1, 10)
        entry["baseline"] = {"n": n0, "favourable": a0, "selectionRate": num(Fraction(a0, n0)), "impactRatio": num(ir0[v])}
        entry["change"] = {
            "selectionRate": num(Fraction(a1, n1) - Fraction(a0, n0)),
            "impactRatio": num(ir1[v] - ir0[v]),
            "z": num(z), "zP": num(zp),
            "fisherP": num(fisher(a1, n1 - a1, a0, n0 - a0)),
            "fellBelowFourFifths": fell_below, "fellByAtLeastOneTenth": fell_tenth,
        }
        groups.append(entry)
    return {"k": k, "then": [{"values": [v], "n": n, "favourable": a} for v, n, a in spec["then"]],
            "now": [{"values": [v], "n": n, "favourable": a} for v, n, a in spec["now"]],
            "referenceThen": [ref0], "referenceNow": [ref1], "groups": groups,
            "fr207": sorted(g["values"][0] for g in groups if g["change"] and (g["change"]["fellBelowFourFifths"] or g["change"]["fellByAtLeastOneTenth"]))}


def cross_check(cases):
    try:
        import scipy
        from scipy.stats import fisher_exact
    except ImportError:
        return None
    for name, spec in CASES.items():
        then = {v: (n, a) for v, n, a in spec["then"]}
        for g in cases[name]["groups"]:
            c = g["change"]
            if c is None:
                continue
            n1, a1 = g["n"], g["favourable"]
            n0, a0 = then[g["values"][0]]
            p = fisher_exact([[a1, n1 - a1], [a0, n0 - a0]])[1]
            if abs(p - c["fisherP"]) > 1e-9 * max(1e-300, c["fisherP"]) and abs(p - c["fisherP"]) > 1e-12:
                print(f"note: {name} {g['values'][0]}: scipy fisher {p} vs {c['fisherP']} (near-tie tolerance differs)", file=sys.stderr)
    return scipy.__version__


def main():
    cases = {name: case(spec) for name, spec in CASES.items()}
    scipy_version = cross_check(cases)
    json.dump({"generatedBy": {"python": sys.version.split()[0], "mpmath": mpmath.__version__, "scipy": scipy_version},
               "cases": cases}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
