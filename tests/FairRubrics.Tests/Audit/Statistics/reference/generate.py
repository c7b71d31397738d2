#!/usr/bin/python3
"""Writes reference.json: reference values for FairRubrics.Audit.Statistics.

Run from the repository root with the Debian system Python (the `python3` on PATH may be a pyenv
interpreter without these packages):

    apt-get install -y python3-scipy python3-numpy python3-mpmath
    /usr/bin/python3 tests/FairRubrics.Tests/Audit/Statistics/reference/generate.py

The tests read the committed reference.json and never need Python.

Every case carries the *true* value, computed in 60-significant-digit arithmetic (mpmath) or exactly
(fractions), and, where SciPy has the function, SciPy's value for comparison:

* Fisher: "p" follows the FairRubrics contract (PRODUCT.md 5.2) and R's fisher.test: the sum of the
  probabilities of all tables with the observed margins whose probability is <= P(observed) * (1 + 1e-7).
  "scipy" is scipy.stats.fisher_exact(table, alternative='two-sided'). SciPy 1.10 uses a relative
  tolerance of 1e-14, not 1e-7 (`epsilon = 1e-14` in scipy/stats/_stats_py.py), so the two differ on
  tables with a near-tie between 1e-14 and 1e-7; the cases named "near-tie-*" are such tables.
  For small tables the 60-digit value is checked against exact rational arithmetic.
* z test: z and p = erfc(|z|/sqrt 2) from the counts in 60-digit arithmetic; "scipyP" is
  2 * scipy.stats.norm.sf(|z|) with z computed in float64 by the textbook formula.
* Wilson: the textbook score interval, z = 1.959963984540054 (the float64 nearest the 0.975 normal
  quantile), in 60-digit arithmetic.
* Hedges' g: mean, pooled SD (n-1 denominators) and J = 1 - 3/(4(n1+n2)-9) from exact rational moments
  of the float64 values; "numpy" is the same formula on numpy.mean / numpy.var(ddof=1).
* Shortfall and flip-flop: by their definitions in docs/statistics.md, by brute force on exact
  integers and the 60-digit Fisher p.
"""

import json
import math
import os
import platform
from fractions import Fraction

import mpmath
import numpy as np
import scipy
import scipy.special
import scipy.stats
from mpmath import mp, mpf

mp.dps = 60

Z975 = 1.959963984540054
REL_TOL = Fraction(1, 10**7)
HERE = os.path.dirname(os.path.abspath(__file__))


def f(x):
    """A float for JSON: nearest float64 (repr round-trips)."""
    return float(x)


# ---------------------------------------------------------------------------------------------------
# Fisher exact test


def log_pmf_mp(x, r1, r2, c1):
    """log of C(r1,x) C(r2,c1-x) / C(r1+r2,c1)."""
    lf = lambda n: mp.loggamma(n + 1)
    n = r1 + r2
    return (lf(r1) - lf(x) - lf(r1 - x) + lf(r2) - lf(c1 - x) - lf(r2 - c1 + x)
            - lf(n) + lf(c1) + lf(n - c1))


