#pragma once
// `validate`: every check of a set of chip files, all findings of all files in one run. Loading (load.hpp) finds
// what makes a file unusable; this adds the plausibility rules a spec file can break while still loading, and
// the rules across files.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "xpuspec/diagnostics.hpp"

namespace xpuspec {

struct chip_file {
  std::string name;                 // as findings name it: a path, or "bundled:ID.json"
  std::optional<std::string> text;  // none: read from the path `name` when it is checked, so a run holds only the
                                    // files being checked, not the whole repository
};

// Files whose ids and aliases must be unique among themselves.
struct validation_layer {
  std::vector<chip_file> files;
  // Lower-case ids of the chips in the layers beneath (the bundled data, when it is in use). A file here may
  // replace one of them (same id) or shadow its aliases, but an alias of its own equal to one of these ids would
  // make loading fail.
  std::unordered_set<std::string> ids_beneath;
};

struct validation_report {
  std::vector<finding> findings;  // by file, then position
  std::size_t files = 0;
  std::size_t chips = 0;

  std::size_t count(severity s) const;
  bool failed(bool strict) const { return count(severity::error) > 0 || (strict && count(severity::warning) > 0); }
};

// The day the date rules (release-passed, price-age) and the man page's date use: today (UTC), or
// SOURCE_DATE_EPOCH where set (the reproducible-builds convention), so a build or a test can pin it. Throws
// xpuspec::error for a SOURCE_DATE_EPOCH that is not a count of seconds.
std::chrono::year_month_day today();

// The bundled data as one layer.
validation_layer bundled_layer();
// The bundled chips' ids, lower-case: the ids_beneath of a layer checked on top of the bundled data.
std::unordered_set<std::string> bundled_ids();
// The chip files of paths (files, or folders searched recursively) as one layer. Throws xpuspec::error for a
// path that does not exist: that is a usage error, not a finding. A file that cannot be read is a finding of
// rule "file" when it is checked.
validation_layer layer_from_paths(const std::vector<std::string>& paths);

// Files are checked on `jobs` threads (0: one per core); the report is the same for any number.
validation_report validate(const std::vector<validation_layer>& layers, std::size_t jobs = 0);

}  // namespace xpuspec
