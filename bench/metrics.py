#!/usr/bin/env python3
"""What a user would otherwise write: TFLOPS/W and GB/s per TFLOPS (dense bf16) over chip files, in Python.

Handles the same value forms xpuspec does (plain "989.4 TFLOPS", {"dense", "sparse"}, the long form, missing
words), so the comparison is fair. Prints one line per chip: id, tflops_per_watt, bandwidth_gb_s_per_tflop.
"""
import json
import sys
from pathlib import Path

FACTORS = {"GFLOPS": 1e-3, "TFLOPS": 1, "PFLOPS": 1e3, "EFLOPS": 1e6, "W": 1, "kW": 1e3,
           "MB/s": 1e-3, "GB/s": 1, "TB/s": 1e3, "MiB/s": 1048576 / 1e9, "GiB/s": 2**30 / 1e9, "TiB/s": 2**40 / 1e9,
           "Mb/s": 1e-3 / 8, "Gb/s": 1 / 8, "Tb/s": 1e3 / 8, "Gbps": 1 / 8, "Tbps": 1e3 / 8}


def amount(v):
    if v is None:
        return None
    if isinstance(v, dict):
        if "unit" in v:
            return v["value"] * FACTORS[v["unit"]]
        return amount(v.get("value"))
    if v in ("unsupported", "unpublished", "unknown"):
        return None
    number, unit = v.split(None, 1) if " " in v else (v, "")
    return float(number) * FACTORS[unit.strip()]


def dense(rate):
    if isinstance(rate, dict) and ("dense" in rate or "sparse" in rate):
        return amount(rate.get("dense"))
    return amount(rate)


def fmt(x):
    return "null" if x is None else repr(x)


for path in sorted(Path(sys.argv[1]).glob("*.json")):
    chip = json.loads(path.read_text())
    tflops = dense(chip.get("compute", {}).get("bf16"))
    watts = amount(chip.get("power", {}).get("tdp"))
    bandwidth = amount(chip.get("memory", {}).get("bandwidth"))
    per_watt = tflops / watts if tflops and watts else None
    per_tflop = bandwidth / tflops if tflops and bandwidth else None
    print(chip["id"], fmt(per_watt), fmt(per_tflop))
