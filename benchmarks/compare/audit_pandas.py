#!/usr/bin/python3
"""The outcome audit of `fairrubrics audit --by A,B --intersect`, written the way a people analyst would with
pandas + SciPy (Debian's python3-pandas and python3-scipy), for the side-by-side comparison in compare.py:

    /usr/bin/python3 audit_pandas.py SCORES.jsonl ATTRIBUTES.csv --by gender,ethnicity [--intersect]
        [--favourable Exceptional,Strong] [--min-group-size 5] [--out FILE]

It writes a JSON report with the field names of `fairrubrics audit --format json` (the statistics it computes;
see benchmarks/compare/README.md for what is not modelled) and prints the time of each phase to stderr.

Rules (PRODUCT.md 5.2, docs/statistics.md): only `scored` results enter rates and effect sizes; a subject
without an attributes row or with an empty cell is unknown; groups with fewer than --min-group-size scored
subjects are suppressed; the reference is the reportable group with the highest selection rate (exact
fractions; ties to the larger group, then the ordinal-first values); Fisher's two-sided p uses R's relative
tolerance 1e-7 over SciPy's hypergeometric log-probabilities (scipy.stats.fisher_exact uses 1e-14, which
differs on near-ties); the scoring rate is the share strictly above the median of all scored subjects.
"""

import argparse
import json
import math
import sys
import time
from fractions import Fraction

import numpy as np
import pandas as pd
from scipy import stats

WILSON_Z = 1.959963984540054
PHASES = []


def phase(name, start):
    """Records a phase's wall and CPU time since start (a (wall, cpu) pair); returns the new start."""
    now = (time.perf_counter(), time.process_time())
    PHASES.append((name, now[0] - start[0], now[1] - start[1]))
    return now


# ------------------------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------------------------

def read_scores(path):
    """The score results as a DataFrame: one row per subject, one level and winning-path column per competency.
    json.loads keeps full float precision (pandas.read_json would need precise_float=True and is no faster)."""
    subjects, scored, overall, band, rubrics = [], [], [], [], set()
    levels, paths, competencies = None, None, None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            comps = r["competencies"]
            if competencies is None:
                competencies = [c["id"] for c in comps]
                levels = [[] for _ in competencies]
                paths = [[] for _ in competencies]
            elif [c["id"] for c in comps] != competencies:
                sys.exit("the results do not all have the same competencies")
            subjects.append(r["subject"])
            s = r["status"] == "scored"
            scored.append(s)
            overall.append(r["overall"] if s else np.nan)
            band.append(r["band"] if s else None)
            rubrics.add(r.get("rubric"))
            for i, c in enumerate(comps):
                levels[i].append(np.nan if c.get("level") is None else c["level"])
                paths[i].append(c.get("path"))
    if len(rubrics) > 1:
        sys.exit("the results mix rubrics")
    frame = pd.DataFrame({"subject": subjects, "scored": scored, "overall": overall, "band": band})
    for i in range(len(competencies or [])):
        frame[f"level{i}"] = np.array(levels[i], dtype=float)
        frame[f"path{i}"] = pd.Series(paths[i], dtype=object)
    if frame["subject"].duplicated().any():
        sys.exit("a second result for a subject")
    return frame, competencies or []


def read_attributes(path, names):
    # every cell a string; only an empty cell is unknown
    table = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8",
                        usecols=["subject", *names])
    for name in ["subject", *names]:
        table[name] = table[name].str.strip()
    table = table[table["subject"] != ""].drop_duplicates("subject", keep="first")
    return table


# ------------------------------------------------------------------------------------------------------------
# Statistics
# ------------------------------------------------------------------------------------------------------------

