#!/usr/bin/python3
"""FairRubrics against pandas + SciPy on the same files: same numbers? how much faster, in how much memory?

    /usr/bin/python3 benchmarks/compare/compare.py [--subjects 1000000] [--runs 3] [--work DIR]

Generates a population (generate.py; kept in --work and reused), builds the CLI in Release, then for --runs
rounds runs `fairrubrics audit` on the file, `fairrubrics audit` on a folder of partitions, the pandas + SciPy
audit (audit_pandas.py) and the parse floor (reading and tokenising the same files, nothing else), each under
/usr/bin/time -v. It checks that every statistic both report agrees, that the folder audit gives the
single-file numbers, and prints medians of wall time, CPU time and peak memory with their ratios.
Exit code 0 when everything agrees, 1 otherwise. Needs Debian's python3-pandas, python3-scipy and time.
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
BY = "gender,ethnicity"
FAVOURABLE = "Exceptional,Strong"

# Tolerances: counts and decisions exact; rates, ratios and p-values computed on the same integers to 1e-9
# relative (pandas' float formulas against FairRubrics' exact-integer ones); means and effect sizes from
# moments summed in a different order to 1e-9 relative or 1e-12 absolute (values near 0).
RELATIVE = 1e-9
ABSOLUTE = 1e-12


def run_timed(args, **kwargs):
    """Runs a command under /usr/bin/time -v; returns (wall s, cpu s, peak RSS MiB, stdout, stderr)."""
    proc = subprocess.run(["/usr/bin/time", "-v", *args], capture_output=True, text=True, **kwargs)
    err = proc.stderr
    def field(name):
        m = re.search(re.escape(name) + r": (.*)", err)
        return m.group(1).strip() if m else None
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    status = int(field("Exit status") or proc.returncode)
    if status not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({status}):\n{err}")
    return seconds, cpu, rss, proc.stdout, err


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)) or isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, int) and isinstance(b, int):
        return a == b
    a, b = float(a), float(b)
    if a == b:
        return True
    if a == 0 or b == 0 or (abs(a) < 1e-290 and abs(b) < 1e-290):
        return abs(a - b) <= 1e-290
    return abs(a - b) <= RELATIVE * max(abs(a), abs(b)) + ABSOLUTE * (abs(a) < 1)


class Comparison:
    def __init__(self, left, right):
        self.left, self.right = left, right
        self.compared = 0
        self.problems = []

    def value(self, where, a, b):
        self.compared += 1
        if not close(a, b):
            self.problems.append(f"{where}: {self.left} {a!r}, {self.right} {b!r}")

    def fields(self, where, mine, theirs, names):
        for name in names:
            if name not in theirs:
                continue
            self.value(f"{where} {name}", mine.get(name), theirs.get(name))


GROUP_FIELDS = ["n", "suppressed", "suppression", "reference", "favourable", "selectionRate", "wilsonLower",
                "wilsonUpper", "impactRatio", "belowFourFifths", "fisherP", "fisherPAdjusted", "z", "zP", "zPAdjusted", "shortfall", "scoringRate",
                "scoringImpactRatio", "meanScore", "scoreStandardDeviation", "hedgesG", "insufficientEvidenceRate"]


def compare_reports(fr, other, left="FairRubrics", right="pandas", findings=("FR201",)):
    c = Comparison(left, right)
    c.fields("report", fr, other, ["subjects", "scored", "insufficientEvidence", "medianScore", "minGroupSize",
                                   "insufficientEvidenceRate"])
    for theirs in other["analyses"]:
        where = " x ".join(theirs["attributes"])
        mine = next((a for a in fr["analyses"] if a["attributes"] == theirs["attributes"]), None)
        if mine is None:
            c.problems.append(f"{where}: no such analysis in {left}")
            continue
        c.fields(where, mine, theirs, ["unknown", "unreported", "reference"])
        if [g["values"] for g in mine["groups"]] != [g["values"] for g in theirs["groups"]]:
            c.problems.append(f"{where}: different groups")
            continue
        for g, h in zip(mine["groups"], theirs["groups"]):
            at = f"{where} {'/'.join(h['values'])}"
            c.fields(at, g, h, GROUP_FIELDS)
            for x, y in zip(g.get("competencies", []), h.get("competencies", [])):
                c.fields(f"{at} competency {y['id']}", x, y, ["id", "meanLevel", "hedgesG"])
            if "pathMix" in h:
                c.value(f"{at} pathMix", len(g["pathMix"]), len(h["pathMix"]))
                for x, y in zip(g["pathMix"], h["pathMix"]):
                    c.fields(f"{at} pathMix {y['path']}", x, y, ["competency", "path", "share"])
    c.value("paths", len(fr["paths"]), len(other["paths"]))
    for x, y in zip(fr["paths"], other["paths"]):
        c.fields(f"path {y['competency']}/{y['path']}", x, y, ["competency", "path", "subjects", "share", "meanLevel", "hedgesG"])
    key = lambda f: (f["id"], f["severity"], tuple(f["attributes"]), tuple(f["values"]))
    mine = sorted(key(f) for f in fr["findings"] if f["id"] in findings)
    theirs = sorted(key(f) for f in other["findings"] if f["id"] in findings)
    c.value("findings " + "/".join(findings), mine, theirs)
    return c


def median(xs):
    return statistics.median(xs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subjects", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", help="where the population and the reports go (default /tmp/fairrubrics-compare-N)")
    parser.add_argument("--configuration", default="Release", help="the build to run (CI's smoke run uses its Debug build)")
    parser.add_argument("--no-build", action="store_true", help="use the existing build")
    args = parser.parse_args()
    missing = [m for m in ("pandas", "scipy", "numpy") if not module_available(m)]
    if missing or not os.path.exists("/usr/bin/time"):
        sys.exit(f"compare.py needs Debian's python3-pandas, python3-scipy and time (missing: {', '.join(missing) or 'time'}):\n"
                 "  apt-get update && apt-get install -y python3-pandas python3-scipy python3-numpy time\n"
                 "and runs with /usr/bin/python3")
    work = args.work or f"/tmp/fairrubrics-compare-{args.subjects}"
    scores, attributes, parts = (os.path.join(work, f) for f in ("scores.jsonl", "attributes.csv", "parts"))
    stamp = os.path.join(work, "population.json")
    wanted = {"subjects": args.subjects, "seed": args.seed, "generator": os.path.getmtime(os.path.join(HERE, "generate.py"))}
    if not os.path.exists(stamp) or json.load(open(stamp)) != wanted:
        print(f"generating {args.subjects:,} subjects in {work} ...", flush=True)
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), work, "--subjects", str(args.subjects),
                        "--seed", str(args.seed), "--partitions"], check=True)
        json.dump(wanted, open(stamp, "w"))

    if not args.no_build:
        print(f"building FairRubrics ({args.configuration}) ...", flush=True)
        for project in ("src/FairRubrics.Cli", "benchmarks/FairRubrics.Benchmarks"):
            subprocess.run(["dotnet", "build", "-c", args.configuration, "--nologo", "-v", "q", "-clp:ErrorsOnly", project],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    cli = os.path.join(ROOT, f"src/FairRubrics.Cli/bin/{args.configuration}/net10.0/FairRubrics.Cli.dll")
    bench = os.path.join(ROOT, f"benchmarks/FairRubrics.Benchmarks/bin/{args.configuration}/net10.0/FairRubrics.Benchmarks.dll")

    fr_json, dir_json, pd_json = (os.path.join(work, f) for f in ("fairrubrics.json", "fairrubrics-folder.json", "pandas.json"))
    common = ["--by", BY, "--intersect", "--favourable", FAVOURABLE, "--format", "json"]
    commands = {
        "FairRubrics": ["dotnet", cli, "audit", "--scores", scores, "--attributes", attributes, *common, "--out", fr_json],
        "FairRubrics, folder": ["dotnet", cli, "audit", "--scores", parts, "--attributes", attributes, *common, "--out", dir_json],
        "pandas + SciPy": [sys.executable, os.path.join(HERE, "audit_pandas.py"), scores, attributes, "--by", BY,
                           "--intersect", "--favourable", FAVOURABLE, "--out", pd_json],
        "parse floor": ["dotnet", bench, "floor", scores, attributes],
    }
    results = {name: [] for name in commands}
    load = os.getloadavg()
    for r in range(args.runs):
        for name, command in commands.items():
            wall, cpu, rss, out, err = run_timed(command)
            results[name].append((wall, cpu, rss))
            print(f"run {r + 1}/{args.runs} {name}: {wall:.2f} s wall, {cpu:.2f} s CPU, {rss:.0f} MiB", flush=True)
            if name == "pandas + SciPy":
                phases = next((line for line in err.splitlines() if line.startswith("pandas phases")), "")
                print("   " + phases, flush=True)

    with open(fr_json) as f1, open(pd_json) as f2, open(dir_json) as f3:
        fr, pdr, folder = json.load(f1), json.load(f2), json.load(f3)
    vs_pandas = compare_reports(fr, pdr)
    vs_folder = compare_reports(fr, folder, "file", "folder", findings=("FR201", "FR202", "FR203", "FR204", "FR205"))

    def med(name, i):
        return median(x[i] for x in results[name])

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    cpu_model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    size = os.path.getsize(scores) / 1e6
    print()
    print(f"{args.subjects:,} subjects, {size:,.0f} MB of score results, by {BY} and their intersection")
    print(f"{cpu_model}, {os.cpu_count()} cores, {platform.python_version()} / pandas {pd_version()}, "
          f"{datetime.date.today().isoformat()}, commit {commit}{' (modified)' if dirty else ''}, "
          f"load average at start {load[0]:.1f}; medians of {args.runs} run(s)")
    print()
    print(f"| {'':<20} | {'wall s':>8} | {'CPU s':>8} | {'peak MiB':>9} |")
    print(f"|{'-' * 22}|{'-' * 10}|{'-' * 10}|{'-' * 11}|")
    for name in commands:
        print(f"| {name:<20} | {med(name, 0):>8.2f} | {med(name, 1):>8.2f} | {med(name, 2):>9.0f} |")
    fr_wall, pd_wall, floor_wall = med("FairRubrics", 0), med("pandas + SciPy", 0), med("parse floor", 0)
    print()
    print(f"FairRubrics is {pd_wall / fr_wall:.1f}x faster than pandas + SciPy (wall; "
          f"{med('pandas + SciPy', 1) / med('FairRubrics', 1):.1f}x in CPU time) in "
          f"{med('FairRubrics', 2) / med('pandas + SciPy', 2):.3f} of its peak memory "
          f"({med('pandas + SciPy', 2) / med('FairRubrics', 2):.0f}x less); "
          f"{fr_wall / floor_wall:.2f}x the parse floor.")
    print()
    for c, what in ((vs_pandas, "FairRubrics vs pandas + SciPy"), (vs_folder, "file vs folder of partitions")):
        verdict = "all agree" if not c.problems else f"{len(c.problems)} DISAGREE"
        print(f"{what}: {c.compared:,} values compared, {verdict}")
        for p in c.problems[:30]:
            print("  " + p)
    return 0 if not vs_pandas.problems and not vs_folder.problems else 1


def module_available(name):
    try:
        __import__(name)
        return True
    except ImportError:
        return False


def pd_version():
    try:
        import pandas
        return pandas.__version__
    except ImportError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
