#pragma once
// The chips in use: the bundled data, with user folders layered on top (a later layer's chip replaces an
// earlier one of the same id), and the name lookup users rely on (id or alias, any case).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "xpuspec/model.hpp"

namespace xpuspec {

struct load_options {
  bool bundled = true;
  std::vector<std::string> paths;  // files or folders, lowest layer first
  std::size_t jobs = 0;            // threads reading the files of a folder; 0: one per core
};

class catalog {
 public:
  catalog() = default;
  explicit catalog(std::vector<chip> chips);  // throws on two chips with one id or one alias

  const std::vector<chip>& chips() const { return chips_; }  // the chips, not the systems
  // The systems (xpuspec/systems.hpp), built on first use from the function given to defer_systems: a command that
  // only touches chips never parses them. Not safe to call first from two threads at once.
  const std::vector<chip>& systems() const;
  void defer_systems(std::function<std::vector<chip>(const catalog&)> build);
  std::vector<const chip*> chips_and_systems() const;
  // A chip by id or alias; then, if none, a system.
  const chip* find(std::string_view name) const;
  const chip* find_chip(std::string_view name) const;  // chips only
  // find, or an error naming the closest names ("did you mean ...").
  const chip& get(std::string_view name) const;
  std::vector<std::string> names() const;  // every id and alias

 private:
  // A lower-case id or alias -> a position. Keyed by text and looked up by string_view: a node is 32 bytes where a
  // std::string key took 64, and 100,000 chips have 200,000 names.
  struct name_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const noexcept { return std::hash<std::string_view>{}(name); }
    std::size_t operator()(text name) const noexcept { return (*this)(name.view()); }
  };
  struct name_equal {
    using is_transparent = void;
    bool operator()(text a, text b) const noexcept { return a == b; }
    bool operator()(text a, std::string_view b) const noexcept { return a == b; }
    bool operator()(std::string_view a, text b) const noexcept { return b == a; }
  };
  using name_index = std::unordered_map<text, std::uint32_t, name_hash, name_equal>;

  std::vector<chip> chips_;  // sorted by id
  name_index index_;  // into chips_
  // Apart from chips_, so that building them never moves a chip a caller already points at.
  std::function<std::vector<chip>(const catalog&)> build_systems_;
  mutable bool systems_built_ = false;
  mutable std::vector<chip> systems_;
  mutable name_index system_index_;
};

// Loads every layer. All problems of all files are gathered and thrown together as one xpuspec::error.
catalog load_catalog(const load_options& options);

// Every name a chip answers to, lower-cased: its id, then its aliases.
std::vector<std::string> lower_case_names(const chip& c);

// Paths from a colon-separated list such as XPUSPEC_PATH; empty entries are skipped.
std::vector<std::string> split_search_path(std::string_view list);

}  // namespace xpuspec
