#include "xpuspec/systems.hpp"

#include <algorithm>
#include <cmath>
#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/document_reader.hpp"
#include "xpuspec/bundled.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/fields.hpp"
#include "xpuspec/units.hpp"

namespace xpuspec {
namespace {

using json = nlohmann::json;

// A system's figures are up to 10^4 times a chip's (Ironwood: 9,216 chips, 42.5 EFLOPS, about 10 MW), so a chip
// field's plausible range times this is what a system file may state; beyond it is a unit slip.
constexpr double system_scale = 1e5;
constexpr double most_chips = 1e6;

// The prefix of the chip's source ids inside a system built on it: "CHIP:".
std::string chip_source_prefix(std::string_view chip_id) { return fmt::format("{}:", chip_id); }

std::string format_amount(double amount) { return fmt::format("{:.6g}", amount); }

class system_reader {
 public:
  system_reader(const document_reader& in, const json& doc) : in_(in) {
    sources_ = in.sources(doc);
    default_source_ = in.text(doc, "source", "/", false);
    if (!default_source_.empty()) in.cited(sources_, default_source_, "/source");
  }

  const std::vector<source_ref>& sources() const { return sources_; }

  // Refuses keys a system file does not have: a typo ("bandwith") would otherwise be a figure silently unused.
  void only_keys(const json& object, const std::string& where, std::initializer_list<std::string_view> keys) const {
    if (!object.is_object()) in_.fail(where, "must be an object");
    for (const auto& [key, unused] : object.items()) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        in_.fail(where, fmt::format("\"{}\" is not a key a system file has here (expected one of: {})", key,
                                    fmt::join(keys, ", ")));
      }
    }
  }

  const json* member(const json& object, const char* key) const {
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }

  std::string text_or_empty(const json& object, const char* key, const std::string& where) const {
    return in_.text(object, key, where, false);
  }

  // A stated figure in any of a chip file's forms: "559 kW", "unpublished", 16 (a count), or
  // {"value": ..., "basis": ..., "source": ..., "note": ...}.
  value stated(const json& node, const std::string& where, const value_kind& kind) const {
    value v;
    const json* inner = &node;
    if (node.is_object()) {
      only_keys(node, where, {"value", "basis", "source", "note"});
      inner = member(node, "value");
      if (!inner) in_.fail(where, "\"value\" is missing");
      if (const json* b = member(node, "basis")) {
        const auto parsed = b->is_string() ? basis_from_string(b->get<std::string>()) : std::nullopt;
        if (!parsed) in_.fail(where + "/basis", "must be one of vendor, measured, derived, estimate, projected");
        v.basis = *parsed;
      }
      v.source = in_.text(node, "source", where, false);
      v.note = in_.text(node, "note", where, false);
    }
    const std::string at = node.is_object() ? where + "/value" : where;
    if (inner->is_string()) {
      const std::string written = inner->get<std::string>();
      v.written = written;
      if (const auto missing = absence_from_string(written)) {
        v.missing = *missing;
        return v;
      }
      if (kind.plain) in_.fail(at, fmt::format("\"{}\" must be a number ({})", written, kind.unit));
      double amount = 0;
      try {
        amount = parse_quantity(written, kind.dim);
      } catch (const error& e) {
        in_.fail(at, e.what());
      }
      v.amount = checked(amount, at, kind, written);
    } else if (inner->is_number()) {
      v.written = inner->dump();
      if (!kind.plain) in_.fail(at, fmt::format("{} needs a unit, e.g. \"{} {}\"", v.written, v.written, kind.unit));
      v.amount = checked(inner->get<double>(), at, kind, v.written);
    } else {
      in_.fail(at, "must be a string (\"559 kW\", \"unpublished\") or a number");
    }
    if (v.source.empty()) v.source = default_source_;
    if (v.source.empty()) in_.fail(where, "this figure has no source: add \"source\" on it or at the top of the file");
    in_.cited(sources_, v.source.str(), where + "/source");
    return v;
  }

