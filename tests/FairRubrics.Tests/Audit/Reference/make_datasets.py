#!/usr/bin/python3
"""Generates the outcome-audit reference cases (cases/<name>/scores.jsonl and attributes.csv).

Deterministic: every case has its own fixed seed (numpy's PCG64 via default_rng), so running this again
gives byte-identical files. Run with the Debian system Python (see README.md):

    /usr/bin/python3 make_datasets.py

The score lines have the shape `fairrubrics score` writes (PRODUCT.md 4, src/FairRubrics/Scoring/ScoreJson.cs)
for rubric.yaml in this folder: three competencies in the rubric's order,
relationships (weight 1, best-of over broad-network / altruistic-contribution / knowledge-sharing),
delivery (weight 2) and quality-of-work (weight 1); missing-evidence: exclude; overall = weighted mean of
the competency levels that exist; band = first band in descending min with overall >= min.

Each case decides first who is favourable, then the attribute values (either by exact allocation of
counts, or by sampling), then a score consistent with the favourable flag (band Exceptional/Strong when
favourable, Solid/Developing otherwise).
"""

import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")

RUBRIC_ID = "audit-reference"
RUBRIC_VERSION = "1.0.0"
# The content hash `fairrubrics score` reports for rubric.yaml (comments do not enter it).
RUBRIC_HASH = "cc1e488f7f84164e01005ebc348be3d5f18e1653dbdb9a4411ade079e8dbac47"
AS_OF = "2025-06-30"

# (competency id, weight, paths as (id, kind)); kind: rating or count (with thresholds level -> count)
ALTRUISTIC = {1: 1, 2: 3, 3: 6, 4: 10, 5: 15}
KNOWLEDGE = {1: 1, 2: 4, 3: 8, 4: 12, 5: 20}
COMPETENCIES = [
    ("relationships", 1, [("broad-network", "rating", None),
                          ("altruistic-contribution", "count", ALTRUISTIC),
                          ("knowledge-sharing", "count", KNOWLEDGE)]),
    ("delivery", 2, [("outcomes", "rating", None)]),
    ("quality-of-work", 1, [("work-review", "rating", None)]),
]
BANDS = [("Exceptional", 4.5), ("Strong", 3.5), ("Solid", 2.5), ("Developing", 0.0)]
FAVOURABLE = ("Exceptional", "Strong")
ATTRIBUTES = ["gender", "ethnicity", "age-band"]


def band_of(overall):
    for label, minimum in BANDS:
        if overall >= minimum:
            return label
    return None


def overall_of(levels):
    """levels: competency levels in rubric order (None = insufficient). Sums in rubric order like the scorer."""
    total = 0.0
    weights = 0.0
    for (_, weight, _), level in zip(COMPETENCIES, levels):
        if level is not None:
            total += weight * level
            weights += weight
    return None if weights == 0 else total / weights


def num(x):
    """A JSON number as the scorer writes it: integral doubles without a fraction."""
    if x is None:
        return None
    x = float(x)
    return int(x) if x.is_integer() else x


# --------------------------------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------------------------------

BAND_CENTRE = {"Exceptional": 4.85, "Strong": 4.0, "Solid": 3.0, "Developing": 1.9}


def rating_level(rng, centre, spread):
    # ratings are aggregated by median, so half levels occur (mean of the two middle ratings)
    step = 0.5 if rng.random() < 0.25 else 1.0
    value = round((centre + rng.normal(0, spread)) / step) * step
    return min(5.0, max(1.0, value))


def count_level(rng, centre, spread):
    return float(min(5, max(1, int(round(centre + rng.normal(0, spread))))))


def sample_levels(rng, band, shift=0.0, spread=0.7):
    """Competency levels (rubric order, None = insufficient) whose overall falls in `band`, plus which
    relationships path wins. Rejection sampling around the band's centre."""
    centre = BAND_CENTRE[band] + shift
    for _ in range(10000):
        winner = int(rng.choice(3, p=[0.4, 0.35, 0.25]))
        if winner == 0:
            rel = rating_level(rng, centre, spread)
        else:
            rel = count_level(rng, centre, spread)
        dlv = rating_level(rng, centre, spread)
        qual = rating_level(rng, centre, spread)
        levels = [rel, dlv, qual]
        u = rng.random()
        if u < 0.04:
            levels[0] = None  # no relationships evidence at all
        elif u < 0.07:
            levels[2] = None
        elif u < 0.085:
            levels[1] = None
        overall = overall_of(levels)
        if overall is not None and band_of(overall) == band:
            return levels, winner
    raise RuntimeError("cannot sample band " + band)