def fisher_p(a, b, c, d):
    """Two-sided Fisher exact p with R's tolerance: the sum of P(x) over every table with the same margins and
    P(x) <= P(observed) (1 + 1e-7). SciPy's own algorithm (scipy.stats.fisher_exact: one tail from the observed
    table, the other from where the probability falls to the limit beyond the mode, found by bisection), in log
    space and with R's tolerance instead of SciPy's 1e-14."""
    r1, r2, c1 = a + b, c + d, a + c
    n = r1 + r2
    if r1 == 0 or r2 == 0 or c1 == 0 or c1 == n:
        return 1.0
    dist = stats.hypergeom(n, r1, c1)
    lo, hi = max(0, c1 - r2), min(r1, c1)
    mode = (c1 + 1) * (r1 + 1) // (n + 2)
    limit = dist.logpmf(a) + math.log1p(1e-7)
    if dist.logpmf(mode) <= limit:
        return 1.0
    if a < mode:
        # the first x above the mode with P(x) within the limit (P falls above the mode)
        left, right = mode + 1, hi + 1
        while left < right:
            mid = (left + right) // 2
            if dist.logpmf(mid) <= limit:
                right = mid
            else:
                left = mid + 1
        logp = dist.logcdf(a)
        if left <= hi:
            logp = np.logaddexp(logp, dist.logsf(left - 1))
    else:
        # the last x below the mode with P(x) within the limit
        left, right = lo - 1, mode - 1
        while left < right:
            mid = (left + right + 1) // 2
            if dist.logpmf(mid) <= limit:
                left = mid
            else:
                right = mid - 1
        logp = dist.logsf(a - 1)
        if left >= lo:
            logp = np.logaddexp(logp, dist.logcdf(left))
    return min(1.0, float(np.exp(logp)))


def fisher_p_full(a, b, c, d):
    """The same by summing every table's probability (slow; a cross-check for the tests of this script)."""
    r1, r2, c1 = a + b, c + d, a + c
    n = r1 + r2
    if r1 == 0 or r2 == 0 or c1 == 0 or c1 == n:
        return 1.0
    lo, hi = max(0, c1 - r2), min(r1, c1)
    dist = stats.hypergeom(n, r1, c1)
    logp = dist.logpmf(np.arange(lo, hi + 1))
    chosen = logp[logp <= logp[a - lo] + math.log1p(1e-7)]
    top = chosen.max()
    return min(1.0, float(math.exp(top) * np.exp(chosen - top).sum()))


def z_test(x1, n1, x2, n2):
    x, n = x1 + x2, n1 + n2
    if n1 == 0 or n2 == 0 or x == 0 or x == n:
        return None, None
    z = (x1 * n2 - x2 * n1) / math.sqrt(n1 * n2 * x * (n - x) / n)
    return z, float(2 * stats.norm.sf(abs(z)))


def wilson(x, n):
    z2 = WILSON_Z * WILSON_Z
    upper = (2 * x + z2 + WILSON_Z * math.sqrt(z2 + 4 * x * (n - x) / n)) / (2 * (n + z2))
    lower = x * x / (n * (n + z2) * upper)
    return lower, min(1.0, upper)


def hedges_g(m1, v1, n1, m2, v2, n2):
    """Group minus reference, pooled SD with n-1 denominators, J = 1 - 3/(4(n1+n2)-9); None below 2 values each
    or for a pooled SD of 0. m, v, n: mean, sample variance (ddof=1), count."""
    if n1 < 2 or n2 < 2:
        return None
    pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)
    if not pooled > 0:
        return None
    return (1 - 3 / (4 * (n1 + n2) - 9)) * (m1 - m2) / math.sqrt(pooled)


def num(x):
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


# ------------------------------------------------------------------------------------------------------------
# Audit
# ------------------------------------------------------------------------------------------------------------

