#!/usr/bin/env python3
"""Write cmake/hot-text.ld: the code xpuspec runs for everyday questions, placed together at the start of its text.

Why: the kernel maps a file-backed binary 64 KB at a time as the code first touches it, and each of those faults
cost 4.6-4.9 us on the 2-core VM bench/run measures (a cached file, touched at 64 KB strides). Left where the
compiler and the archives put it, the ~600 KB that `compare --all` runs lies spread over the whole 2.8 MB of
text: 39 of its 45 windows faulted in every run. Gathered, it is a dozen.

How: run the Release binary under callgrind (valgrind) over the questions below, take every function it entered,
find the input section each lives in from the link map the static build writes (build/xpuspec.map), and write a
linker script that GNU ld inserts before .text (`INSERT BEFORE .text`), naming those sections in link order.
A stale list only costs speed: a section the script names that no longer exists matches nothing, and a new
function lands in .text as before. Run it again after a change that moves much code, then bench/run.

Usage: bench/hot_text.py [BUILD_DIR]   (default: build; needs valgrind and c++filt)
"""
import os
import re
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
binary = os.path.join(build, "xpuspec")
link_map = os.path.join(build, "xpuspec.map")
out_path = os.path.join(root, "cmake", "hot-text.ld")

# The questions a terminal, a script or CI asks most: bench/run's latency cases and their neighbours.
questions = [f"compare --all --format {f}" for f in ("table", "json", "jsonl", "csv", "tsv", "markdown", "html")]
questions += [
    "compare h100 a100", "compare h100 --format csv", "compare h100 ascend-910b --baseline h100 --json",
    "list", "list --json", "rank --by tflops_per_watt", "rank --by tflops_per_watt --format csv",
    "show h100", "match h100 ascend-910b", "metrics", f"validate {root}/data/chips",
]

entered = set()
with tempfile.TemporaryDirectory() as work:
    for i, question in enumerate(questions):
        profile = os.path.join(work, f"callgrind.{i}")
        subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={profile}", binary]
                       + question.split(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if not os.path.exists(profile):
            sys.exit(f"hot_text: callgrind wrote no profile for `xpuspec {question}`")
        with open(profile, errors="replace") as f:
            for line in f:
                # "fn=(12) name" names a function the first time; later lines repeat only "(12)".
                m = re.match(r"c?fn=\(\d+\) (.+)$", line)
                if m:
                    entered.add(m.group(1).strip())
demangled = set(subprocess.run(["c++filt"], input="\n".join(sorted(entered)), capture_output=True, text=True,
                               check=True).stdout.splitlines())

# The map's text output sections (.text, and this script's own once linked with it): each input section's name
# (on its own line when long), its address, size and file, then the global symbols in it. GCC names a function's
# section .text.NAME (or .text.unlikely.NAME, ...).
section_line = re.compile(r"^ (\.text\S*)(?:\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+(\S.*))?$")
place_line = re.compile(r"^\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+(\S.*)$")
symbol_line = re.compile(r"^\s+0x[0-9a-f]+\s+(\S.*)$")
sections = []  # [name, size, file, symbols]
with open(link_map, errors="replace") as f:
    inside = False
    for line in f:
        line = line.rstrip("\n")
        if line and not line.startswith(" "):
            inside = line.split()[0] in (".text", ".text.hot_first")
            continue
        if not inside:
            continue
        m = section_line.match(line)
        if m:
            sections.append([m.group(1), int(m.group(2), 16) if m.group(2) else None, m.group(3), []])
            continue
        if not sections:
            continue
        if sections[-1][1] is None:
            m = place_line.match(line)
            if m:
                sections[-1][1], sections[-1][2] = int(m.group(1), 16), m.group(2)
            continue
        m = symbol_line.match(line)
        if m and not m.group(1).startswith("*"):
            sections[-1][3].append(m.group(1))


def function_of(section):
    name = section[len(".text."):]
    for prefix in ("unlikely.", "hot.", "startup.", "exit."):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def runs(name, symbols):
    # A function's cold part (GCC's .text.unlikely.NAME, entered as NAME.cold) only when it ran itself.
    function = function_of(name) + (".cold" if name.startswith(".text.unlikely.") else "")
    return function in entered or any(s in demangled or s in entered for s in symbols)


def pattern(name, file):
    # A function's own section is named after its mangled name, unique in the link (COMDAT copies are one); a
    # plain C object's .text is told apart by its archive member or file.
    function = function_of(name)
    if function.startswith("_Z") or function in entered:
        return f"*({name})"
    member = re.match(r".*/([^/]+\.a)\(([^)]+)\)$", file)
    return f"*{member.group(1)}:{member.group(2)}({name})" if member else f"*{os.path.basename(file)}({name})"


rules, hot_bytes = [], 0
for name, size, file, symbols in sections:
    if not size or not file:
        continue
    if runs(name, symbols):
        rule = pattern(name, file)
        if rule not in rules:
            rules.append(rule)
            hot_bytes += size

text = [
    "/* Generated by bench/hot_text.py from callgrind runs of everyday questions: the code they run, placed",
    f"   together before the rest of .text ({len(rules)} sections, {hot_bytes // 1024} KB), so that first touches",
    "   fault in a dozen 64 KB windows rather than the whole text. Order and placement only: a name that",
    "   matches nothing is ignored. Regenerate after moving much code (bench/hot_text.py, then bench/run). */",
    "SECTIONS",
    "{",
    "  .text.hot_first :",
    "  {",
] + [f"    {r}" for r in rules] + [
    "  }",
    "}",
    "INSERT BEFORE .text;",
]
with open(out_path, "w") as f:
    f.write("\n".join(text) + "\n")
print(f"hot_text: {len(rules)} sections, {hot_bytes} bytes, from {len(entered)} functions entered -> {out_path}")
