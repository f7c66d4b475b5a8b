#include "xpuspec/catalog.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "core/files.hpp"
#include "core/parallel.hpp"
#include "xpuspec/bundled.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/load.hpp"
#include "xpuspec/names.hpp"
#include "xpuspec/systems.hpp"
#include "xpuspec/validate.hpp"

// Apart from catalog.cpp because it is the one place that needs the digested bundled chips: the build-time tool
// that digests them links the rest of the core without it.

namespace xpuspec {

catalog load_catalog(const load_options& options) {
  std::vector<std::string> problems;
  std::vector<std::vector<chip>> layers;

  if (options.bundled) layers.push_back(bundled_chips());
  for (const auto& argument : options.paths) {
    auto& layer = layers.emplace_back();
    std::vector<fs::path> files;
    try {
      files = chip_files_in(argument);
    } catch (const error& e) {
      problems.emplace_back(e.what());
    }
    layer.reserve(files.size());  // chips are kilobytes each: no doubling headroom
    struct loaded_file {
      std::optional<chip> loaded;
      std::string problem;
    };
    produce_in_order(
        files.size(), options.jobs,
        [&](std::size_t i) {
          loaded_file out;
          try {
            out.loaded = parse_chip(read_chip_file(files[i]), files[i].string());
          } catch (const error& e) {
            out.problem = e.what();
          }
          return out;
        },
        [&](loaded_file file) {
          if (file.loaded) {
            layer.push_back(std::move(*file.loaded));
          } else {
            problems.push_back(std::move(file.problem));
          }
        });
  }

  // Within a layer two files may not claim one name; across layers the later one wins, the way a user's file
  // replaces a bundled chip of the same id.
  std::vector<chip> chips;
  std::vector<std::size_t> layer_of;  // by position in chips
  std::unordered_map<std::string, std::size_t> position_of_id;
  std::size_t total = 0;
  for (const auto& layer : layers) total += layer.size();
  if (layers.size() > 1) {
    chips.reserve(total);
    layer_of.reserve(total);
  }
  for (std::size_t layer = 0; layer < layers.size(); ++layer) {
    // The bundled chips' names were checked when they were compiled in (and the catalog checks every name it
    // indexes): hashing them again was 4% of a compare.
    if (options.bundled && layer == 0) continue;
    std::unordered_map<std::string, const chip*> claimed;
    for (const auto& c : layers[layer]) {
      for (auto& name : lower_case_names(c)) {
        const auto [it, inserted] = claimed.try_emplace(std::move(name), &c);
        if (!inserted && it->second != &c) {
          problems.push_back(fmt::format("{}: \"{}\" is also claimed by {} (id \"{}\")", c.origin, it->first,
                                         it->second->origin, it->second->id));
        }
      }
    }
  }
  if (layers.size() == 1) {
    // One layer (a user's data set with --no-bundled): its chips are the catalog's, with no copy alive beside them.
    chips = std::move(layers.front());
    layer_of.assign(chips.size(), 0);
  } else {
    for (std::size_t layer = 0; layer < layers.size(); ++layer) {
      for (auto& c : layers[layer]) {
        const auto [it, inserted] = position_of_id.try_emplace(c.id, chips.size());
        if (inserted) {
          chips.push_back(std::move(c));
          layer_of.push_back(layer);
        } else {
          chips[it->second] = std::move(c);
          layer_of[it->second] = layer;
        }
      }
      std::vector<chip>().swap(layers[layer]);  // moved-from chips still hold their kilobytes until freed
    }
  }
  if (!problems.empty()) throw error(fmt::format("{}", fmt::join(problems, "\n")));

  // A name claimed in a higher layer shadows the same alias in a lower one.
  if (layers.size() > 1) {
    std::unordered_map<std::string, std::size_t> top_layer_of_name;
    for (std::size_t i = 0; i < chips.size(); ++i) {
      for (auto& name : lower_case_names(chips[i])) {
        auto [it, inserted] = top_layer_of_name.try_emplace(std::move(name), layer_of[i]);
        if (!inserted) it->second = std::max(it->second, layer_of[i]);
      }
    }
    for (std::size_t i = 0; i < chips.size(); ++i) {
      std::erase_if(chips[i].aliases,
                    [&](const std::string& alias) { return top_layer_of_name[to_lower(alias)] > layer_of[i]; });
    }
  }
  catalog out(std::move(chips));
  // Systems are built on the chips in use, after every layer, so a user's file that corrects a chip corrects the
  // systems made of it; and only when a command asks for one (the catalog builds them on first use).
  if (options.bundled) {
    out.defer_systems([](const catalog& cat) {
      return bundled_systems([&](std::string_view name) { return cat.find_chip(name); });
    });
  }
  return out;
}

// Here, not in validate.cpp: the digested chips link into xpuspec_core only (the digester itself uses validate).
std::unordered_set<std::string> bundled_ids() {
  std::unordered_set<std::string> ids;
  for (const auto& c : bundled_chips()) ids.insert(to_lower(c.id));
  return ids;
}

}  // namespace xpuspec