def suppression(specs, cells, total, k):
    """Which groups are withheld, by analysis: {values: "small-group" | "complementary"}. Small groups (n < k)
    are suppressed; then, while a set of cells whose total is published (an analysis: all scored subjects; a
    slice of the intersection: a reported single-attribute group) has suppressed cells and fewer than k
    unreported subjects, its smallest reported cell is withheld too (PRODUCT.md 5.2, Suppression.cs).
    Steps 4 and 5 of the audit (no small group derivable by any chain of subtractions, nor narrowed by an
    integer reader) are not re-implemented here: they are checked by an integer-programming attacker in
    SuppressionAttackTests (OR-Tools CP-SAT). Where they withhold more, this comparison reports the difference."""
    withheld = [{v: "small-group" for v, n in table if n < k} for table in cells]

    def protect(table, published, chosen):
        changed = False
        while any(v in chosen for v, _ in table):
            unreported = published - sum(n for v, n in table if v not in chosen)
            rest = sorted((n, "\x1f".join(v), v) for v, n in table if v not in chosen)
            if unreported >= k or unreported == 0 or not rest:
                break
            chosen[rest[0][2]] = "complementary"
            changed = True
        return changed

    changed = True
    while changed:
        changed = False
        for a in range(len(specs)):
            changed |= protect(cells[a], total, withheld[a])
        for a, spec in enumerate(specs):
            if len(spec) < 2:
                continue
            for position, name in enumerate(spec):
                single = next((i for i, s in enumerate(specs) if s == [name]), None)
                if single is None:
                    continue
                for margin, n in cells[single]:
                    if margin in withheld[single]:
                        continue
                    part = [(v, m) for v, m in cells[a] if v[position] == margin[0]]
                    changed |= protect(part, n, withheld[a])
    return withheld


def holm_adjust(groups):
    """Holm-Bonferroni within one analysis (FairRubrics' default --adjust holm), separately for fisherP and zP over the
    reported groups that have that p-value: sorted ascending, p~(i) = max over j <= i of min(1, (m - j + 1) p(j))."""
    reported = [g for g in groups if not g["suppressed"]]
    for raw, adjusted in (("fisherP", "fisherPAdjusted"), ("zP", "zPAdjusted")):
        family = sorted((g for g in reported if g[raw] is not None), key=lambda g: g[raw])
        for g in reported:
            g[adjusted] = None
        running = 0.0
        for j, g in enumerate(family):
            running = max(running, min(1.0, (len(family) - j) * g[raw]))
            g[adjusted] = running


def fr201_findings(spec, groups, alpha=0.05):
    """FR201 for every group below four fifths: an error when the Holm-adjusted Fisher p is below alpha."""
    return [{"id": "FR201", "severity": "error" if g["fisherPAdjusted"] < alpha else "warning",
             "attributes": spec, "values": g["values"]}
            for g in groups if not g["suppressed"] and g.get("belowFourFifths")]


