#!/usr/bin/python3
"""Writes a synthetic scored population for the pandas + SciPy comparison (benchmarks/compare/README.md):

    /usr/bin/python3 generate.py OUT_DIR [--subjects 1000000] [--seed 7] [--partitions]

OUT_DIR receives
  scores.jsonl    one score result a line, the shape `fairrubrics score` writes (two competencies, the first
                  with three alternative paths; about 500 bytes a line), in a shuffled subject order;
  attributes.csv  subject,gender,ethnicity,unit in another shuffled order; empty cell = unknown;
  parts/          with --partitions: scores.jsonl split by business unit (unit-NN.jsonl), for the folder audit.

The population has what makes an audit hard: about 2% insufficient-evidence results, 5% of scored results
without one competency, unknown attribute values (3.5% of genders, 4% of ethnicities), 0.5% of scored
subjects without an attributes row, attribute rows of people without a result, tiny groups (3 self-described,
4 Pacific Islander, about 60 Middle Eastern people: small cells in the intersection), and moderate gaps by
gender and ethnicity. Deterministic for a given seed.
"""

import argparse
import os

import numpy as np

HASH = "5f0c3d0e1b8a2c4e6f7a9b1c3d5e7f90a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0"
GENDERS = ["female", "male", "non-binary", ""]
GENDER_P = [0.47, 0.47, 0.025, 0.035]
ETHNICITIES = ["White", "Asian", "Black", "Hispanic", "Mixed", ""]
ETHNICITY_P = [0.52, 0.17, 0.13, 0.11, 0.03, 0.04]
GENDER_EFFECT = {"female": -0.12, "male": 0.0, "non-binary": -0.2, "": 0.0, "self-described": 0.0}
ETHNICITY_EFFECT = {"White": 0.0, "Asian": 0.05, "Black": -0.18, "Hispanic": -0.08, "Mixed": -0.03, "": 0.0,
                    "Pacific Islander": 0.0, "Middle Eastern": -0.1}
PATHS = ["broad-network", "altruistic-contribution", "knowledge-sharing"]
UNITS = 8


def band(overall):
    if overall >= 4.5:
        return "Exceptional"
    if overall >= 3.5:
        return "Strong"
    if overall >= 2.5:
        return "Solid"
    return "Developing"


