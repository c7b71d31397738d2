#!/usr/bin/python3
"""Independent reference implementation of the outcome audit's numbers (PRODUCT.md 5.2,
docs/statistics.md), written with pandas + SciPy (+ mpmath / exact integers where a float formula
would lose digits). It writes the expected results of one case:

    /usr/bin/python3 reference_audit.py CASE_DIR [--min-group-size 5] [--intersect] [--out FILE]

CASE_DIR holds scores.jsonl and attributes.csv; the result goes to CASE_DIR/expected.json unless --out
names another file (relative names are taken inside CASE_DIR). README.md lists every rule choice.

Precision: every value is the exact (or 50-digit) result rounded once to the nearest double, except
fisherPScipy, which is SciPy's own fisher_exact value for information only.
"""

import argparse
import json
import math
import os
import statistics
import sys
from fractions import Fraction

import mpmath
import numpy as np
import pandas as pd
import scipy
from scipy import stats

mpmath.mp.dps = 50

FAVOURABLE = ["Exceptional", "Strong"]
SINGLE = [["gender"], ["ethnicity"], ["age-band"]]
INTERSECT = [["gender", "ethnicity"]]
WILSON_Z = 1.959963984540054
FISHER_REL_TOL = Fraction(1, 10**7)  # R's fisher.test: relErr <- 1 + 10^(-7)


# --------------------------------------------------------------------------------------------------
# Statistics
# --------------------------------------------------------------------------------------------------

def fisher_tables(a, b, c, d):
    """Exact hypergeometric weights T(x) = C(r1, x) C(r2, c1 - x) of all tables with the margins of
    [[a, b], [c, d]], x = top-left cell, and the normaliser C(N, c1)."""
    r1, r2, c1 = a + b, c + d, a + c
    n = r1 + r2
    lo, hi = max(0, c1 - r2), min(r1, c1)
    t = math.comb(r1, lo) * math.comb(r2, c1 - lo)
    weights = []
    for x in range(lo, hi + 1):
        weights.append(t)
        if x < hi:
            num = t * (r1 - x) * (c1 - x)
            den = (x + 1) * (r2 - c1 + x + 1)
            assert num % den == 0
            t = num // den
    assert weights[-1] == math.comb(r1, hi) * math.comb(r2, c1 - hi)
    return lo, weights, math.comb(n, c1)


def fisher_p(a, b, c, d):
    """Two-sided Fisher exact p: sum of P(x) over tables with P(x) <= P(observed) * (1 + 1e-7), in exact
    integer arithmetic, converted once to a double (capped at 1)."""
    r1, r2, c1 = a + b, c + d, a + c
    if r1 == 0 or r2 == 0 or c1 == 0 or c1 == r1 + r2:
        return 1.0
    lo, weights, total = fisher_tables(a, b, c, d)
    observed = weights[a - lo]
    limit_num = observed * (FISHER_REL_TOL.denominator + FISHER_REL_TOL.numerator)
    limit_den = FISHER_REL_TOL.denominator
    selected = sum(w for w in weights if w * limit_den <= limit_num)
    return min(1.0, float(Fraction(selected, total)))


def fisher_p_hypergeom(a, b, c, d):
    """The same p from SciPy's hypergeometric log-probabilities (cross-check of fisher_p)."""
    r1, r2, c1 = a + b, c + d, a + c
    n = r1 + r2
    if r1 == 0 or r2 == 0 or c1 == 0 or c1 == n:
        return 1.0
    lo, hi = max(0, c1 - r2), min(r1, c1)
    xs = np.arange(lo, hi + 1)
    dist = stats.hypergeom(n, r1, c1)
    logp = dist.logpmf(xs)
    limit = dist.logpmf(a) + math.log1p(1e-7)
    chosen = logp[logp <= limit]
    if len(chosen) == 0:
        return 0.0
    top = chosen.max()
    return min(1.0, float(math.exp(top) * np.exp(chosen - top).sum()))


def z_test(x1, n1, x2, n2):
    """Pooled two-proportion z (group minus reference) and its two-sided normal p; (None, None) when the
    pooled rate is 0 or 1. z from the exact integer numerator and a 50-digit square root; the p-value is
    erfc(|z| / sqrt 2) at 50 digits for the double z."""
    x, n = x1 + x2, n1 + n2
    if n1 == 0 or n2 == 0 or x == 0 or x == n:
        return None, None
    numerator = x1 * n2 - x2 * n1
    z = float(mpmath.mpf(numerator) / mpmath.sqrt(mpmath.mpf(n1 * n2 * x * (n - x)) / n))
    p = float(mpmath.erfc(abs(mpmath.mpf(z)) / mpmath.sqrt(2)))
    return z, p