def fixed_levels(rng, overall):
    """Levels whose overall is exactly `overall` (an integer), in varied compositions."""
    options = []
    for rel in (1, 2, 3, 4, 5):
        for qual in (1, 2, 3, 4, 5):
            for dlv2 in range(2, 11):  # delivery in half steps 1..5
                dlv = dlv2 / 2
                if rel + 2 * dlv + qual == 4 * overall:
                    options.append([float(rel), dlv, float(qual)])
    levels = options[int(rng.integers(len(options)))]
    assert overall_of(levels) == overall
    return levels, int(rng.integers(3))


def count_for(rng, thresholds, level):
    lo = thresholds[int(level)]
    hi = thresholds[int(level) + 1] - 1 if int(level) < 5 else lo + 6
    return int(rng.integers(lo, hi + 1))


def path_records(rng, competency, level, winner):
    """Paths of a competency consistent with its level under best-of (ties go to the first path)."""
    _, _, paths = competency
    records = []
    if level is None:
        for pid, kind, _ in paths:
            # a rating path may have one rating (below min-ratings 2): evidence 1, no level
            evidence = 1 if kind == "rating" and rng.random() < 0.3 else 0
            records.append({"id": pid, "level": None, "evidence": evidence})
        return records, None
    if len(paths) == 1:
        winner = 0
    for i, (pid, kind, thresholds) in enumerate(paths):
        if i == winner:
            path_level = level
        else:
            if rng.random() < 0.35:
                path_level = None
            else:
                # earlier paths must be strictly lower (else they would win the tie), later ones <= level
                top = level - 1 if i < winner else level
                if top < 1:
                    path_level = None
                elif kind == "rating":
                    path_level = float(rng.integers(2, int(top * 2) + 1)) / 2
                    path_level = max(1.0, path_level)
                else:
                    path_level = float(rng.integers(1, int(np.floor(top)) + 1))
        if path_level is None:
            evidence = 1 if kind == "rating" and rng.random() < 0.2 else 0
        elif kind == "rating":
            evidence = int(rng.integers(2, 6))
        else:
            evidence = count_for(rng, thresholds, path_level)
        records.append({"id": pid, "level": path_level, "evidence": evidence})
    return records, paths[winner][0]


def score_line(rng, subject, status, levels=None, winner=0):
    competencies = []
    if status == "scored":
        overall = overall_of(levels)
        band = band_of(overall)
    else:
        overall = None
        band = None
        levels = [None] * len(COMPETENCIES)
    for competency, level in zip(COMPETENCIES, levels):
        paths, path = path_records(rng, competency, level, winner)
        competencies.append({
            "id": competency[0],
            "status": "scored" if level is not None else "insufficient-evidence",
            "level": num(level),
            "path": path,
            "paths": [{"id": p["id"], "level": num(p["level"]), "evidence": p["evidence"]} for p in paths],
        })
    return {
        "subject": subject, "rubric": RUBRIC_ID, "rubricVersion": RUBRIC_VERSION, "rubricHash": RUBRIC_HASH,
        "asOf": AS_OF, "status": status, "overall": num(overall), "band": band, "competencies": competencies,
    }


def pick_band(rng, favourable, p_top=0.3, p_solid=0.6):
    if favourable:
        return "Exceptional" if rng.random() < p_top else "Strong"
    return "Solid" if rng.random() < p_solid else "Developing"


# --------------------------------------------------------------------------------------------------
# Attributes
# --------------------------------------------------------------------------------------------------

def allocate(rng, fav, specs, attrs):
    """Exact allocation: fav is a bool array over the scored subjects. specs: list of (attribute names,
    [(values tuple, n, favourable count)]), a values entry "" meaning unknown. Counts must add up to the
    totals. Returns {attribute: array of values}."""
    out = {a: np.array([""] * len(fav), dtype=object) for a in attrs}
    # unknown cells are filled first and always from the same priority order, so that the subjects
    # unknown on one attribute tend to be unknown on the others too (some then get no row at all)
    priority = rng.permutation(len(fav))
    fav_idx = np.array([i for i in priority if fav[i]], dtype=int)
    unfav_idx = np.array([i for i in priority if not fav[i]], dtype=int)
    for names, cells in specs:
        n_fav = sum(c[2] for c in cells)
        n_all = sum(c[1] for c in cells)
        assert n_fav == len(fav_idx) and n_all - n_fav == len(unfav_idx), (names, n_all, n_fav)
        blank = [c for c in cells if all(v == "" for v in c[0])]
        known = [c for c in cells if not all(v == "" for v in c[0])]
        b_fav = sum(c[2] for c in blank)
        b_unfav = sum(c[1] - c[2] for c in blank)
        f = np.concatenate([fav_idx[:b_fav], rng.permutation(fav_idx[b_fav:])])
        u = np.concatenate([unfav_idx[:b_unfav], rng.permutation(unfav_idx[b_unfav:])])
        fi = ui = 0
        for values, n, a in blank + known:
            for idx in list(f[fi:fi + a]) + list(u[ui:ui + n - a]):
                for name, value in zip(names, values):
                    out[name][idx] = value
            fi += a
            ui += n - a
    return out


