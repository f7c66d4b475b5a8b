#include "xpuspec/catalog.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/files.hpp"
#include "xpuspec/bundled.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/load.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec {
namespace {

struct layered_chip {
  chip data;
  std::size_t layer;
};

// Every name a chip answers to, lower-cased: its id, then its aliases.
std::vector<std::string> names_of(const chip& c) {
  std::vector<std::string> names{to_lower(c.id)};
  for (const auto& alias : c.aliases) names.push_back(to_lower(alias));
  return names;
}

}  // namespace

catalog::catalog(std::vector<chip> chips) : chips_(std::move(chips)) {
  std::sort(chips_.begin(), chips_.end(), [](const chip& a, const chip& b) { return a.id < b.id; });
  std::vector<std::string> problems;
  for (std::size_t i = 0; i < chips_.size(); ++i) {
    for (const auto& name : names_of(chips_[i])) {
      const auto [it, inserted] = index_.emplace(name, i);
      if (!inserted && it->second != i) {
        const chip& other = chips_[it->second];
        problems.push_back(fmt::format("{}: \"{}\" is already the id or an alias of \"{}\" in {}", chips_[i].origin,
                                       name, other.id, other.origin));
      }
    }
  }
  if (!problems.empty()) throw error(fmt::format("{}", fmt::join(problems, "\n")));
}

const chip* catalog::find(std::string_view name) const {
  const auto it = index_.find(to_lower(name));
  return it == index_.end() ? nullptr : &chips_[it->second];
}

const chip& catalog::get(std::string_view name) const {
  if (const chip* c = find(name)) return *c;
  throw error(fmt::format("unknown chip \"{}\"{}; `xpuspec list` shows every chip", name, did_you_mean(name, names())));
}

std::vector<std::string> catalog::names() const {
  std::vector<std::string> out;
  for (const auto& c : chips_) {
    out.push_back(c.id);
    out.insert(out.end(), c.aliases.begin(), c.aliases.end());
  }
  return out;
}

std::vector<std::string> split_search_path(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    const auto colon = list.find(':');
    const auto entry = list.substr(0, colon);
    if (!entry.empty()) out.emplace_back(entry);
    if (colon == std::string_view::npos) break;
    list.remove_prefix(colon + 1);
  }
  return out;
}

catalog load_catalog(const load_options& options) {
  std::vector<std::string> problems;
  std::vector<std::vector<chip>> layers;

  if (options.bundled) {
    auto& layer = layers.emplace_back();
    for (const auto& file : bundled_files()) {
      try {
        layer.push_back(parse_chip(file.text, fmt::format("bundled:{}", file.name), true));
      } catch (const error& e) {
        problems.emplace_back(e.what());
      }
    }
  }
  for (const auto& argument : options.paths) {
    auto& layer = layers.emplace_back();
    try {
      for (const auto& path : chip_files_in(argument)) {
        try {
          layer.push_back(parse_chip(read_chip_file(path), path.string()));
        } catch (const error& e) {
          problems.emplace_back(e.what());
        }
      }
    } catch (const error& e) {
      problems.emplace_back(e.what());
    }
  }

  // Within a layer two files may not claim one name; across layers the later one wins, the way a user's file
  // replaces a bundled chip of the same id.
  std::map<std::string, layered_chip> by_id;
  for (std::size_t layer = 0; layer < layers.size(); ++layer) {
    std::map<std::string, const chip*> claimed;
    for (const auto& c : layers[layer]) {
      for (const auto& name : names_of(c)) {
        const auto [it, inserted] = claimed.emplace(name, &c);
        if (!inserted && it->second != &c) {
          problems.push_back(fmt::format("{}: \"{}\" is also claimed by {} (id \"{}\")", c.origin, name,
                                         it->second->origin, it->second->id));
        }
      }
    }
    for (auto& c : layers[layer]) {
      std::string id = c.id;
      by_id.insert_or_assign(std::move(id), layered_chip{std::move(c), layer});
    }
  }
  if (!problems.empty()) throw error(fmt::format("{}", fmt::join(problems, "\n")));

  // A name claimed in a higher layer shadows the same alias in a lower one.
  std::map<std::string, std::size_t> top_layer_of_name;
  for (const auto& [id, entry] : by_id) {
    for (const auto& name : names_of(entry.data)) {
      auto [it, inserted] = top_layer_of_name.emplace(name, entry.layer);
      if (!inserted) it->second = std::max(it->second, entry.layer);
    }
  }
  std::vector<chip> chips;
  for (auto& named : by_id) {
    layered_chip& entry = named.second;
    std::erase_if(entry.data.aliases,
                  [&](const std::string& alias) { return top_layer_of_name[to_lower(alias)] > entry.layer; });
    chips.push_back(std::move(entry.data));
  }
  return catalog(std::move(chips));
}

}  // namespace xpuspec
