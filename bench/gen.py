#!/usr/bin/env python3
"""Writes N chip files into DIR: the bundled chips, copied round-robin under new ids, so validate and rank see
realistic files of realistic size. Usage: gen.py N DIR SOURCE_DIR"""
import json
import sys
from pathlib import Path

count, out, source = int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
templates = [json.loads(p.read_text()) for p in sorted(source.glob("*.json"))]
out.mkdir(parents=True, exist_ok=True)
for i in range(count):
    chip = dict(templates[i % len(templates)])
    chip["id"] = f"gen-{i:06d}"
    chip["aliases"] = [f"g{i}"]
    chip.pop("$schema", None)
    (out / f"gen-{i:06d}.json").write_text(json.dumps(chip, indent=2) + "\n")
