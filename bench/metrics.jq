# What a user would otherwise write, in jq: TFLOPS/W and GB/s per TFLOPS (dense bf16) for each chip file.
# Run with: jq -r -s -f metrics.jq data/chips/*.json
def factor: {"GFLOPS": 0.001, "TFLOPS": 1, "PFLOPS": 1000, "EFLOPS": 1000000, "W": 1, "kW": 1000,
             "MB/s": 0.001, "GB/s": 1, "TB/s": 1000, "MiB/s": (1048576 / 1e9), "GiB/s": (1073741824 / 1e9),
             "TiB/s": (1099511627776 / 1e9), "Mb/s": (0.001 / 8), "Gb/s": (1 / 8), "Tb/s": (1000 / 8),
             "Gbps": (1 / 8), "Tbps": (1000 / 8)}[.];
def amount:
  if . == null then null
  elif type == "object" then (if has("unit") then .value * (.unit | factor) else (.value | amount) end)
  elif . == "unsupported" or . == "unpublished" or . == "unknown" then null
  else (split(" ") | (.[0] | tonumber) * (.[1] | factor))
  end;
def dense: if type == "object" and (has("dense") or has("sparse")) then (.dense | amount) else amount end;
.[] | (.compute.bf16 | dense) as $t | (.power.tdp | amount) as $w | (.memory.bandwidth | amount) as $b
| "\(.id) \(if $t and $w then $t / $w else null end) \(if $t and $b then $b / $t else null end)"
