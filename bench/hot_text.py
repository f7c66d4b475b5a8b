#!/usr/bin/env python3
"""Write cmake/hot-text.ld: the code xpuspec runs for everyday questions, placed together at the start of its text.

Why: the kernel maps a file-backed binary 64 KB at a time as the code first touches it, and each of those faults
cost 4.6-4.9 us on the 2-core VM bench/run measures (a cached file, touched at 64 KB strides). Left where the
compiler and the archives put it, the code `compare --all` runs lay spread over the whole 2.8 MB of text: 39 of
its 45 windows faulted in every run.

How: run the Release binary under callgrind (valgrind) over the questions below and count, for every function, how
many questions entered it; find each function's input section in the link map the static build writes
(build/xpuspec.map: input sections with their addresses) by its address in the binary (nm); write a linker script
that GNU ld inserts before .text (`INSERT BEFORE .text`), naming those sections, what most questions run first.
A stale list costs speed, not correctness: a section the script names that no longer exists matches nothing, and a
new function lands in .text as before (the ctest "the code everyday questions run is linked first" says when too
little of the list matches). Run it again after a change that moves much code, then bench/run. The list is for
the toolchain that made it (its .comment line is in the header): another compiler or libc names other sections.

Usage: bench/hot_text.py [BUILD_DIR]   (default: build; needs valgrind)
"""
import bisect
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
binary = os.path.join(build, "xpuspec")
link_map = os.path.join(build, "xpuspec.map")
out_path = os.path.join(root, "cmake", "hot-text.ld")


def refuse(why):
    sys.exit(f"hot_text: {why}; {out_path} left as it was")


if not shutil.which("valgrind"):
    refuse("needs valgrind (apt-get install valgrind)")
for needed in (binary, link_map):
    if not os.path.exists(needed):
        refuse(f"no {needed}: build the static Release binary first (scripts/run or bench/run)")
with open(link_map, errors="replace") as f:
    map_text = f.read()
if "Linker script and memory map" not in map_text:
    refuse(f"{link_map} is not a GNU ld map")
# The map must be this binary's: a build switched to the sanitizers keeps an old map beside a new binary.
sections_table = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout
text_address = re.search(r"\s\.text\s+PROGBITS\s+([0-9a-f]+)", sections_table)
mapped_address = re.search(r"^\.text\s+0x([0-9a-f]+)", map_text, re.M)
if not text_address or not mapped_address or int(text_address.group(1), 16) != int(mapped_address.group(1), 16):
    refuse(f"{link_map} is not the map of {binary} (their .text addresses differ)")
comment = subprocess.run(["readelf", "-p", ".comment", binary], capture_output=True, text=True, check=True).stdout
toolchain = next((m.group(1).strip() for m in re.finditer(r"\]\s+(GCC: .*)$", comment, re.M)), "unknown")

# The questions a terminal, a script or CI asks most: bench/run's latency cases and their neighbours.
questions = [f"compare --all --format {f}" for f in ("table", "json", "jsonl", "csv", "tsv", "markdown", "html")]
questions += [
    "compare h100 a100", "compare h100 --format csv", "compare h100 ascend-910b --baseline h100 --json",
    "list", "list --json", "rank --by tflops_per_watt", "rank --by tflops_per_watt --format csv",
    "show h100", "match h100 ascend-910b", "metrics", f"validate {root}/data/chips",
]
# And over a user's files, which are parsed as they load: bench/run's scale cases.
user_data = f"--no-bundled --data {root}/data/chips"
questions += [f"{user_data} {q}" for q in ("list --format csv", "rank --by tflops_per_watt --format csv",
                                           "rank --by tflops_per_watt --json", "compare --all --format csv")]
# What every run executes out of callgrind's sight (perf record -e page-faults found them): the entry point,
# libc's start (callgrind's "below main"), crtbegin's constructor and destructor hooks, and the vDSO's set-up,
# which valgrind does not give a static binary.
unseen = ["_start", "__libc_start_main_impl", "__libc_start_call_main", "frame_dummy", "__do_global_dtors_aux",
          "_dl_non_dynamic_init", "setup_vdso", "_dl_new_object", "_dl_setup_hash", "_dl_lookup_symbol_x"]

