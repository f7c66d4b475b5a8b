#pragma once
// `validate`: every check of a set of chip files, all findings of all files in one run. Loading (load.hpp) finds
// what makes a file unusable; this adds the plausibility rules a spec file can break while still loading, and
// the rules across files.

#include <string>
#include <string_view>
#include <vector>

#include "xpuspec/diagnostics.hpp"

namespace xpuspec {

struct named_text {
  std::string name;  // as findings name it: a path, or "bundled:ID.json"
  std::string text;
};

// Files whose ids and aliases must be unique among themselves.
struct validation_layer {
  std::vector<named_text> files;
  std::vector<finding> unreadable;  // paths that could not be read, as findings of rule "file"
};

struct validation_report {
  std::vector<finding> findings;  // by file, then position
  std::size_t files = 0;
  std::size_t chips = 0;

  std::size_t count(severity s) const;
  bool failed(bool strict) const { return count(severity::error) > 0 || (strict && count(severity::warning) > 0); }
};

// The bundled data as one layer.
validation_layer bundled_layer();
// The chip files of paths (files, or folders searched recursively) as one layer. Throws xpuspec::error for a
// path that does not exist: that is a usage error, not a finding.
validation_layer layer_from_paths(const std::vector<std::string>& paths);

validation_report validate(const std::vector<validation_layer>& layers);

}  // namespace xpuspec