def wilson(x, n):
    """95% Wilson score interval with z = 1.959963984540054 (the double), at 50 digits."""
    z = mpmath.mpf(WILSON_Z)
    z2 = z * z
    upper = (2 * x + z2 + z * mpmath.sqrt(z2 + mpmath.mpf(4 * x * (n - x)) / n)) / (2 * (n + z2))
    lower = mpmath.mpf(x * x) / (n * (n + z2) * upper)
    return float(lower), min(1.0, float(upper))


def exact_mean_m2(values):
    xs = [Fraction(v) for v in values]
    mean = sum(xs, Fraction(0)) / len(xs)
    m2 = sum(((v - mean) ** 2 for v in xs), Fraction(0))
    return mean, m2


def hedges_g(group, reference):
    """Hedges' g of group minus reference: pooled SD with n-1 denominators, J = 1 - 3/(4(n1+n2)-9).
    None when either has fewer than 2 values or the pooled SD is 0. Exact moments, 50-digit root."""
    n1, n2 = len(group), len(reference)
    if n1 < 2 or n2 < 2:
        return None
    m1, s1 = exact_mean_m2(group)
    m2, s2 = exact_mean_m2(reference)
    pooled_var = (s1 + s2) / (n1 + n2 - 2)
    if pooled_var == 0:
        return None
    j = 1 - Fraction(3, 4 * (n1 + n2) - 9)
    num = j * (m1 - m2)
    sd = mpmath.sqrt(mpmath.mpf(pooled_var.numerator) / pooled_var.denominator)
    return float((mpmath.mpf(num.numerator) / num.denominator) / sd)


def exact_mean(values):
    return float(sum((Fraction(v) for v in values), Fraction(0)) / len(values))


# --------------------------------------------------------------------------------------------------
# Audit
# --------------------------------------------------------------------------------------------------

