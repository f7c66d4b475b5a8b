#!/usr/bin/env python3
"""bench/run's report: medians from hyperfine's JSON, the ratios issue 19 sets as goals, bench/results.json, and
with --check an exit status of 1 when a goal is missed. Usage: report.py WORK_DIR RESULTS_JSON [--check], or
report.py --merge OUT ROUND_JSON... to put the rounds of the scale runs together."""
import json
import os
import platform
import statistics
import sys

if sys.argv[1] == "--merge":
    # report.py --merge OUT ROUND...: one hyperfine export from several, each command's runs put together.
    merged = {}
    for path in sys.argv[3:]:
        for r in json.load(open(path))["results"]:
            into = merged.setdefault(r["command"], {"command": r["command"], "times": [], "user_times": []})
            into["times"] += r["times"]
            into["user_times"] += r.get("user_times", [r["user"]] * len(r["times"]))
    json.dump({"results": list(merged.values())}, open(sys.argv[2], "w"))
    sys.exit(0)

work, out = sys.argv[1], sys.argv[2]
check = "--check" in sys.argv[3:]


def runs(path):
    return {r["command"]: r for r in json.load(open(path))["results"]}


def median(r):
    return statistics.median(r["times"])


def median_user(r):
    # hyperfine keeps per-run user times from 1.15 on; the mean where it does not.
    return statistics.median(r["user_times"]) if "user_times" in r else r["user"]


goals = []  # (goal, figure, met)


def goal(text, figure, met):
    goals.append({"goal": text, "figure": figure, "met": bool(met)})


latency = runs(f"{work}/latency.json")
floor = median(latency["empty"])
rows = [{"case": k, "median_ms": median(v) * 1e3, "x_empty": median(v) / floor} for k, v in latency.items()]
for r in rows:
    if r["case"].startswith("compare --all"):
        goal(f"{r['case']} <= 1.5x the empty program", round(r["x_empty"], 2), r["x_empty"] <= 1.5)

cpu = runs(f"{work}/cpu.json")
json_vs_table = median_user(cpu["json"]) / median_user(cpu["table"])
goal("compare --all: JSON user CPU <= 1.1x the table's", round(json_vs_table, 3), json_vs_table <= 1.1)

floor_kb = json.load(open(f"{work}/floor.json"))["peak_kb"]
scale = []
for line in open(f"{work}/scale.jsonl"):
    s = json.loads(line)
    m = {k: median(v) for k, v in runs(f"{work}/scale-{s['files']}.json").items()}
    parse = m["parse only"]
    s["seconds"] = m
    s["x_parse"] = {k: v / parse for k, v in m.items() if k != "parse only"}
    s["kb_per_chip"] = {k: (kb - floor_kb[k]) / s["files"] for k, kb in s["peak_kb"].items()}
    n = s["files"]
    for command in ("rank", "list", "compare --all"):
        x = s["x_parse"][command]
        goal(f"{command} over {n} files <= 1.5x one-core parse", round(x, 2), x <= 1.5)
    speed = parse / m["validate -j1"]
    goal(f"validate -j1 over {n} files >= 0.5x parse speed", round(speed, 2), speed >= 0.5)
    # Per chip: the peak above the same command's over one chip (the process's own floor is not the chips').
    for command in ("rank", "rank --json", "list", "compare --all", "validate"):
        kb = s["kb_per_chip"][command]
        goal(f"{command} over {n} files: <= 2.5 KB peak memory per chip", round(kb, 2), kb <= 2.5)
    if n >= 100000:
        peak_mb = max(s["peak_kb"].values()) / 1024
        goal(f"every command over {n} files <= 250 MB peak", round(peak_mb, 1), peak_mb <= 250)
    scale.append(s)

growth = None
if len(scale) >= 2:
    a, b = scale[-2], scale[-1]
    k = b["files"] / a["files"]
    growth = {"files_x": k}
    for command in ("rank", "list", "compare --all", "validate"):
        growth[f"{command} time_x"] = b["seconds"][command] / a["seconds"][command]
        growth[f"{command} memory_x"] = b["peak_kb"][command] / a["peak_kb"][command]
    # Linear: 10x the files costs at most 12x the time (start-up is a smaller share of the larger run).
    for command in ("rank", "list", "compare --all"):
        x = growth[f"{command} time_x"]
        goal(f"{command} linear from {a['files']} to {b['files']} files (time <= 1.2 x {k:.0f})", round(x, 2),
             x <= 1.2 * k)

cpu_name = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
result = {"machine": {"cpu": cpu_name, "cores": os.cpu_count(), "kernel": platform.release()},
          "latency": rows, "floor_peak_kb": floor_kb, "json_vs_table_user_cpu": json_vs_table, "scale": scale, "growth": growth, "goals": goals}
json.dump(result, open(out, "w"), indent=2)

print(f"machine: {cpu_name}, {os.cpu_count()} cores")
print(f"\n{'latency (median)':28} {'ms':>9} {'x empty':>9}")
for r in rows:
    print(f"{r['case']:28} {r['median_ms']:9.2f} {r['x_empty']:9.2f}")
print(f"compare --all, JSON user CPU / table user CPU: {json_vs_table:.3f}")
commands = ["validate", "validate -j1", "rank", "rank --json", "list", "compare --all"]
print(f"\n{'files':>7} {'MB':>6} {'parse s':>8} " + " ".join(f"{c:>14}" for c in commands) + "   (seconds, x parse)")
for s in scale:
    cells = " ".join(f"{s['seconds'][c]:7.3f} {s['x_parse'][c]:5.2f}x" for c in commands)
    print(f"{s['files']:7} {s['bytes'] / 1e6:6.1f} {s['seconds']['parse only']:8.3f} {cells}")
print(f"\n{'files':>7} " + " ".join(f"{c:>14}" for c in floor_kb) + "   (peak MB, KB per chip above one chip's)")
for s in scale:
    cells = " ".join(f"{s['peak_kb'][c] / 1024:7.1f} {s['kb_per_chip'][c]:5.2f}" for c in floor_kb)
    print(f"{s['files']:7} {cells}")
if growth:
    print("\ngrowth " + ", ".join(f"{k} {v:.2f}" for k, v in growth.items()))
print("\ngoals (issue 19):")
for g in goals:
    print(f"  {'met ' if g['met'] else 'MISS'}  {g['goal']}: {g['figure']}")
print(f"\nresults: {out}")
missed = [g for g in goals if not g["met"]]
if check and missed:
    print(f"bench: {len(missed)} goal(s) missed", file=sys.stderr)
    sys.exit(1)