  // An optional stated figure: std::nullopt when the key is absent.
  std::optional<value> stated_if(const json& object, const char* key, const std::string& where,
                                 const value_kind& kind) const {
    const json* node = member(object, key);
    if (!node) return std::nullopt;
    return stated(*node, where + "/" + key, kind);
  }

 private:
  double checked(double amount, const std::string& at, const value_kind& kind, const std::string& written) const {
    const double most = kind.max * system_scale;
    if (!std::isfinite(amount) || !(amount > 0) || amount > most) {
      in_.fail(at, fmt::format("{} is outside what a system can have (more than 0, at most {:g} {})", written, most,
                               kind.unit));
    }
    return amount;
  }

  const document_reader& in_;
  std::vector<source_ref> sources_;
  std::string default_source_;
};

// How a stated figure reads in a note: "559 kW (estimate; source semianalysis-cm384): all-in, 16 racks".
std::string describe(const value& v) {
  if (!v.known()) return v.note.empty() ? std::string(to_string(v.missing)) : fmt::format("{} ({})", to_string(v.missing), v.note);
  std::string out = fmt::format("{} ({}; source {})", v.written, to_string(v.basis), v.source);
  if (!v.note.empty()) out += fmt::format(": {}", v.note);
  return out;
}

class system_builder {
 public:
  system_builder(const chip& of, std::uint32_t count, basis count_basis)
      : of_(of), count_(count), count_basis_(count_basis) {}

  std::string source_id(text id) const { return id.empty() ? std::string() : chip_source_prefix(of_.id) + id.str(); }

  // The chip's value as it stands (a per-chip figure of the system: its scale-up bandwidth).
  value copied(const value& per_chip) const {
    value v = per_chip;
    v.short_form = false;
    v.source = source_id(per_chip.source);
    return v;
  }

  // The chip's value times the chip count, marked derived (or less trustworthy, if the chip's figure is).
  value scaled(const value& per_chip, std::string_view field, std::string_view unit) const {
    value v;
    if (!per_chip.known()) {
      v.missing = per_chip.missing;
      // A figure the chip's file states as missing says so; one it never mentions stays a plain "unknown".
      if (!per_chip.written.empty()) v.note = fmt::format("{}'s {} is {}", of_.id, field, to_string(per_chip.missing));
      return v;
    }
    v.amount = *per_chip.amount * count_;
    // A projected system's chips are projected, whatever the chip's own figures are.
    v.basis = std::max({basis::derived, per_chip.basis, count_basis_});
    v.source = source_id(per_chip.source);
    v.note = fmt::format("{} x {} {} ({}'s {})", count_, format_amount(*per_chip.amount), unit, of_.id, field);
    return v;
  }

  // A per-chip figure the file states (its sources are the file's own), times the chip count.
  value scaled_stated(const value& per_chip, std::string_view field, std::string_view unit) const {
    value v = scaled(per_chip, field, unit);
    v.source = per_chip.source;
    if (per_chip.known()) v.note = fmt::format("{} x {} {} (the system file's {})", count_, format_amount(*per_chip.amount), unit, field);
    if (!per_chip.known()) v.note = per_chip.note;
    return v;
  }

  // A figure the file states, with what the chips alone would give beside it, so a system-level claim and the
  // chips' arithmetic can be told apart at a glance.
  value stated_beside_scaled(value stated, const value& per_chip, std::string_view unit) const {
    if (stated.known() && per_chip.known()) {
      const std::string arithmetic = fmt::format("{} x {}'s {} {} = {} {}", count_, of_.id,
                                                 format_amount(*per_chip.amount), unit,
                                                 format_amount(*per_chip.amount * count_), unit);
      stated.note = stated.note.empty() ? fmt::format("the chips alone: {}", arithmetic)
                                        : fmt::format("{}; the chips alone: {}", stated.note, arithmetic);
    }
    return stated;
  }

 private:
  const chip& of_;
  std::uint32_t count_;
  basis count_basis_;
};