def csv_cell(value):
    if any(ch in value for ch in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_case(name, lines, attribute_rows, columns, rng):
    """lines: score dicts in file order. attribute_rows: {subject: {attr: value}} (subjects without a row
    are absent). Rows are written in a shuffled order, unrelated to the score order."""
    folder = os.path.join(CASES, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "scores.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    subjects = list(attribute_rows)
    order = rng.permutation(len(subjects))
    with open(os.path.join(folder, "attributes.csv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(",".join(columns) + "\n")
        for i in order:
            subject = subjects[i]
            row = dict(attribute_rows[subject], subject=subject)
            fh.write(",".join(csv_cell(row.get(c, "")) for c in columns) + "\n")
    size = sum(os.path.getsize(os.path.join(folder, f)) for f in ("scores.jsonl", "attributes.csv"))
    print(f"{name}: {len(lines)} score lines, {len(attribute_rows)} attribute rows, {size / 1e6:.2f} MB")


def build(name, seed, fav, attrs, *, insufficient, columns, prefix, extra_rows, score_fn=None,
          missing_row_share=0.5, insufficient_missing_share=0.3):
    """fav: bool array of the scored subjects; attrs: {attribute: values array} for them.
    insufficient: number of insufficient-evidence subjects (random attributes, some without a row).
    A scored subject whose attributes are all unknown gets no row with probability missing_row_share,
    otherwise a row of empty cells."""
    rng = np.random.default_rng(seed + 1000)
    n = len(fav)
    scored = []
    for i in range(n):
        values = {a: attrs[a][i] for a in ATTRIBUTES}
        if score_fn is not None:
            levels, winner = score_fn(rng, bool(fav[i]), values)
        else:
            levels, winner = sample_levels(rng, pick_band(rng, bool(fav[i])))
        scored.append((levels, winner, values))
    total = n + insufficient
    ids = [f"{prefix}{k:05d}" for k in rng.permutation(total)]
    slots = rng.permutation(total)  # position in the file
    lines = [None] * total
    rows = {}
    for i, (levels, winner, values) in enumerate(scored):
        subject = ids[i]
        line = score_line(rng, subject, "scored", levels, winner)
        assert (line["band"] in FAVOURABLE) == bool(fav[i])
        lines[slots[i]] = line
        if all(v == "" for v in values.values()) and rng.random() < missing_row_share:
            continue
        rows[subject] = values
    pools = {a: sorted(set(attrs[a]) - {""}) for a in ATTRIBUTES}
    for j in range(insufficient):
        subject = ids[n + j]
        lines[slots[n + j]] = score_line(rng, subject, "insufficient-evidence")
        if rng.random() < insufficient_missing_share:
            continue
        rows[subject] = {a: (pools[a][int(rng.integers(len(pools[a])))] if pools[a] and rng.random() < 0.9 else "")
                         for a in ATTRIBUTES}
    for j in range(extra_rows):
        rows[f"X{prefix}{j:04d}"] = {a: (pools[a][int(rng.integers(len(pools[a])))] if pools[a] else "")
                                    for a in ATTRIBUTES}
    write_case(name, lines, rows, columns, rng)


def fav_flags(rng, n, a):
    flags = np.zeros(n, dtype=bool)
    flags[:a] = True
    return rng.permutation(flags)


# --------------------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------------------

HEADER = ["subject", "gender", "ethnicity", "age-band"]


def sampled_attributes(rng, n, dists, all_unknown):
    """Independent draws per attribute; then `all_unknown` subjects have every attribute unknown."""
    out = {}
    for a in ATTRIBUTES:
        values, probs = zip(*dists[a])
        out[a] = np.array(rng.choice(np.array(values, dtype=object), size=n, p=probs), dtype=object)
    for i in rng.choice(n, size=all_unknown, replace=False):
        for a in ATTRIBUTES:
            out[a][i] = ""
    return out


def case_basic():
    """~400 subjects; women are clearly less often favourable than men."""
    seed = 101
    rng = np.random.default_rng(seed)
    n = 392
    attrs = sampled_attributes(rng, n, {
        "gender": [("female", 0.465), ("male", 0.46), ("non-binary", 0.03), ("", 0.045)],
        "ethnicity": [("White", 0.48), ("Asian", 0.22), ("Black", 0.15), ("Hispanic", 0.11), ("", 0.04)],
        "age-band": [("<30", 0.25), ("30-39", 0.3), ("40-49", 0.24), ("50+", 0.16), ("", 0.05)],
    }, all_unknown=10)
    # spread the non-binary subjects over the ethnicities so that every gender x ethnicity cell of theirs
    # is suppressed (< 5) rather than a reportable group below 2% of the data (which an auditor may drop)
    cycle = ["White", "Asian", "Black", "Hispanic"]
    nb = [i for i in range(n) if attrs["gender"][i] == "non-binary" and attrs["ethnicity"][i] != ""]
    for k, i in enumerate(nb):
        attrs["ethnicity"][i] = cycle[k % len(cycle)]
    p_gender = {"female": 0.22, "male": 0.46, "non-binary": 0.36, "": 0.35}
    p_eth = {"White": 1.05, "Asian": 1.0, "Black": 0.85, "Hispanic": 0.95, "": 1.0}
    p = np.array([p_gender[g] * p_eth[e] for g, e in zip(attrs["gender"], attrs["ethnicity"])])
    fav = rng.random(n) < p

    def score_fn(r, f, values):
        # within their band, women score a little lower, too (an overall gap, not only at the cut-off)
        shift = -0.15 if values["gender"] == "female" else 0.0
        return sample_levels(r, pick_band(r, f), shift=shift)

    build("basic", seed, fav, attrs, insufficient=11, columns=HEADER, prefix="B", extra_rows=6,
          score_fn=score_fn)


def case_ties():
    """Equal top rates: larger group wins; equal size -> ordinal-first name ("Black" < "asian" ordinally)."""
    seed = 202
    rng = np.random.default_rng(seed)
    # gender x ethnicity cells (n, favourable); unknowns have both empty
    cells = [
        (("female", "asian"), 20, 6), (("female", "Black"), 20, 6), (("female", "White"), 10, 3),
        (("male", "asian"), 40, 14), (("male", "Black"), 40, 14), (("male", "White"), 20, 2),
        (("", ""), 12, 6),
    ]
    ages = [
        (("50+",), 60, 18), (("30-39",), 40, 12), (("<30",), 20, 5), (("40-49",), 20, 5), (("",), 22, 11),
    ]
    n = sum(c[1] for c in cells)
    fav = fav_flags(rng, n, sum(c[2] for c in cells))
    attrs = allocate(rng, fav, [(("gender", "ethnicity"), cells), (("age-band",), ages)], ATTRIBUTES)
    build("ties", seed, fav, attrs, insufficient=7, columns=["subject", "age-band", "ethnicity", "gender"],
          prefix="T", extra_rows=4)


def case_small_groups():
    """Groups of 1-4 (suppressed at 5), a reportable group of exactly 5, many unknowns, a quoted value."""
    seed = 303
    rng = np.random.default_rng(seed)
    specs = [
        (("gender",), [(("female",), 50, 18), (("male",), 45, 20), (("non-binary",), 3, 3),
                       (("self-described",), 1, 0), (("",), 20, 4)]),
        (("ethnicity",), [(("White",), 40, 17), (("Asian",), 30, 12), (("Black",), 20, 6),
                          (("Mixed, other",), 4, 3), (("Indigenous",), 2, 1), (("Pacific Islander",), 1, 1),
                          (("",), 22, 5)]),
        (("age-band",), [(("<30",), 5, 4), (("30-39",), 40, 14), (("40-49",), 35, 12), (("50-59",), 4, 4),
                         (("60+",), 3, 2), (("",), 32, 9)]),
    ]
    n = 119
    fav = fav_flags(rng, n, 45)
    attrs = allocate(rng, fav, specs, ATTRIBUTES)
    build("small-groups", seed, fav, attrs, insufficient=9, columns=HEADER, prefix="S", extra_rows=5)


def case_zero_rates():
    """A group with no favourable outcome, one with all; an attribute where every group's rate is 0;
    constant scores so a pooled SD is 0."""
    seed = 404
    rng = np.random.default_rng(seed)
    specs = [
        (("gender",), [(("female",), 30, 0), (("male",), 40, 40), (("non-binary",), 10, 5), (("",), 10, 5)]),
        (("ethnicity",), [(("Black",), 10, 10), (("White",), 20, 0), (("Asian",), 45, 30), (("",), 15, 10)]),
        # every favourable subject has an unknown age band: all age-band rates are 0
        (("age-band",), [(("<30",), 16, 0), (("30-39",), 12, 0), (("40-49",), 12, 0), (("",), 50, 50)]),
    ]
    n = 90
    fav = fav_flags(rng, n, 50)
    attrs = allocate(rng, fav, specs, ATTRIBUTES)

    def score_fn(r, f, values):
        if values["gender"] == "male":
            return fixed_levels(r, 4)  # every man scores exactly 4 (Strong)
        if values["gender"] == "female":
            return fixed_levels(r, 2)  # every woman exactly 2 (Developing)
        return sample_levels(r, pick_band(r, f))

    build("zero-rates", seed, fav, attrs, insufficient=6, columns=["gender", "subject", "age-band", "ethnicity"],
          prefix="Z", extra_rows=3, score_fn=score_fn)


def case_exact_four_fifths():
    """Impact ratios of exactly 0.8 (not flagged) and just below (flagged); a Fisher near-tie."""
    seed = 505
    rng = np.random.default_rng(seed)
    specs = [
        # 24/100 against 30/100: exactly 0.8; non-binary 5/20 = 0.25 -> 0.8333
        (("gender",), [(("male",), 100, 30), (("female",), 100, 24), (("non-binary",), 20, 5), (("",), 30, 9)]),
        # 40/146 against 20/58: 0.7945..., just below; the table [[40, 106], [20, 38]] is a Fisher near-tie
        # (R / FairRubrics p = 0.39444, SciPy 1.10 p = 0.31362; docs/statistics.md)
        (("ethnicity",), [(("White",), 58, 20), (("Black",), 146, 40), (("Asian",), 24, 6), (("",), 22, 2)]),
        # reference 10/12 = 5/6; 20/30 = 2/3 is exactly 0.8, but (20/30)/(10/12) = 0.7999999999999999 in
        # doubles and 20/30 < 0.8 * (10/12) too; 19/29 -> 0.786, just below
        (("age-band",), [(("<30",), 12, 10), (("30-39",), 30, 20), (("40-49",), 29, 19), (("50+",), 159, 14),
                         (("",), 20, 5)]),
    ]
    n = 250
    fav = fav_flags(rng, n, 68)
    attrs = allocate(rng, fav, specs, ATTRIBUTES)
    build("exact-four-fifths", seed, fav, attrs, insufficient=8, columns=HEADER, prefix="E", extra_rows=4)


def case_large(n):
    """Many subjects, 3 ethnicities x 2 genders, 4 age bands, moderate gaps."""
    seed = 606
    rng = np.random.default_rng(seed)
    attrs = sampled_attributes(rng, n, {
        "gender": [("female", 0.49), ("male", 0.49), ("", 0.02)],
        "ethnicity": [("White", 0.58), ("Asian", 0.25), ("Black", 0.15), ("", 0.02)],
        "age-band": [("<30", 0.24), ("30-39", 0.32), ("40-49", 0.25), ("50+", 0.17), ("", 0.02)],
    }, all_unknown=n // 100)
    p_cell = {("male", "White"): 0.42, ("male", "Asian"): 0.40, ("male", "Black"): 0.30,
              ("female", "White"): 0.34, ("female", "Asian"): 0.37, ("female", "Black"): 0.24}
    p_age = {"<30": 0.8, "30-39": 1.0, "40-49": 1.05, "50+": 0.9, "": 1.0}
    p = np.array([p_cell.get((g, e), 0.35) * p_age[a]
                  for g, e, a in zip(attrs["gender"], attrs["ethnicity"], attrs["age-band"])])
    fav = rng.random(n) < p
    build("large", seed, fav, attrs, insufficient=int(n * 0.015), columns=HEADER, prefix="L",
          extra_rows=25, missing_row_share=0.6)


def main():
    large = int(sys.argv[1]) if len(sys.argv) > 1 else 3900
    case_basic()
    case_ties()
    case_small_groups()
    case_zero_rates()
    case_exact_four_fifths()
    case_large(large)


if __name__ == "__main__":
    main()