def load(case_dir):
    # JSON numbers parsed by Python's json (correctly rounded); pandas.read_json would need precise_float
    with open(os.path.join(case_dir, "scores.jsonl"), encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    scores = pd.DataFrame({
        "subject": [r["subject"] for r in records],
        "status": [r["status"] for r in records],
        "overall": [r["overall"] for r in records],
        "band": [r["band"] for r in records],
    })
    if scores["subject"].duplicated().any():
        sys.exit("duplicate subject in scores.jsonl")
    # every cell a string; an empty cell stays "" (never NaN, and "NA" would stay "NA")
    attributes = pd.read_csv(os.path.join(case_dir, "attributes.csv"), dtype=str, keep_default_na=False,
                             na_filter=False, encoding="utf-8")
    if attributes["subject"].duplicated().any():
        sys.exit("duplicate subject in attributes.csv")
    return scores, attributes


def audit(case_dir, min_group_size, intersect):
    scores, attributes = load(case_dir)
    scored = scores[scores["status"] == "scored"].copy()
    insufficient = int((scores["status"] == "insufficient-evidence").sum())
    assert len(scored) + insufficient == len(scores)
    assert scored["overall"].notna().all()
    scored["overall"] = scored["overall"].astype(float)
    scored["fav"] = scored["band"].isin(FAVOURABLE)
    median = statistics.median(sorted(scored["overall"].tolist())) if len(scored) else None
    scored["above"] = scored["overall"] > median if median is not None else False

    # left join: scored subjects without a row get "" (unknown) for every attribute
    joined = scored.merge(attributes, on="subject", how="left", validate="one_to_one")
    analyses_spec = SINGLE + (INTERSECT if intersect else [])
    for names in analyses_spec:
        for name in names:
            if name not in joined.columns:
                sys.exit(f"attributes.csv has no column {name!r}")
            joined[name] = joined[name].fillna("")

    analyses = []
    for names in analyses_spec:
        known = np.ones(len(joined), dtype=bool)
        for name in names:
            known &= (joined[name] != "").to_numpy()
        unknown = int((~known).sum())
        data = joined[known]
        groups = []
        by = names[0] if len(names) == 1 else list(names)
        for key, frame in data.groupby(by, sort=False):
            values = list(key) if isinstance(key, tuple) else [key]
            groups.append({
                "values": values,
                "n": len(frame),
                "a": int(frame["fav"].sum()),
                "s": int(frame["above"].sum()),
                "scores": frame["overall"].tolist(),
            })
        groups.sort(key=lambda g: tuple(g["values"]))  # ordinal (code point) order
        large = [g for g in groups if g["n"] >= min_group_size]

        reference = None
        if large:
            # highest rate, then larger group, then ordinal-first values (tuple compared element-wise)
            reference = min(large, key=lambda g: (-Fraction(g["a"], g["n"]), -g["n"], tuple(g["values"])))
        best_scoring = max((Fraction(g["s"], g["n"]) for g in large), default=None)
        best_scoring_group = None
        if large:
            best_scoring_group = max(large, key=lambda g: Fraction(g["s"], g["n"]))

        out_groups = []
        unreported = unknown
        for g in groups:
            if g["n"] < min_group_size:
                unreported += g["n"]
                out_groups.append({
                    "values": g["values"], "n": None, "suppressed": True, "favourable": None,
                    "selectionRate": None, "impactRatio": None, "fisherP": None, "fisherPScipy": None,
                    "z": None, "zP": None, "wilsonLower": None, "wilsonUpper": None, "fr201": None,
                    "scoringRate": None, "scoringImpactRatio": None, "meanScore": None, "hedgesG": None,
                })
                continue
            n, a, s = g["n"], g["a"], g["s"]
            n_ref, a_ref = reference["n"], reference["a"]
            is_ref = g is reference
            impact = None if a_ref == 0 else float(Fraction(a * n_ref, a_ref * n))
            lower, upper = wilson(a, n)
            if is_ref:
                fisher = fisher_scipy = z = zp = g_eff = fr201 = None
            else:
                table = (a, n - a, a_ref, n_ref - a_ref)
                fisher = fisher_p(*table)
                cross = fisher_p_hypergeom(*table)
                if not (fisher == cross or (fisher > 0 and abs(cross - fisher) <= 1e-9 * fisher)):
                    print(f"warning: {names} {g['values']}: exact Fisher {fisher!r} vs hypergeom sum {cross!r}",
                          file=sys.stderr)
                fisher_scipy = float(stats.fisher_exact([[table[0], table[1]], [table[2], table[3]]])[1])
                z, zp = z_test(a, n, a_ref, n_ref)
                g_eff = hedges_g(g["scores"], reference["scores"])
                below = 5 * a * n_ref < 4 * a_ref * n
                fr201 = ("error" if fisher < 0.05 else "warning") if below else None
            s_best = best_scoring_group["s"]
            n_best = best_scoring_group["n"]
            scoring_impact = None if s_best == 0 else float(Fraction(s * n_best, s_best * n))
            out_groups.append({
                "values": g["values"], "n": n, "suppressed": False, "favourable": a,
                "selectionRate": a / n, "impactRatio": impact,
                "fisherP": fisher, "fisherPScipy": fisher_scipy, "z": z, "zP": zp,
                "wilsonLower": lower, "wilsonUpper": upper, "fr201": fr201,
                "scoringRate": s / n, "scoringImpactRatio": scoring_impact,
                "meanScore": exact_mean(g["scores"]), "hedgesG": g_eff,
            })
            if n < 0.02 * len(scored):
                print(f"note: {names} {g['values']}: reportable group below 2% of the scored subjects",
                      file=sys.stderr)
        if 0 < unreported < min_group_size and any(g["suppressed"] for g in out_groups):
            print(f"note: {names}: unreported subjects {unreported} < {min_group_size}: the auditor's "
                  "complementary suppression applies here and this reference does not model it", file=sys.stderr)
        analyses.append({
            "attributes": list(names),
            "unknown": unknown,
            "reference": None if reference is None else reference["values"],
            "groups": out_groups,
        })

    return {
        "subjects": len(scores),
        "scored": len(scored),
        "insufficientEvidence": insufficient,
        "favourable": FAVOURABLE,
        "medianScore": median,
        "minGroupSize": min_group_size,
        "analyses": analyses,
        "generatedBy": {
            "script": "reference_audit.py",
            "python": sys.version.split()[0], "pandas": pd.__version__, "scipy": scipy.__version__,
            "numpy": np.__version__, "mpmath": mpmath.__version__,
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("case_dir")
    parser.add_argument("--min-group-size", type=int, default=5)
    parser.add_argument("--intersect", action="store_true")
    parser.add_argument("--out", default="expected.json")
    args = parser.parse_args()
    result = audit(args.case_dir, args.min_group_size, args.intersect)
    out = args.out if os.path.isabs(args.out) else os.path.join(args.case_dir, args.out)
    text = json.dumps(result, indent=2, ensure_ascii=False, allow_nan=False)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text + "\n")
    print(f"{out}: {result['scored']} scored, {len(result['analyses'])} analyses")


if __name__ == "__main__":
    main()