const value_kind count_kind = plain_number(1, most_chips / system_scale, "chips");

}  // namespace

chip parse_system(std::string_view document, std::string_view origin, const chip_lookup& chips) {
  const document_reader in(origin);
  const json doc = in.parse(document);
  const system_reader sys(in, doc);
  sys.only_keys(doc, "/",
                {"$schema", "id", "name", "vendor", "status", "released", "aliases", "source", "chip", "chips",
                 "scale_up", "scale_out", "racks", "compute", "memory", "power", "price", "notes", "sources"});

  chip out;
  const std::string id = in.text(doc, "id", "/");
  const auto id_character = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'; };
  if (id.empty() || !std::all_of(id.begin(), id.end(), id_character) || !std::isalnum(static_cast<unsigned char>(id[0]))) {
    in.fail("/id", "must be lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
  }
  out.id = id;
  out.name = in.text(doc, "name", "/");
  out.vendor = in.text(doc, "vendor", "/");
  const std::string status = in.text(doc, "status", "/");
  if (std::find(chip_statuses.begin(), chip_statuses.end(), status) == chip_statuses.end()) {
    in.fail("/status", fmt::format("\"{}\" is not one of: {}", status, fmt::join(chip_statuses, ", ")));
  }
  out.status = status;
  out.released = sys.text_or_empty(doc, "released", "/");
  const auto strings = [&](const char* key) {
    std::vector<text> list;
    const json* node = sys.member(doc, key);
    if (!node) return list;
    if (!node->is_array()) in.fail(fmt::format("/{}", key), "must be an array of strings");
    for (const auto& s : *node) {
      if (!s.is_string()) in.fail(fmt::format("/{}", key), "must be an array of strings");
      list.emplace_back(s.get<std::string>());
    }
    return list;
  };
  out.aliases = strings("aliases");

  const std::string chip_name = in.text(doc, "chip", "/");
  const chip* of = chips(chip_name);
  if (!of) in.fail("/chip", fmt::format("\"{}\" is not a chip in the data loaded", chip_name));
  if (of->is_system()) in.fail("/chip", fmt::format("\"{}\" is a system: a system is built of chips", chip_name));
  const json* count_node = sys.member(doc, "chips");
  if (!count_node) in.fail("/", "\"chips\" is missing: how many chips the system has");
  const value count = sys.stated(*count_node, "/chips", count_kind);
  if (!count.known() || *count.amount != std::floor(*count.amount)) in.fail("/chips", "must be a whole number of chips");
  const auto n = static_cast<std::uint32_t>(*count.amount);
  const system_builder build(*of, n, count.basis);

  out.family = "system";
  out.form_factor = fmt::format("{} x {}", n, of->name);
  out.system_chip = of->id;
  out.system_chips = n;
  out.memory_type = of->memory_type;
  out.process_node = of->process_node;
  out.process_nm = of->process_nm;
  out.sources = sys.sources();
  for (const auto& s : of->sources) {
    source_ref copy = s;
    copy.id = build.source_id(s.id);
    out.sources.push_back(std::move(copy));
  }
  out.default_source = count.source;

  // Figures that grow with the chip count: the chips' own, unless the file states the system's.
  out.die_count = build.scaled(of->die_count, "die.count", "dies");
  out.die_area = build.scaled(of->die_area, "die.area_mm2", "mm2");
  out.transistors = build.scaled(of->transistors, "die.transistors_billion", "billion");
  out.memory_stacks = build.scaled(of->memory_stacks, "memory.stacks", "stacks");
  for (precision p : all_precisions) {
    const std::string field = fmt::format("compute.{}", to_string(p));
    const std::string_view unit = compute_kind(p).unit;
    out.at(p).dense = build.scaled(of->at(p).dense, field + ".dense", unit);
    out.at(p).sparse = build.scaled(of->at(p).sparse, field + ".sparse", unit);
  }
  if (const json* compute = sys.member(doc, "compute")) {
    if (!compute->is_object()) in.fail("/compute", "must be an object");
    for (const auto& [key, entry] : compute->items()) {
      const auto p = precision_from_string(key);
      const std::string where = "/compute/" + key;
      if (!p) in.fail(where, fmt::format("\"{}\" is not a precision", key));
      const value_kind kind = compute_kind(*p);
      const bool pair = entry.is_object() && (entry.contains("dense") || entry.contains("sparse"));
      if (!pair) {
        out.at(*p).dense = build.stated_beside_scaled(sys.stated(entry, where, kind), of->at(*p).dense, kind.unit);
        continue;
      }
      sys.only_keys(entry, where, {"dense", "sparse"});
      if (auto d = sys.stated_if(entry, "dense", where, kind)) {
        out.at(*p).dense = build.stated_beside_scaled(*d, of->at(*p).dense, kind.unit);
      }
      if (auto s = sys.stated_if(entry, "sparse", where, kind)) {
        out.at(*p).sparse = build.stated_beside_scaled(*s, of->at(*p).sparse, kind.unit);
      }
    }
  }
  out.memory_capacity = build.scaled(of->memory_capacity, "memory.capacity", "GB");
  out.memory_bandwidth = build.scaled(of->memory_bandwidth, "memory.bandwidth", "GB/s");
  if (const json* memory = sys.member(doc, "memory")) {
    sys.only_keys(*memory, "/memory", {"capacity", "bandwidth"});
    if (auto v = sys.stated_if(*memory, "capacity", "/memory", quantity_of(dimension::memory))) {
      out.memory_capacity = build.stated_beside_scaled(*v, of->memory_capacity, "GB");
    }
    if (auto v = sys.stated_if(*memory, "bandwidth", "/memory", quantity_of(dimension::bandwidth))) {
      out.memory_bandwidth = build.stated_beside_scaled(*v, of->memory_bandwidth, "GB/s");
    }
  }

  // Power: only what the file states, never the chips' TDPs added up.
  const json* power = sys.member(doc, "power");
  if (!power) in.fail("/", "\"power\" is missing: the system's power, or \"unpublished\" and why");
  sys.only_keys(*power, "/power", {"system", "includes"});
  const auto system_power = sys.stated_if(*power, "system", "/power", quantity_of(dimension::power));
  if (!system_power) in.fail("/power", "\"system\" is missing");
  out.tdp = *system_power;
  const std::string includes = sys.text_or_empty(*power, "includes", "/power");
  if (out.tdp.known() && includes.empty()) in.fail("/power", "\"includes\" is missing: what the system power covers");
  out.power_term = includes.empty() ? std::string("system") : fmt::format("system: {}", includes);
  if (!out.tdp.known() && of->tdp.known()) {
    const std::string chips_only = fmt::format("the chips alone: {} x {} W = {} W, without CPUs, switches or cooling", n,
                                               format_amount(*of->tdp.amount), format_amount(*of->tdp.amount * n));
    out.tdp.note = out.tdp.note.empty() ? chips_only : fmt::format("{}; {}", out.tdp.note, chips_only);
  }

  // Scale-up: a per-chip bandwidth, the domain, and what only a system has (topology, bisection).
  std::vector<text> notes{text(fmt::format("{} x {} ({}); chip count: {}", n, of->id, of->name, describe(count)))};
  // The sum over the chips, as NVIDIA's "total NVLink bandwidth" counts it, so that per-TFLOPS ratios stay
  // per-chip ratios; it is not a bisection (the notes give that where it is published).
  std::optional<value> stated_link;
  out.interconnect_domain = build.copied(of->interconnect_domain);
  out.interconnect_name = of->interconnect_name;
  out.interconnect_direction = of->interconnect_direction;
  if (const json* up = sys.member(doc, "scale_up")) {
    sys.only_keys(*up, "/scale_up", {"name", "domain", "bandwidth", "direction", "topology", "bisection"});
    if (auto v = sys.stated_if(*up, "domain", "/scale_up", count_kind)) out.interconnect_domain = *v;
    stated_link = sys.stated_if(*up, "bandwidth", "/scale_up", quantity_of(dimension::bandwidth));
    if (const std::string name = sys.text_or_empty(*up, "name", "/scale_up"); !name.empty()) out.interconnect_name = name;
    if (const std::string dir = sys.text_or_empty(*up, "direction", "/scale_up"); !dir.empty()) {
      if (dir != "unidirectional" && dir != "bidirectional") in.fail("/scale_up/direction", "must be unidirectional or bidirectional");
      out.interconnect_direction = dir;
    }
    if (const std::string topology = sys.text_or_empty(*up, "topology", "/scale_up"); !topology.empty()) {
      notes.emplace_back(fmt::format("scale-up topology: {}", topology));
    }
    if (auto v = sys.stated_if(*up, "bisection", "/scale_up", quantity_of(dimension::bandwidth))) {
      notes.emplace_back(fmt::format("scale-up bisection bandwidth: {}", describe(*v)));
    }
  }
  out.interconnect_bandwidth = stated_link ? build.scaled_stated(*stated_link, "scale_up.bandwidth", "GB/s")
                                           : build.scaled(of->interconnect_bandwidth, "interconnect.bandwidth", "GB/s");
  if (out.interconnect_domain.known() && *out.interconnect_domain.amount > n) {
    in.fail("/scale_up/domain", fmt::format("{} chips in one scale-up domain is more than the system's {}",
                                            format_amount(*out.interconnect_domain.amount), n));
  }
  if (const json* scale_out = sys.member(doc, "scale_out")) {
    sys.only_keys(*scale_out, "/scale_out", {"bandwidth", "network"});
    const std::string network = sys.text_or_empty(*scale_out, "network", "/scale_out");
    const auto bandwidth = sys.stated_if(*scale_out, "bandwidth", "/scale_out", quantity_of(dimension::bandwidth));
    notes.emplace_back(fmt::format("scale-out per chip: {}{}", bandwidth ? describe(*bandwidth) : "not stated",
                                   network.empty() ? "" : fmt::format("; {}", network)));
  }
  if (auto racks = sys.stated_if(doc, "racks", "", plain_number(1, 1e5 / system_scale, "racks"))) {
    notes.emplace_back(fmt::format("racks: {}", describe(*racks)));
  }

  out.price_usd.missing = absence::unpublished;
  out.price_usd.note = "no public price for the whole system";
  if (const json* price = sys.member(doc, "price")) {
    sys.only_keys(*price, "/price", {"usd"});
    if (auto v = sys.stated_if(*price, "usd", "/price", plain_number(1, 1e8, "USD"))) out.price_usd = *v;
  }
  out.price_cloud_hour.missing = absence::unpublished;
  out.price_cloud_hour.note = "a system is not rented by the chip-hour";

  // The chip's sources that no figure of the system rests on would only be noise in `sources` and `show`.
  std::vector<text> cited;
  for_each_value(out, [&](std::string_view, const value& v, std::string_view) { cited.push_back(v.source); });
  std::erase_if(out.sources, [&](const source_ref& ref) {
    return is_chip_source(out, ref.id) && std::find(cited.begin(), cited.end(), ref.id) == cited.end();
  });

  for (auto& note : strings("notes")) notes.push_back(std::move(note));
  out.notes = std::move(notes);
  out.origin = origin;
  return out;
}

bool is_chip_source(const chip& system, std::string_view source_id) {
  return system.is_system() && source_id.starts_with(chip_source_prefix(system.system_chip));
}

std::vector<chip> bundled_systems(const chip_lookup& chips) {
  std::vector<chip> out;
  for (const auto& document : bundled_documents()) {
    if (!document.name.starts_with("systems/")) continue;
    chip system = parse_system(document.text, fmt::format("bundled:{}", document.name), chips);
    system.bundled = true;
    out.push_back(std::move(system));
  }
  return out;
}

}  // namespace xpuspec