def level_json(level):
    return "null" if level is None else repr(level)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--subjects", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--partitions", action="store_true")
    args = parser.parse_args()
    n = args.subjects
    rng = np.random.default_rng(args.seed)
    os.makedirs(args.out, exist_ok=True)

    ids = [f"S{i:07d}" for i in range(n)]
    gender = rng.choice(len(GENDERS), size=n, p=GENDER_P)
    ethnicity = rng.choice(len(ETHNICITIES), size=n, p=ETHNICITY_P)
    genders = [GENDERS[g] for g in gender]
    ethnicities = [ETHNICITIES[e] for e in ethnicity]
    # tiny groups, at fixed random positions
    tiny = rng.choice(n, size=3 + 4 + max(1, n * 60 // 1_000_000), replace=False)
    for i in tiny[:3]:
        genders[i] = "self-described"
    for i in tiny[3:7]:
        ethnicities[i] = "Pacific Islander"
    for i in tiny[7:]:
        ethnicities[i] = "Middle Eastern"
    unit = rng.integers(0, UNITS, size=n)

    insufficient = rng.random(n) < 0.02
    missing_relationships = rng.random(n) < 0.05
    ability = rng.normal(0.0, 0.8, size=n)
    noise_r = rng.normal(0.0, 0.6, size=n)
    noise_d = rng.normal(0.0, 0.6, size=n)
    path_draw = rng.random(n)
    evidence = rng.integers(1, 9, size=(n, 4))
    effect = np.array([GENDER_EFFECT[g] + ETHNICITY_EFFECT[e] for g, e in zip(genders, ethnicities)])
    # women and non-binary people win relationships more often by helping others succeed (path mix)
    altruistic_bias = np.array([0.15 if g in ("female", "non-binary") else 0.0 for g in genders])

    def half_steps(x):
        return np.clip(np.round(x * 2) / 2, 1.0, 5.0)

    rel = half_steps(3.0 + ability + effect + noise_r)
    dlv = half_steps(3.1 + ability + effect + noise_d)

    order = rng.permutation(n)
    parts = None
    if args.partitions:
        os.makedirs(os.path.join(args.out, "parts"), exist_ok=True)
        parts = [open(os.path.join(args.out, "parts", f"unit-{u:02d}.jsonl"), "w", encoding="utf-8", newline="\n")
                 for u in range(UNITS)]
    prefix = '","rubric":"compare","rubricVersion":"1.0.0","rubricHash":"' + HASH + '","asOf":"2026-06-30","status":"'
    with open(os.path.join(args.out, "scores.jsonl"), "w", encoding="utf-8", newline="\n") as out:
        lines = []
        for i in order:
            i = int(i)
            e = evidence[i]
            if insufficient[i]:
                line = ('{"subject":"' + ids[i] + prefix + 'insufficient-evidence","overall":null,"band":null,"competencies":['
                        '{"id":"relationships","status":"insufficient-evidence","level":null,"path":null,"paths":['
                        '{"id":"broad-network","level":null,"evidence":0},{"id":"altruistic-contribution","level":null,"evidence":1},'
                        '{"id":"knowledge-sharing","level":null,"evidence":0}]},'
                        '{"id":"delivery","status":"insufficient-evidence","level":null,"path":null,"paths":['
                        '{"id":"outcomes","level":null,"evidence":0}]}]}')
            else:
                d = float(dlv[i])
                if missing_relationships[i]:
                    r = None
                    overall = d
                    winner = None
                else:
                    r = float(rel[i])
                    overall = (r + 2 * d) / 3
                    p = path_draw[i] - altruistic_bias[i]
                    winner = 0 if p > 0.55 else (1 if p < 0.2 else 2)
                levels = [None, None, None]
                if r is not None:
                    levels[winner] = r
                    for k in range(3):
                        if k != winner:
                            levels[k] = max(1.0, r - 0.5 * (1 + (e[k] % 3))) if e[k] % 4 else None
                rel_json = ('{"id":"relationships","status":"' + ("scored" if r is not None else "insufficient-evidence")
                            + '","level":' + level_json(r) + ',"path":'
                            + ("null" if winner is None else '"' + PATHS[winner] + '"') + ',"paths":['
                            + ",".join('{"id":"' + PATHS[k] + '","level":' + level_json(levels[k]) + ',"evidence":'
                                       + str(int(e[k]) if levels[k] is not None else 0) + "}" for k in range(3))
                            + "]}")
                line = ('{"subject":"' + ids[i] + prefix + 'scored","overall":' + repr(overall) + ',"band":"' + band(overall)
                        + '","competencies":[' + rel_json + ',{"id":"delivery","status":"scored","level":' + repr(d)
                        + ',"path":"outcomes","paths":[{"id":"outcomes","level":' + repr(d) + ',"evidence":'
                        + str(int(e[3])) + "}]}]}")
            lines.append(line)
            if parts is not None:
                parts[unit[i]].write(line + "\n")
            if len(lines) == 10_000:
                out.write("\n".join(lines) + "\n")
                lines.clear()
        if lines:
            out.write("\n".join(lines) + "\n")
    if parts is not None:
        for p in parts:
            p.close()

    # attributes: 0.5% of subjects have no row; 0.5% extra rows for people without a result
    has_row = rng.random(n) >= 0.005
    extra = n // 200
    rows = [f"{ids[i]},{genders[i]},{ethnicities[i]},unit-{unit[i]:02d}" for i in range(n) if has_row[i]]
    rows += [f"X{i:07d},{GENDERS[i % 2]},{ETHNICITIES[i % 5]},unit-{i % UNITS:02d}" for i in range(extra)]
    rows = [rows[int(i)] for i in rng.permutation(len(rows))]
    with open(os.path.join(args.out, "attributes.csv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("subject,gender,ethnicity,unit\n")
        out.write("\n".join(rows) + "\n")
    print(f"{args.out}: {n} results, {len(rows)} attribute rows")


if __name__ == "__main__":
    main()
