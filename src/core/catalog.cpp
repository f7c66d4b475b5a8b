#include "xpuspec/catalog.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "xpuspec/error.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec {

namespace {

// The names a chip answers to: its id, then its aliases. The one place that says so, for the index and for
// lower_case_names.
template <typename F>
void for_each_name(const chip& c, F&& f) {
  f(c.id);
  for (const text& alias : c.aliases) f(alias);
}

// A name as an index key: the name's own text where it is lower-case already (an id always is), so only an alias
// in capitals interns a new string.
text lower_case_key(text name) { return has_upper_case(name.view()) ? text(to_lower(name.view())) : name; }

// Calls f with each of the chip's names as an index key.
template <typename F>
void for_each_key(const chip& c, F&& f) {
  for_each_name(c, [&](text name) { f(lower_case_key(name)); });
}

}  // namespace

std::vector<std::string> lower_case_names(const chip& c) {
  std::vector<std::string> names;
  for_each_name(c, [&](text name) { names.push_back(to_lower(name.view())); });
  return names;
}

catalog::catalog(std::vector<chip> chips) : chips_(std::move(chips)) {
  // Sorting moves whole chips; data that arrives in order (the bundled files) need not pay for it.
  const auto by_id = [](const chip& a, const chip& b) { return a.id < b.id; };
  if (!std::is_sorted(chips_.begin(), chips_.end(), by_id)) std::sort(chips_.begin(), chips_.end(), by_id);
  std::vector<std::string> problems;
  index_.reserve(chips_.size());
  for (std::size_t i = 0; i < chips_.size(); ++i) {
    for_each_key(chips_[i], [&](text name) {
      const auto [it, inserted] = index_.emplace(name, static_cast<std::uint32_t>(i));
      if (!inserted && it->second != i) {
        const chip& other = chips_[it->second];
        problems.push_back(fmt::format("{}: \"{}\" is already the id or an alias of \"{}\" in {}", chips_[i].origin,
                                       name, other.id, other.origin));
      }
    });
  }
  if (!problems.empty()) throw error(fmt::format("{}", fmt::join(problems, "\n")));
}

const chip* catalog::find_chip(std::string_view name) const {
  const auto it = index_.find(std::string_view(to_lower(name)));
  return it == index_.end() ? nullptr : &chips_[it->second];
}

const chip* catalog::find(std::string_view name) const {
  if (const chip* c = find_chip(name)) return c;
  if (!build_systems_) return nullptr;
  systems();
  const auto it = system_index_.find(std::string_view(to_lower(name)));
  return it == system_index_.end() ? nullptr : &systems_[it->second];
}

void catalog::defer_systems(std::function<std::vector<chip>(const catalog&)> build) {
  build_systems_ = std::move(build);
  systems_built_ = false;
  systems_.clear();
  system_index_.clear();
}

const std::vector<chip>& catalog::systems() const {
  if (systems_built_ || !build_systems_) return systems_;
  std::vector<chip> built = build_systems_(*this);  // a throw leaves them unbuilt, to throw again next time
  std::vector<std::string> problems;
  for (auto& system : built) {
    // A user's chip outranks a bundled system: it keeps a name both claim, and a system whose id it takes is
    // left out rather than making every command fail on data the user did not write.
    if (find_chip(system.id)) continue;
    std::erase_if(system.aliases, [&](const text& alias) { return find_chip(alias) != nullptr; });
    const auto position = static_cast<std::uint32_t>(systems_.size());
    for_each_key(system, [&](text name) {
      const auto [it, inserted] = system_index_.emplace(name, position);
      if (!inserted) {
        problems.push_back(fmt::format("{}: \"{}\" is already the id or an alias of \"{}\"", system.origin, name,
                                       systems_[it->second].id));
      }
    });
    systems_.push_back(std::move(system));
  }
  if (!problems.empty()) {
    systems_.clear();
    system_index_.clear();
    throw error(fmt::format("{}", fmt::join(problems, "\n")));
  }
  systems_built_ = true;
  return systems_;
}

std::vector<const chip*> catalog::chips_and_systems() const {
  std::vector<const chip*> out;
  out.reserve(chips_.size() + systems().size());
  for (const auto& c : chips_) out.push_back(&c);
  for (const auto& s : systems_) out.push_back(&s);
  return out;
}

const chip& catalog::get(std::string_view name) const {
  if (const chip* c = find(name)) return *c;
  throw error(fmt::format("unknown chip \"{}\"{}; `xpuspec list` shows every chip", name, did_you_mean(name, names())));
}

std::vector<std::string> catalog::names() const {
  std::vector<std::string> out;
  for (const chip* c : chips_and_systems()) {
    out.push_back(c->id);
    out.insert(out.end(), c->aliases.begin(), c->aliases.end());
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

}  // namespace xpuspec