entered = collections.Counter()  # function (mangled) -> how many of the questions entered it
with tempfile.TemporaryDirectory() as work:
    for i, question in enumerate(questions):
        profile = os.path.join(work, f"callgrind.{i}")
        subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={profile}", binary]
                       + question.split(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if not os.path.exists(profile):
            sys.exit(f"hot_text: callgrind wrote no profile for `xpuspec {question}`")
        with open(profile, errors="replace") as f:
            # "fn=(12) name" names a function the first time, later lines only "(12)"; "'2" marks a recursion.
            text = f.read()
        entered.update({m.group(1).split("'")[0] for m in re.finditer(r"^c?fn=\(\d+\) (\S+)", text, re.M)})
for name in unseen:
    entered[name] = len(questions)

# Where each entered function is in the binary (aliases such as a constructor's C1 and C2 share an address).
addresses = collections.defaultdict(int)
nm = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
for line in nm.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] in "tTwWiI" and entered[parts[2]]:
        address = int(parts[0], 16)
        addresses[address] = max(addresses[address], entered[parts[2]])
entry_points = sorted(addresses)

# The map's text output sections (.text, and this script's own once linked with it): each input section's name
# (on its own line when long), then its address, size and file.
section_line = re.compile(r"^ (\.text\S*)(?:\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*))?$")
place_line = re.compile(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")
sections = []  # [name, address, size, file]
inside = False
for line in map_text.splitlines():
    if line and not line.startswith(" "):
        inside = line.split()[0] in (".text", ".text.hot_first")
        continue
    if not inside:
        continue
    m = section_line.match(line)
    if m:
        placed = m.group(2) is not None
        sections.append([m.group(1), int(m.group(2), 16) if placed else None,
                         int(m.group(3), 16) if placed else None, m.group(4)])
    elif sections and sections[-1][1] is None and (m := place_line.match(line)):
        sections[-1][1:] = [int(m.group(1), 16), int(m.group(2), 16), m.group(3)]


def questions_entering(address, size):
    # The most questions that entered any function starting in the section.
    first = bisect.bisect_left(entry_points, address)
    last = bisect.bisect_left(entry_points, address + size)
    return max((addresses[a] for a in entry_points[first:last]), default=0)


def pattern(name, file):
    # A function's own section is named after it (where clones or internal functions of two files share a name,
    # both move, which costs nothing); a plain C object's .text is told apart by its archive member or file.
    if re.match(r"\.text\.(unlikely\.|hot\.|startup\.|exit\.)?_Z", name):
        return f"*({name})"
    member = re.match(r".*/([^/]+\.a)\(([^)]+)\)$", file)
    return f"*{member.group(1)}:{member.group(2)}({name})" if member else f"*{os.path.basename(file)}({name})"


# What every question runs (start-up, the command line, loading) first, then what fewer do: a question touches
# a prefix of the hot code and little beyond it. Among equals, the order of the map (the compiler's, in a build
# linked without the script) keeps a file's functions together.
hot = []
for place, (name, address, size, file) in enumerate(sections):
    if size and file:
        count = questions_entering(address, size)
        if count > 0:
            hot.append((-count, place, pattern(name, file), size))
rules, hot_bytes = [], 0
for _, _, rule, size in sorted(hot):
    if rule not in rules:
        rules.append(rule)
        hot_bytes += size
if len(rules) < 100:
    refuse(f"only {len(rules)} sections found for {len(entered)} functions entered: is {link_map} this build's?")

text = [
    "/* Generated by bench/hot_text.py from callgrind runs of everyday questions: the code they run, placed",
    f"   together before the rest of .text ({len(rules)} sections, {hot_bytes // 1024} KB), what most questions run",
    "   first, so that first touches fault in a dozen 64 KB windows rather than the whole text. Order and",
    "   placement only: a name that matches nothing is ignored. Regenerate after moving much code",
    "   (bench/hot_text.py, then bench/run).",
    f"   toolchain: {toolchain} */",
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