def fisher_mp(a, b, c, d):
    """Two-sided p with relative tolerance 1e-7, walking outward from the mode in 60-digit arithmetic."""
    r1, r2, c1, c2 = a + b, c + d, a + c, b + d
    if 0 in (r1, r2, c1, c2):
        return mpf(1)
    n = r1 + r2
    lo, hi = max(0, c1 - r2), min(r1, c1)
    mode = min(max((c1 + 1) * (r1 + 1) // (n + 2), lo), hi)
    threshold = mp.exp(log_pmf_mp(a, r1, r2, c1)) * (1 + mpf(1) / 10**7)
    p_mode = mp.exp(log_pmf_mp(mode, r1, r2, c1))
    total = mpf(0)
    # Upward from the mode (terms decrease).
    t, x = p_mode, mode
    while x <= hi:
        if t <= threshold:
            total += t
            if t < total * mpf(10) ** -45:
                break
        t = t * mpf((r1 - x) * (c1 - x)) / ((x + 1) * (r2 - c1 + x + 1))
        x += 1
    # Downward from mode - 1.
    x = mode - 1
    t = p_mode
    while x >= lo:
        t = t * mpf((x + 1) * (r2 - c1 + x + 1)) / ((r1 - x) * (c1 - x))
        if t <= threshold:
            total += t
            if t < total * mpf(10) ** -45:
                break
        x -= 1
    return min(total, mpf(1))


def fisher_fraction(a, b, c, d):
    """Exact rational two-sided p (small tables only)."""
    r1, r2, c1, c2 = a + b, c + d, a + c, b + d
    if 0 in (r1, r2, c1, c2):
        return Fraction(1)
    n = r1 + r2
    lo, hi = max(0, c1 - r2), min(r1, c1)
    denom = math.comb(n, c1)
    probs = {x: Fraction(math.comb(r1, x) * math.comb(r2, c1 - x), denom) for x in range(lo, hi + 1)}
    limit = probs[a] * (1 + REL_TOL)
    return min(sum(p for p in probs.values() if p <= limit), Fraction(1))


def fisher_scipy(a, b, c, d):
    return float(scipy.stats.fisher_exact([[a, b], [c, d]], alternative="two-sided")[1])


fisher_cases = []
seen_tables = set()


def add_fisher(name, a, b, c, d, source=None, published=None):
    key = (a, b, c, d)
    if key in seen_tables:
        return
    seen_tables.add(key)
    p = fisher_mp(a, b, c, d)
    if a + b + c + d <= 400:
        exact = fisher_fraction(a, b, c, d)
        assert abs(p - mpf(exact.numerator) / exact.denominator) <= mpf(10) ** -40 * max(p, mpf(10) ** -300), (key, p, exact)
    case = {"name": name, "table": [a, b, c, d], "p": f(p), "scipy": fisher_scipy(a, b, c, d)}
    if published is not None:
        # Published values are given to the precision they were published with.
        digits, value = published
        unit = mpf(10) ** (math.floor(math.log10(value)) - digits + 1)
        assert abs(p - mpf(value)) <= mpf("0.5") * unit, (name, p, value)
        case["published"] = value
        case["publishedDigits"] = digits
    if source:
        case["source"] = source
    fisher_cases.append(case)


# Published values.
add_fisher("tea-tasting", 3, 1, 1, 3, published=(4, 0.4857),
           source="R fisher.test help, TeaTasting (Agresti 1990, p. 61): two-sided p = 34/70 = 0.4857")
add_fisher("scipy-docs-whales", 8, 2, 1, 5, published=(4, 0.03497),
           source="scipy.stats.fisher_exact docstring: whales and sharks, p = 0.0349...")
add_fisher("scipy-docs-support", 6, 2, 1, 4, published=(16, 0.10256410256410257),
           source="scipy.stats.fisher_exact docstring: [[6,2],[1,4]], p = 0.10256410256410257 = 0.0163 + 0.0816 + 0.00466")
r_precise = [
    ((100, 2, 1000, 5), 1.300759363430016e-01),
    ((2, 7, 8, 2), 2.301413756522114e-02),
    ((5, 1, 10, 10), 1.973244147157190e-01),
    ((5, 15, 20, 20), 9.580440012477637e-02),
    ((5, 16, 20, 25), 1.725864953812994e-01),
    ((10, 5, 10, 1), 1.973244147157190e-01),
    ((10, 5, 10, 0), 6.126482213438734e-02),
    ((5, 0, 1, 4), 4.761904761904762e-02),
    ((0, 5, 1, 4), 1.0),
    ((5, 1, 0, 4), 4.761904761904758e-02),
    ((0, 1, 3, 2), 1.0),
]
for (a, b, c, d), value in r_precise:
    add_fisher(f"r-{a}-{b}-{c}-{d}", a, b, c, d, published=(15, value),
               source="R fisher.test printed with 16 digits, as recorded in SciPy's tests (scipy/stats/tests/test_stats.py, TestFisherExact.test_precise)")
for (a, b, c, d), value in (((6, 37, 108, 200), 0.005092697748126), ((22, 0, 0, 102), 7.175066786244549e-25),
                            ((94, 48, 3577, 16988), 2.069356340993818e-37)):
    add_fisher(f"gh4130-{a}-{b}-{c}-{d}", a, b, c, d, published=(13, value),
               source="SciPy's regression tests for gh-4130 (TestFisherExact.test_gh4130; the first checked against R fisher.test)")
for num, value in ((75, 5.56e-11), (76, 2.666e-11), (77, 1.363e-11)):
    add_fisher(f"r-large-17704-496-1065-{num}", 17704, 496, 1065, num, published=(3, value),
               source="R fisher.test as recorded in SciPy's tests (TestFisherExact.test_large_numbers)")
add_fisher("r-large-18000-80000-20000-90000", 18000, 80000, 20000, 90000, published=(4, 0.2751),
           source="R fisher.test as recorded in SciPy's tests (TestFisherExact.test_large_numbers)")
add_fisher("scipy-gh9231-23-million", 5829225, 5692693, 5760959, 5760959,
           source="SciPy gh-9231: a table of 23 million whose p is 'very nearly zero' (it underflows)")
# R's Convictions example (Fisher 1962): one-sided p = 0.0004652 is published; the two-sided value is ours.
conv = (2, 10, 15, 3)
one_sided = sum(Fraction(math.comb(12, x) * math.comb(18, 17 - x), math.comb(30, 17)) for x in range(0, 3))
assert round(float(one_sided), 7) == 0.0004652, float(one_sided)
add_fisher("r-convictions", *conv,
           source="R fisher.test help, Convictions (Fisher 1962); R publishes the one-sided p = 0.0004652 (checked here)")

# Near-ties: tables with another table whose probability is within (1e-14, 1e-7] of the observed one.
# The contract (and R) counts it; SciPy 1.10 (tolerance 1e-14) does not.
add_fisher("near-tie-mode", 3999, 4001, 4001, 4001,
           source="P(mode)/P(observed) = 1 + 1/(4000*4002): within 1e-7, so p = 1")
add_fisher("near-tie-across-mode-1", 20, 38, 40, 106, source="P(x=14) = P(observed x=20) * (1 + 8.4e-8)")
add_fisher("near-tie-across-mode-2", 18, 51, 81, 174, source="P(x=24) = P(observed x=18) * (1 + 7.7e-8)")
add_fisher("near-tie-across-mode-3", 64, 23, 97, 146, source="P(x=21) = P(observed x=64) * (1 + 6.6e-8)")

# Every table with both rows of 1..5 people (tiny groups, zero rows and columns, all- and none-favourable).
for r1 in range(1, 6):
    for r2 in range(1, 6):
        for a in range(r1 + 1):
            for c in range(r2 + 1):
                add_fisher(f"tiny-{a}-{r1 - a}-{c}-{r2 - c}", a, r1 - a, c, r2 - c)

# Zero rows (a group with nobody) and zero columns.
add_fisher("zero-row", 0, 0, 5, 10)
add_fisher("zero-row-2", 5, 10, 0, 0)
add_fisher("zero-column", 0, 5, 0, 10)
add_fisher("zero-column-2", 5, 0, 10, 0)
add_fisher("all-zero", 0, 0, 0, 0)

# Zero rates and all-favourable groups against moderate references.
for n1, n2, x2 in ((10, 50, 25), (20, 1000, 300), (50, 200, 10), (7, 7, 7), (100, 100000, 50000)):
    add_fisher(f"zero-rate-{n1}-{x2}-{n2}", 0, n1, x2, n2 - x2)
    add_fisher(f"all-favourable-{n1}-{x2}-{n2}", n1, 0, x2, n2 - x2)

# Equal groups and symmetric tables (exact ties across the mode).
for a, b in ((5, 5), (10, 20), (100, 300), (1234, 4321), (250000, 250000), (499000, 501000)):
    add_fisher(f"equal-groups-{a}-{b}", a, b, a, b)
    add_fisher(f"mirror-{a}-{b}", a, b, b, a)

# Very unequal group sizes.
for n1, x1, n2, x2 in ((5, 0, 1000000, 500000), (5, 5, 1000000, 500000), (5, 1, 1000000, 600000),
                       (10, 2, 100000, 50000), (3, 0, 5000000, 4000000), (1, 0, 1000, 999),
                       (1000000, 1, 10, 0), (2, 1, 1000000, 1)):
    add_fisher(f"unequal-{x1}-{n1}-{x2}-{n2}", x1, n1 - x1, x2, n2 - x2)

# Large groups: 10^5, 10^6 and 5*10^6 people per group, gaps from none to extreme.
for n in (100000, 1000000, 5000000):
    base = n // 2
    for gap in (0, 1, n // 10000, n // 1000, n // 300, n // 100, n // 20):
        add_fisher(f"large-{n}-gap-{gap}", base - gap, n - base + gap, base, n - base)
    add_fisher(f"large-{n}-low-rate", n // 100, n - n // 100, n // 100 + int(3 * math.sqrt(n // 100)), n - n // 100)
# Ten million people per group (the largest the brief asks to be fast).
for gap in (700, 3000, 10000):
    add_fisher(f"large-10000000-gap-{gap}", 5000000 - gap, 5000000 + gap, 5000000, 5000000)

# p-values near 0.05: for fixed groups, the two counts on either side of p = 0.05.
for n1, n2, x2 in ((20, 20, 14), (50, 60, 30), (200, 500, 150), (1000, 3000, 1500), (30000, 100000, 30000), (1000000, 1000000, 300000)):
    lo_a, hi_a = 0, x2 * n1 // n2
    # find the largest a below the reference rate with p < 0.05 by bisection on a (p increases with a here)
    while hi_a - lo_a > 1:
        mid = (lo_a + hi_a) // 2
        if fisher_mp(mid, n1 - mid, x2, n2 - x2) < mpf("0.05"):
            lo_a = mid
        else:
            hi_a = mid
    for a in (lo_a, lo_a + 1):
        add_fisher(f"near-0.05-{a}-{n1}-{x2}-{n2}", a, n1 - a, x2, n2 - x2)

# Extreme p-values around 1e-200 and below, and underflow.
for n1, x1, n2, x2 in ((10000, 2000, 10000, 4000), (100000, 45000, 100000, 50000), (1000000, 490000, 1000000, 500000),
                       (5000000, 2495000, 5000000, 2500000), (300, 0, 300, 300), (2000, 0, 2000, 1200),
                       (20000, 0, 20000, 20000)):
    add_fisher(f"extreme-{x1}-{n1}-{x2}-{n2}", x1, n1 - x1, x2, n2 - x2)


# ---------------------------------------------------------------------------------------------------
# Two-proportion pooled z test


def ztest_mp(x1, n1, x2, n2):
    if n1 == 0 or n2 == 0:
        return None
    pooled = mpf(x1 + x2) / (n1 + n2)
    if pooled == 0 or pooled == 1:
        return None
    se = mp.sqrt(pooled * (1 - pooled) * (mpf(1) / n1 + mpf(1) / n2))
    z = (mpf(x1) / n1 - mpf(x2) / n2) / se
    return z, mp.erfc(abs(z) / mp.sqrt(2))


def ztest_float(x1, n1, x2, n2):
    p1, p2, pooled = x1 / n1, x2 / n2, (x1 + x2) / (n1 + n2)
    z = (p1 - p2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return float(2 * scipy.stats.norm.sf(abs(z)))


z_cases = []


def add_z(name, x1, n1, x2, n2):
    r = ztest_mp(x1, n1, x2, n2)
    case = {"name": name, "x1": x1, "n1": n1, "x2": x2, "n2": n2}
    if r is None:
        case.update({"z": None, "p": None, "scipyP": None})
    else:
        case.update({"z": f(r[0]), "p": f(r[1]), "scipyP": ztest_float(x1, n1, x2, n2)})
    z_cases.append(case)


add_z("empty-group", 0, 0, 5, 10)
add_z("empty-reference", 3, 10, 0, 0)
add_z("pooled-zero", 0, 10, 0, 20)
add_z("pooled-one", 10, 10, 20, 20)
add_z("equal-rates", 5, 10, 10, 20)
add_z("zero-rate", 0, 10, 5, 10)
add_z("all-favourable", 10, 10, 5, 10)
for n1 in range(1, 6):
    for x1 in range(n1 + 1):
        add_z(f"tiny-{x1}-{n1}", x1, n1, 3, 5)
add_z("moderate", 15, 50, 30, 60)
add_z("near-1.96-below", 420, 1000, 462, 1000)
add_z("near-1.96-above", 419, 1000, 462, 1000)
for n in (100000, 1000000, 10000000):
    for gap in (1, n // 1000, n // 100, n // 30, n // 20):
        add_z(f"large-{n}-gap-{gap}", n // 2 - gap, n, n // 2, n)
add_z("unequal-5-1e6", 0, 5, 500000, 1000000)
add_z("extreme-1e-200", 500000 - 21350, 1000000, 500000, 1000000)
add_z("extreme-1e-300", 500000 - 26160, 1000000, 500000, 1000000)
add_z("extreme-underflow", 0, 2000, 2000, 2000)


# ---------------------------------------------------------------------------------------------------
# Wilson score interval


def wilson_mp(x, n):
    z = mpf(Z975)
    phat = mpf(x) / n
    center = (phat + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * mp.sqrt(phat * (1 - phat) / n + z * z / (4 * n * n))
    # At x = 0 (x = n) the lower (upper) bound is exactly 0 (1); 60-digit rounding would leave ~1e-62.
    lower = mpf(0) if x == 0 else center - half
    upper = mpf(1) if x == n else center + half
    return lower, upper


assert abs(mp.sqrt(2) * mp.erfinv(mpf("0.95")) - mpf(Z975)) < mpf(10) ** -15

wilson_cases = []


def add_wilson(name, x, n, published=None, source=None):
    lo, hi = wilson_mp(x, n)
    case = {"name": name, "x": x, "n": n, "lower": f(lo), "upper": f(hi)}
    if published:
        assert (round(float(lo), 4), round(float(hi), 4)) == published, (name, float(lo), float(hi))
        case["published"] = list(published)
    if source:
        case["source"] = source
    wilson_cases.append(case)


newcombe = "Newcombe (1998), Two-sided confidence intervals for the single proportion, Stat Med 17:857-872, Table II, method 3 (score)"
add_wilson("newcombe-81-263", 81, 263, (0.2553, 0.3662), newcombe)
add_wilson("newcombe-15-148", 15, 148, (0.0624, 0.1605), newcombe)
add_wilson("newcombe-0-20", 0, 20, (0.0, 0.1611), newcombe)
add_wilson("newcombe-1-29", 1, 29, (0.0061, 0.1718), newcombe)
for n in range(1, 6):
    for x in range(n + 1):
        add_wilson(f"tiny-{x}-{n}", x, n)
for n in (100000, 1000000, 10000000, 2147483647):
    for x in (0, 1, n // 100, n // 2, n - 1, n):
        add_wilson(f"large-{x}-{n}", x, n)


# ---------------------------------------------------------------------------------------------------
# Hedges' g


def hedges_exact(group, reference):
    n1, n2 = len(group), len(reference)
    if n1 < 2 or n2 < 2:
        return None
    g = [Fraction(v) for v in group]
    r = [Fraction(v) for v in reference]
    m1, m2 = sum(g) / n1, sum(r) / n2
    ss1 = sum((v - m1) ** 2 for v in g)
    ss2 = sum((v - m2) ** 2 for v in r)
    pooled_var = (ss1 + ss2) / (n1 + n2 - 2)
    if pooled_var == 0:
        return None
    diff, var = m1 - m2, pooled_var
    d = (mpf(diff.numerator) / diff.denominator) / mp.sqrt(mpf(var.numerator) / var.denominator)
    j = 1 - mpf(3) / (4 * (n1 + n2) - 9)
    return j * d


def hedges_numpy(group, reference):
    n1, n2 = len(group), len(reference)
    if n1 < 2 or n2 < 2:
        return None
    sd = math.sqrt(((n1 - 1) * np.var(group, ddof=1) + (n2 - 1) * np.var(reference, ddof=1)) / (n1 + n2 - 2))
    if sd == 0:
        return None
    return float((1 - 3 / (4 * (n1 + n2) - 9)) * (np.mean(group) - np.mean(reference)) / sd)


hedges_cases = []


def add_hedges(name, group, reference):
    g = hedges_exact(group, reference)
    hedges_cases.append({"name": name, "group": [float(v) for v in group], "reference": [float(v) for v in reference],
                         "g": None if g is None else f(g), "numpy": hedges_numpy(group, reference)})


rng = np.random.default_rng(20240601)
add_hedges("one-each", [3.0], [2.0])
add_hedges("one-in-group", [3.0], [2.0, 4.0, 3.5])
add_hedges("two-each", [3.0, 4.0], [2.0, 2.5])
add_hedges("identical-values", [3.0, 3.0, 3.0], [3.0, 3.0])
add_hedges("constant-but-different", [3.0, 3.0, 3.0], [4.0, 4.0])
add_hedges("equal-groups", [1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0])
add_hedges("ties-quarter-steps", [3.25, 3.25, 3.5, 2.75, 3.0, 3.25], [3.5, 3.75, 3.5, 4.0, 3.25])
add_hedges("offset-large-mean", [1e6 + 0.25, 1e6 + 0.5, 1e6 + 0.75], [1e6 + 0.5, 1e6 + 1.0, 1e6 + 1.25, 1e6 + 0.75])
add_hedges("fractional", [1 / 3, 2 / 3, 0.1, 0.7], [0.2, 0.9, 0.35])
for n1, n2, shift in ((30, 50, 0.3), (200, 1000, -0.15), (1000, 1000, 0.05), (2000, 500, 0.8)):
    group = np.round(rng.normal(3.0 + shift, 0.8, n1) * 4) / 4
    reference = np.round(rng.normal(3.0, 0.8, n2) * 4) / 4
    add_hedges(f"quarter-steps-{n1}-{n2}", group.tolist(), reference.tolist())
    add_hedges(f"continuous-{n1}-{n2}", rng.normal(3.0 + shift, 0.8, n1).tolist(), rng.normal(3.0, 0.8, n2).tolist())

# Published: Borenstein, Hedges, Higgins & Rothstein (2009), Introduction to Meta-Analysis, ch. 4:
# means 103 and 100, SDs 5.5 and 4.5, n = 50 each: d = 0.5970, J = 0.9923, g = 0.5924.
borenstein_sd = math.sqrt((49 * 5.5**2 + 49 * 4.5**2) / 98)
borenstein_g = (1 - 3 / (4 * 100 - 9)) * 3 / borenstein_sd
assert round(borenstein_g, 4) == 0.5924
hedges_summary = [{"name": "borenstein-2009-ch4", "n1": 50, "mean1": 103.0, "sd1": 5.5, "n2": 50, "mean2": 100.0, "sd2": 4.5,
                   "g": f((1 - mpf(3) / 391) * 3 / mp.sqrt((49 * mpf("30.25") + 49 * mpf("20.25")) / 98)), "published": 0.5924,
                   "source": "Borenstein, Hedges, Higgins & Rothstein (2009), Introduction to Meta-Analysis, ch. 4 (g = 0.5924)"}]


# ---------------------------------------------------------------------------------------------------
# Special functions


erfc_cases = []
for x in (0.0, 1e-300, 1e-20, 1e-10, 1e-5, 0.01, 0.1, 0.25, 0.46875, 0.46876, 0.5, 0.75, 1.0, 1.3862943611198906,
          1.5, 2.0, 2.5, 3.0, 3.5, 3.99, 4.0, 4.01, 4.5, 5.0, 6.0, 7.5, 10.0, 12.5, 15.0, 20.0, 25.0, 26.0, 26.5,
          26.55, 27.0, 27.3, 30.0, -1e-10, -0.3, -0.46875, -1.0, -2.5, -4.0, -6.0, -10.0, -27.0):
    erfc_cases.append({"x": x, "erfc": f(mp.erfc(mpf(x)))})
# Normal tail p-values: p = erfc(|z| / sqrt 2) for double z, the form the z test uses.
normal_tail_cases = []
for z in (0.0, 0.5, 1.0, 1.959963984540054, 2.5, 3.0, 5.0, 8.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0, 37.0, 37.5, 38.0, 38.5):
    normal_tail_cases.append({"z": z, "p": f(mp.erfc(mpf(z) / mp.sqrt(2))), "scipyP": float(2 * scipy.stats.norm.sf(z))})

log_factorial_cases = []
for n in list(range(0, 41)) + [50, 99, 100, 170, 171, 255, 256, 1000, 12345, 100000, 1000000, 10000000, 123456789, 2147483647, 8589934588]:
    log_factorial_cases.append({"n": n, "value": f(mp.loggamma(n + 1))})

log_pmf_cases = []
for x, r1, r2, c1 in ((2, 4, 4, 4), (0, 10, 10, 10), (10, 10, 10, 10), (500000, 1000000, 1000000, 1000000),
                      (490000, 1000000, 1000000, 1000000), (2500000, 5000000, 5000000, 5000000),
                      (2495000, 5000000, 5000000, 5000000), (1, 5, 1000000, 500000), (0, 3, 5000000, 4000000),
                      (45000, 100000, 100000, 95000), (3, 17, 9000000, 1000000), (0, 1000000, 1000000, 1000000),
                      (1000000, 1000000, 1000000, 1000000), (7, 2147483647, 10, 12)):
    log_pmf_cases.append({"x": x, "r1": r1, "r2": r2, "c1": c1, "logP": f(log_pmf_mp(x, r1, r2, c1))})


# ---------------------------------------------------------------------------------------------------
# Shortfall and flip-flop (definitions in docs/statistics.md)


def below_four_fifths(a, n, a_ref, n_ref):
    return 5 * a * n_ref < 4 * a_ref * n


def shortfall(a, n, a_ref, n_ref):
    for k in range(0, n - a + 1):
        if Fraction(a + k, n) >= Fraction(a_ref, n_ref):
            return k
    raise AssertionError("unreachable")


def four_fifths_shortfall(a, n, a_ref, n_ref):
    for k in range(0, n - a + 1):
        if not below_four_fifths(a + k, n, a_ref, n_ref):
            return k
    raise AssertionError("unreachable")


_fisher_cache = {}


def significant(a, n, a_ref, n_ref):
    key = (a, n, a_ref, n_ref)
    if key not in _fisher_cache:
        _fisher_cache[key] = fisher_mp(a, n - a, a_ref, n_ref - a_ref) < mpf("0.05")
    return _fisher_cache[key]


def flip_flop(a, n, a_ref, n_ref):
    """Smallest number of people (1 or 2) whose changed outcome reverses each decision, else None."""
    four, sig = None, None
    base_four, base_sig = below_four_fifths(a, n, a_ref, n_ref), significant(a, n, a_ref, n_ref)
    for people in (1, 2):
        for da in range(-people, people + 1):
            dr_abs = people - abs(da)
            for dr in sorted({-dr_abs, dr_abs}):
                a2, r2 = a + da, a_ref + dr
                if not (0 <= a2 <= n and 0 <= r2 <= n_ref):
                    continue
                if four is None and below_four_fifths(a2, n, r2, n_ref) != base_four:
                    four = people
                if sig is None and significant(a2, n, r2, n_ref) != base_sig:
                    sig = people
    return four, sig


practical_cases = []
for n, n_ref, a_ref in ((5, 5, 4), (5, 10, 8), (10, 10, 9), (10, 20, 15), (20, 25, 20), (8, 40, 30), (50, 50, 40),
                        (100, 120, 60), (1000, 1000, 500), (30, 1000, 600)):
    for a in sorted({0, 1, n // 4, n // 2, (3 * n) // 5, (2 * n) // 3, n - 1, n, (4 * a_ref * n) // (5 * n_ref),
                     (4 * a_ref * n) // (5 * n_ref) + 1}):
        if 0 <= a <= n:
            four, sig = flip_flop(a, n, a_ref, n_ref)
            practical_cases.append({"a": a, "n": n, "aRef": a_ref, "nRef": n_ref,
                                    "belowFourFifths": below_four_fifths(a, n, a_ref, n_ref),
                                    "significant": bool(significant(a, n, a_ref, n_ref)),
                                    "shortfall": shortfall(a, n, a_ref, n_ref),
                                    "fourFifthsShortfall": four_fifths_shortfall(a, n, a_ref, n_ref),
                                    "flipFlopFourFifths": four, "flipFlopSignificance": sig})


# ---------------------------------------------------------------------------------------------------

document = {
    "comment": "Generated by generate.py in this folder; do not edit by hand. See the docstring there for what each value is.",
    "versions": {"python": platform.python_version(), "scipy": scipy.__version__, "numpy": np.__version__, "mpmath": mpmath.__version__},
    "fisher": fisher_cases,
    "zTest": z_cases,
    "normalTail": normal_tail_cases,
    "wilson": wilson_cases,
    "hedges": hedges_cases,
    "hedgesSummary": hedges_summary,
    "erfc": erfc_cases,
    "logFactorial": log_factorial_cases,
    "hypergeometricLogPmf": log_pmf_cases,
    "practical": practical_cases,
}
# One case a line: diffs stay readable when cases are added.
with open(os.path.join(HERE, "reference.json"), "w", encoding="utf-8", newline="\n") as out:
    out.write("{\n")
    items = list(document.items())
    for i, (key, value) in enumerate(items):
        if isinstance(value, list):
            out.write(f"  {json.dumps(key)}: [\n")
            out.write(",\n".join("    " + json.dumps(case, allow_nan=False) for case in value))
            out.write("\n  ]")
        else:
            out.write(f"  {json.dumps(key)}: {json.dumps(value, allow_nan=False)}")
        out.write(",\n" if i < len(items) - 1 else "\n")
    out.write("}\n")
print(f"wrote {len(fisher_cases)} Fisher, {len(z_cases)} z, {len(wilson_cases)} Wilson, {len(hedges_cases)} Hedges, "
      f"{len(practical_cases)} practical-significance cases")