def audit(scores, competencies, attributes, names, intersect, favourable, k):
    data = scores.merge(attributes, on="subject", how="left")
    for name in names:
        data[name] = data[name].fillna("")
    scored = data[data["scored"]].copy()
    median = float(scored["overall"].median()) if len(scored) else None
    data["fav"] = data["scored"] & data["band"].isin(favourable)
    data["above"] = data["scored"] & (data["overall"] > median)
    C = len(competencies)
    data["insufficient"] = sum(data[f"level{c}"].isna().astype(int) for c in range(C)) if C else 0

    # competencies with several winning paths among scored subjects, and their paths in ordinal order
    multi = {}
    for c in range(C):
        winners = scored.loc[scored[f"level{c}"].notna() & scored[f"path{c}"].notna(), f"path{c}"]
        found = sorted(winners.unique().tolist())
        if len(found) >= 2:
            multi[c] = found

    specs = [[n] for n in names] + ([list(names)] if intersect and len(names) > 1 else [])
    tables = []
    for spec in specs:
        known = np.ones(len(data), dtype=bool)
        for name in spec:
            known &= (data[name] != "").to_numpy()
        unknown = int((~known & data["scored"].to_numpy()).sum())
        frame = data[known]
        by = frame.groupby(spec, sort=True)
        s = frame[frame["scored"]]
        sby = s.groupby(spec, sort=True)
        agg = pd.DataFrame({
            "subjects": by.size(),
            "insufficient": by["insufficient"].sum(),
        })
        agg["n"] = sby.size()
        agg["a"] = sby["fav"].sum()
        agg["s"] = sby["above"].sum()
        agg["mean"] = sby["overall"].mean()
        agg["var"] = sby["overall"].var(ddof=1)
        for c in range(C):
            agg[f"lc{c}"] = sby[f"level{c}"].count()
            agg[f"lm{c}"] = sby[f"level{c}"].mean()
            agg[f"lv{c}"] = sby[f"level{c}"].var(ddof=1)
        agg = agg.fillna({"n": 0, "a": 0, "s": 0})
        path_counts = {}
        for c in multi:
            won = s[s[f"level{c}"].notna() & s[f"path{c}"].notna()]
            path_counts[c] = won.groupby([*spec, f"path{c}"]).size()
        groups = []
        for key, row in agg.iterrows():
            values = tuple(key) if isinstance(key, tuple) else (key,)
            groups.append((values, row))
        groups.sort(key=lambda g: g[0])
        tables.append((spec, unknown, groups, path_counts))

    total_scored = int(scores["scored"].sum())
    suppressed = suppression(specs, [[(v, int(r["n"])) for v, r in t[2]] for t in tables], total_scored, k)

    def inside_small_single(spec, values):
        """Whether a cell of the intersection lies inside a single-attribute group with 1 to k - 1 scored
        members: such cells are never listed, since each listed cell would say "at least one" (PRODUCT.md 5.2)."""
        for name, value in zip(spec, values):
            single = next((t for t in tables if t[0] == [name]), None)
            if single is None:
                continue
            n = next((int(r["n"]) for v, r in single[2] if v == (value,)), 0)
            if 0 < n < k:
                return True
        return False

    analyses, findings = [], []
    for (spec, unknown, groups, path_counts), withheld in zip(tables, suppressed):
        reported = [(v, r) for v, r in groups if v not in withheld and int(r["n"]) > 0]
        reference = None
        if reported:
            reference = min(reported, key=lambda g: (-Fraction(int(g[1]["a"]), int(g[1]["n"])), -int(g[1]["n"]), g[0]))
        best_scoring = max((int(r["s"]) / int(r["n"]) for _, r in reported), default=None)

        out = []
        for values, r in groups:
            n, a, sc = int(r["n"]), int(r["a"]), int(r["s"])
            if n == 0 or (len(spec) > 1 and inside_small_single(spec, values)):
                continue   # not listed at all: nobody scored, or a cell of a small single-attribute group
            if values in withheld:
                out.append({"values": list(values), "n": None, "suppressed": True, "suppression": withheld[values]})
                continue
            is_ref = values == reference[0]
            ref = reference[1]
            n_ref, a_ref = int(ref["n"]), int(ref["a"])
            lower, upper = wilson(a, n)
            g = {
                "values": list(values), "n": n, "suppressed": False, "suppression": None, "reference": is_ref,
                "favourable": a, "selectionRate": a / n, "wilsonLower": lower, "wilsonUpper": upper,
                "impactRatio": None if a_ref == 0 else (a * n_ref) / (a_ref * n),
                "belowFourFifths": None, "fisherP": None, "z": None, "zP": None, "shortfall": None,
                "scoringRate": sc / n,
                "scoringImpactRatio": (sc / n) / best_scoring if best_scoring else None,
                "meanScore": num(r["mean"]), "scoreStandardDeviation": num(math.sqrt(r["var"])) if n >= 2 else None,
                "hedgesG": None,
                "insufficientEvidenceRate": int(r["insufficient"]) / (int(r["subjects"]) * C) if C else None,
            }
            if not is_ref:
                below = 5 * a * n_ref < 4 * a_ref * n
                z, zp = z_test(a, n, a_ref, n_ref)
                g.update({
                    "belowFourFifths": below,
                    "fisherP": fisher_p(a, n - a, a_ref, n_ref - a_ref),
                    "z": z, "zP": zp,
                    "shortfall": max(0, -((a * n_ref - a_ref * n) // n_ref)),
                    "hedgesG": num(hedges_g(r["mean"], r["var"], n, ref["mean"], ref["var"], n_ref)),
                })
            g["competencies"] = [{
                "id": competencies[c],
                "meanLevel": num(r[f"lm{c}"]) if r[f"lc{c}"] > 0 else None,
                "hedgesG": None if is_ref else num(hedges_g(r[f"lm{c}"], r[f"lv{c}"], int(r[f"lc{c}"]),
                                                            ref[f"lm{c}"], ref[f"lv{c}"], int(ref[f"lc{c}"]))),
            } for c in range(C)]
            mix = []
            for c, found in multi.items():
                wins = [int(path_counts[c].get(values + (p,), 0)) for p in found]
                total = sum(wins)
                mix += [{"competency": competencies[c], "path": p, "share": w / total if total else 0.0}
                        for p, w in zip(found, wins)]
            g["pathMix"] = mix
            out.append(g)
        holm_adjust(out)
        findings += fr201_findings(spec, out)
        # with suppressed groups, only the total of subjects outside reported groups is published
        analyses.append({"attributes": spec, "unknown": None if withheld else unknown,
                         "unreported": total_scored - sum(int(r["n"]) for v, r in groups if v not in withheld) if withheld else None,
                         "reference": None if reference is None else list(reference[0]), "groups": out})

    paths = []
    for c, found in multi.items():
        won = scored[scored[f"level{c}"].notna() & scored[f"path{c}"].notna()]
        by = won.groupby(f"path{c}")[f"level{c}"]
        total = len(won)
        for p in found:
            mine = won.loc[won[f"path{c}"] == p, f"level{c}"]
            others = won.loc[won[f"path{c}"] != p, f"level{c}"]
            paths.append({"competency": competencies[c], "path": p, "subjects": len(mine), "share": len(mine) / total,
                          "meanLevel": num(mine.mean()),
                          "hedgesG": num(hedges_g(mine.mean(), mine.var(ddof=1), len(mine),
                                                  others.mean(), others.var(ddof=1), len(others)))})
        del by

    return {
        "subjects": len(scores), "scored": int(scores["scored"].sum()),
        "insufficientEvidence": int((~scores["scored"]).sum()),
        "favourable": favourable, "medianScore": median, "minGroupSize": k,
        "insufficientEvidenceRate": int(data["insufficient"].sum()) / (len(data) * C) if C and len(data) else None,
        "analyses": analyses, "paths": paths, "findings": findings,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scores")
    parser.add_argument("attributes")
    parser.add_argument("--by", required=True)
    parser.add_argument("--intersect", action="store_true")
    parser.add_argument("--favourable", default="Exceptional,Strong")
    parser.add_argument("--min-group-size", type=int, default=5)
    parser.add_argument("--out")
    args = parser.parse_args()
    names = [n.strip() for n in args.by.split(",") if n.strip()]
    start = (time.perf_counter(), time.process_time())
    scores, competencies = read_scores(args.scores)
    start = phase("read scores", start)
    attributes = read_attributes(args.attributes, names)
    start = phase("read attributes", start)
    report = audit(scores, competencies, attributes, names, args.intersect,
                   [b.strip() for b in args.favourable.split(",")], args.min_group_size)
    start = phase("statistics", start)
    text = json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    else:
        print(text)
    phase("write", start)
    print("pandas phases: " + ", ".join(f"{name} {wall:.2f} s ({cpu:.2f} s CPU)" for name, wall, cpu in PHASES), file=sys.stderr)


if __name__ == "__main__":
    main()
