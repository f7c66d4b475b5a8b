#include "xpuspec/validate.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/files.hpp"
#include "core/parallel.hpp"
#include "xpuspec/bundled.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/fields.hpp"
#include "xpuspec/load.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec {
namespace {

// What each memory technology can physically deliver per chip, and when it first shipped. Bandwidth bounds are
// the fastest stack of the generation times 8 stacks, with headroom; capacity likewise. A figure above them is
// a typo, a 1024-based conversion, or the wrong part.
struct memory_technology {
  std::string_view name;  // matched case-insensitively as a prefix of memory.type, longest name first
  double max_bandwidth_tb_s;
  double max_capacity_gb;
  int first_year;
};

constexpr std::array<memory_technology, 10> memory_technologies{{
    {"HBM3e", 12.0, 400, 2023},
    {"HBM2e", 3.7, 160, 2020},
    {"HBM4e", 48.0, 2048, 2027},
    {"HBM4", 32.0, 1024, 2025},
    {"HBM3", 7.0, 256, 2022},
    {"HBM2", 2.5, 64, 2016},
    {"GDDR6X", 1.5, 64, 2020},
    {"GDDR6", 1.5, 96, 2018},
    {"GDDR7", 2.0, 128, 2024},
    {"LPDDR5", 1.0, 1024, 2019},
}};

const memory_technology* technology_of(std::string_view type) {
  const std::string lower = to_lower(type);
  const memory_technology* best = nullptr;
  for (const auto& t : memory_technologies) {
    if (lower.starts_with(to_lower(t.name)) && (!best || t.name.size() > best->name.size())) best = &t;
  }
  return best;
}

// A date as data files write it (YYYY, YYYY-MM or YYYY-MM-DD) is a span of days: its first and its last.
struct date_span {
  std::chrono::year_month_day first;
  std::chrono::year_month_day last;
};

// YYYY, YYYY-MM or YYYY-MM-DD with a month 01-12 and a day 01-31 (the calendar is checked later): read by hand,
// since a regex match per source per file was 2% of validating.
struct date_parts {
  int year;
  unsigned month;  // 0: not given
  unsigned day;    // 0: not given
};

std::optional<date_parts> read_date(std::string_view text) {
  const auto digits = [&](std::size_t at, std::size_t count) -> std::optional<unsigned> {
    unsigned n = 0;
    for (std::size_t i = at; i < at + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      n = n * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return n;
  };
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  date_parts out{};
  const auto year = digits(0, 4);
  if (!year) return std::nullopt;
  out.year = static_cast<int>(*year);
  if (text.size() >= 7) {
    const auto month = digits(5, 2);
    if (text[4] != '-' || !month || *month < 1 || *month > 12) return std::nullopt;
    out.month = *month;
  }
  if (text.size() == 10) {
    const auto day = digits(8, 2);
    if (text[7] != '-' || !day || *day < 1 || *day > 31) return std::nullopt;
    out.day = *day;
  }
  return out;
}

std::optional<date_span> span_of(std::string_view text) {
  const auto parts = read_date(text);
  if (!parts) return std::nullopt;
  using namespace std::chrono;
  const year y{parts->year};
  const unsigned first_month = parts->month != 0 ? parts->month : 1U;
  const unsigned last_month = parts->month != 0 ? first_month : 12U;
  if (parts->day != 0) {
    const year_month_day day{y, month{first_month}, std::chrono::day{parts->day}};
    if (!day.ok()) return std::nullopt;
    return date_span{day, day};
  }
  return date_span{year_month_day{y, month{first_month}, std::chrono::day{1}},
                   year_month_day{year_month_day_last{y, month_day_last{month{last_month}}}}};
}

// A list price older than this no longer says what the chip costs: clouds reprice every few months.
constexpr std::chrono::months price_max_age{12};

// Per logic die: the lithography reticle is 26 x 33 mm = 858 mm² (a die cannot be larger); the densest logic
// processes in production are below ~300 million transistors per mm².
constexpr double max_die_area_mm2 = 858;
constexpr double max_transistors_per_mm2 = 350e6;

// Sparse/dense and the precision ladder tolerate vendors' rounding (1,979 / 989.4 = 2.0002).
constexpr double ratio_tolerance = 0.01;

class file_checker {
 public:
  file_checker(const load_result& loaded, const chip& c, std::vector<finding>& out)
      : map_(loaded.map), chip_(c), out_(out) {}

  void add(rule_id rule, std::string_view pointer, std::string message, bool at_key = false) {
    out_.push_back(
        make_finding(chip_.origin, at_key ? map_.key_at(pointer) : map_.value_at(pointer), rule, std::move(message)));
  }

  void run(std::string_view file_name) {
    check_file_name(file_name);
    check_rates();
    check_ladder();
    check_efficiency();
    check_memory();
    check_sources();
    check_notes();
    check_release();
    check_interconnect();
    check_prices();
    check_source_ages();
    check_die();
  }

 private:
  void check_file_name(std::string_view file_name) {
    if (file_name.starts_with("bundled:")) file_name.remove_prefix(8);
    const std::string stem = fs::path(std::string(file_name)).stem().string();
    if (stem != chip_.id) {
      add(rule_id::id_filename, "/id", fmt::format("id \"{}\" does not match the file name \"{}\": name the file {}.json",
                                            chip_.id, fs::path(std::string(file_name)).filename().string(), chip_.id));
    }
  }

  void check_rates() {
    for (precision p : all_precisions) {
      const rate& r = chip_.at(p);
      // Below 1 the two are swapped, which loading reports already (sparse-below-dense).
      if (!r.dense.known() || !r.sparse.known() || *r.sparse.amount < *r.dense.amount) continue;
      const double ratio = *r.sparse.amount / *r.dense.amount;
      if (std::abs(ratio - 2.0) > 2.0 * ratio_tolerance) {
        add(rule_id::sparse_not_double, pointer_of(chip_, r.sparse),
            fmt::format("{} sparse ({}) is {:.3g}x the dense figure ({}); 2:4 sparsity gives 2x: is one of them "
                        "filed under the wrong key?",
                        to_string(p), r.sparse.written, ratio, r.dense.written));
      }
    }
  }

  void check_ladder() {
    // Fewer bits never run slower on one chip.
    constexpr std::array<precision, 5> ladder{precision::fp8, precision::bf16, precision::tf32, precision::fp32,
                                              precision::fp64};
    for (std::size_t i = 0; i < ladder.size(); ++i) {
      for (std::size_t j = i + 1; j < ladder.size(); ++j) {
        const value& low = chip_.at(ladder[i]).dense;
        const value& high = chip_.at(ladder[j]).dense;
        if (!low.known() || !high.known()) continue;
        if (*low.amount < *high.amount * (1 - ratio_tolerance)) {
          add(rule_id::precision_ladder, pointer_of(chip_, low),
              fmt::format("dense {} ({}) is below dense {} ({}): a lower precision is never slower; is a figure "
                          "misfiled?",
                          to_string(ladder[i]), low.written, to_string(ladder[j]), high.written));
        }
      }
    }
    const value& fp8 = chip_.at(precision::fp8).dense;
    const value& bf16 = chip_.at(precision::bf16).dense;
    if (fp8.known() && bf16.known() && *fp8.amount > 2 * *bf16.amount * (1 + ratio_tolerance)) {
      add(rule_id::fp8_vs_bf16, pointer_of(chip_, fp8),
          fmt::format("dense fp8 ({}) is {:.3g}x dense bf16 ({}); no chip exceeds 2x: is the fp8 figure sparse?",
                      fp8.written, *fp8.amount / *bf16.amount, bf16.written));
    }
  }

  void check_efficiency() {
    for (precision p : all_precisions) {
      const value& dense = chip_.at(p).dense;
      if (dense.known() && chip_.tdp.known() && *dense.amount / *chip_.tdp.amount > 20) {
        add(rule_id::efficiency_bounds, pointer_of(chip_, dense),
            fmt::format("{} / {} is {:.3g} {}/W, beyond any chip today; is the power or the figure wrong?",
                        dense.written, chip_.tdp.written, *dense.amount / *chip_.tdp.amount,
                        canonical_unit(is_integer(p) ? dimension::integer_compute : dimension::float_compute)));
      }
    }
    for (precision p : {precision::bf16, precision::fp16}) {
      const value& dense = chip_.at(p).dense;
      if (!dense.known() || !chip_.memory_bandwidth.known()) continue;
      const double knee = *dense.amount / (*chip_.memory_bandwidth.amount / 1000);
      if (knee < 1 || knee > 5000) {
        add(rule_id::efficiency_bounds, pointer_of(chip_, chip_.memory_bandwidth),
            fmt::format("the {} roofline knee would be {:.3g} FLOP/byte ({} over {}), outside 1..5000", to_string(p),
                        knee, dense.written, chip_.memory_bandwidth.written));
      }
    }
  }

  void check_memory() {
    const memory_technology* tech = technology_of(chip_.memory_type);
    if (tech == nullptr) return;
    const value& bandwidth = chip_.memory_bandwidth;
    if (bandwidth.known() && *bandwidth.amount / 1000 > tech->max_bandwidth_tb_s) {
      add(rule_id::memory_bounds, pointer_of(chip_, bandwidth),
          fmt::format("{} is more than {} can deliver to one chip (at most about {} TB/s)", bandwidth.written,
                      tech->name, tech->max_bandwidth_tb_s));
    }
    const value& capacity = chip_.memory_capacity;
    if (capacity.known() && *capacity.amount > tech->max_capacity_gb) {
      add(rule_id::memory_bounds, pointer_of(chip_, capacity),
          fmt::format("{} is more {} than fits on one chip (at most about {} GB)", capacity.written, tech->name,
                      tech->max_capacity_gb));
    }
    if (const auto released = read_date(chip_.released)) {
      if (released->year < tech->first_year) {
        add(rule_id::memory_year, "/released",
            fmt::format("released {} with {} memory, which first shipped in {}", chip_.released, tech->name,
                        tech->first_year));
      }
    }
  }

  void check_sources() {
    for (const auto& s : chip_.sources) {
      const std::string pointer = "/sources/" + pointer_escape(s.id);
      if (!s.url.view().starts_with("https://") && !s.url.view().starts_with("http://")) {
        add(rule_id::source_url, pointer + "/url",
            fmt::format("source \"{}\" has no http(s) URL (\"{}\"): a reviewer must be able to open it", s.id, s.url));
      }
      if (!s.via.empty() && s.via.view().find("https://") == std::string::npos && s.via.view().find("http://") == std::string::npos) {
        add(rule_id::source_url, pointer + "/via",
            fmt::format("source \"{}\" was read via \"{}\", which has no http(s) URL: say which copy, so a reviewer can "
                        "open it",
                        s.id, s.via));
      }
      if (s.accessed.empty()) {
        add(rule_id::source_accessed, pointer,
            fmt::format("source \"{}\" has no \"accessed\" date (YYYY-MM-DD): pages change, say when it was read", s.id),
            true);
      } else if (const auto parts = read_date(s.accessed); !parts || parts->day == 0) {
        add(rule_id::source_accessed, pointer + "/accessed",
            fmt::format("source \"{}\" accessed \"{}\" is not a date as YYYY-MM-DD", s.id, s.accessed));
      }
    }
  }

  void check_notes() {
    const bool shipping = chip_.status == "shipping" || chip_.status == "discontinued";
    bool warned_basis = false;
    for_each_value(chip_, [&](std::string_view field, const value& v, std::string_view) {
      if (!v.known()) return;
      const bool needs_note = v.basis == basis::estimate || v.basis == basis::derived || v.basis == basis::projected;
      if (needs_note && v.note.empty()) {
        add(rule_id::note_required, pointer_of(chip_, v),
            fmt::format("{} is {} but has no note saying from what", field, to_string(v.basis)));
      }
      if (!shipping && v.basis == basis::vendor && !warned_basis) {
        warned_basis = true;
        add(rule_id::announced_basis, pointer_of(chip_, v),
            fmt::format("{} is a vendor figure, but the chip is {}: mark its figures \"projected\"", field,
                        chip_.status));
      }
    });
  }

  // "released" has passed once today is past its last day.
  void check_release() {
    if (chip_.status != "announced" && chip_.status != "projected") return;
    const auto released = span_of(chip_.released);
    if (released && today() > released->last) {
      add(rule_id::release_passed, "/released",
          fmt::format("the chip is {} with a release date of {}, which has passed: mark it shipping (with figures "
                      "that shipped), or move the date",
                      chip_.status, chip_.released));
    }
  }

  void check_interconnect() {
    if (chip_.interconnect_bandwidth.known() && chip_.interconnect_direction.empty()) {
      add(rule_id::interconnect_direction, pointer_of(chip_, chip_.interconnect_bandwidth),
          "interconnect.bandwidth does not say how it is counted: add \"direction\": \"unidirectional\", "
          "\"bidirectional\", or \"unstated\" where the vendor does not say");
    }
  }

  // A price is a dated fact: its source must carry the price list's date, and that date must be recent.
  void check_prices() {
    for (const value* price : {&chip_.price_usd, &chip_.price_cloud_hour}) {
      if (!price->known()) continue;
      const source_ref* s = chip_.find_source(price->source);
      if (s == nullptr) continue;  // reported by loading
      const auto published = span_of(s->published);
      if (!published) {
        add(rule_id::price_age, pointer_of(chip_, *price),
            fmt::format("the price {} cites source \"{}\", which has no \"published\" date: give the price list's date "
                        "(YYYY-MM-DD), so readers and this rule can tell its age",
                        price->written, s->id));
      } else if (std::chrono::sys_days(published->last) + price_max_age < std::chrono::sys_days(today())) {
        add(rule_id::price_age, pointer_of(chip_, *price),
            fmt::format("the price {} is from {}, more than {} months ago: read the price list again", price->written,
                        s->published, price_max_age.count()));
      }
    }
  }

  // A spec source older than the newest one the chip cites may have been superseded (a revised datasheet, a
  // shipped product replacing an announcement). Prices are dated on their own rule and left out here.
  void check_source_ages() {
    struct dated {
      const source_ref* source;
      date_span span;
      std::vector<std::string> fields;
    };
    std::vector<dated> cited;
    for_each_value(chip_, [&](const std::string& field, const value& v, std::string_view) {
      if (!v.known() || field.starts_with("price.")) return;
      const source_ref* s = chip_.find_source(v.source);
      if (s == nullptr) return;
      const auto span = span_of(s->published);
      if (!span) return;
      auto it = std::find_if(cited.begin(), cited.end(), [&](const dated& d) { return d.source == s; });
      if (it == cited.end()) it = cited.insert(cited.end(), {s, *span, {}});
      it->fields.push_back(field);
    });
    const auto newest = std::max_element(cited.begin(), cited.end(),
                                         [](const dated& a, const dated& b) { return a.span.first < b.span.first; });
    if (newest == cited.end()) return;
    for (const auto& d : cited) {
      if (!(d.span.last < newest->span.first)) continue;
      add(rule_id::source_older, "/sources/" + pointer_escape(d.source->id) + "/published",
          fmt::format("source \"{}\" ({}) gives {}, but the chip also cites \"{}\" of {}: check the newer document "
                      "does not revise them",
                      d.source->id, d.source->published, fmt::join(d.fields, ", "), newest->source->id,
                      newest->source->published));
    }
  }

  void check_die() {
    const value& area = chip_.die_area;
    if (!area.known()) return;
    const double dies = chip_.die_count.known() ? *chip_.die_count.amount : 1;
    if (*area.amount / dies > max_die_area_mm2) {
      add(rule_id::die_bounds, pointer_of(chip_, area),
          fmt::format("{} mm² over {} logic die{} is {:.4g} mm² a die, larger than the lithography reticle (858 mm²): "
                      "is die.count missing, or HBM and base dies added in?",
                      area.written, dies, dies == 1 ? "" : "s", *area.amount / dies));
    }
    const value& transistors = chip_.transistors;
    if (transistors.known() && *transistors.amount * 1e9 / *area.amount > max_transistors_per_mm2) {
      add(rule_id::die_bounds, pointer_of(chip_, transistors),
          fmt::format("{} billion transistors on {} mm² is {:.4g} million per mm², denser than any logic process: "
                      "is the area per die rather than the total, or the count in millions?",
                      transistors.written, area.written, *transistors.amount * 1e3 / *area.amount));
    }
  }

  const source_map& map_;
  const chip& chip_;
  std::vector<finding>& out_;
};

struct name_claim {
  std::string name;
  text_position where;
  bool is_id;
};

// What the cross-file checks need of one file once its own checks are done: not its text, not its chip.
struct checked_file {
  std::vector<finding> findings;
  std::string id;  // empty when the file did not load into a chip
  std::vector<name_claim> claims;
  // The chip's known spec figures, field=amount, in sheet order: two files with the same are one SKU twice, or a
  // copy whose figures were never edited. Empty when the chip has too few figures for equality to mean that.
  std::string figures;
  text_position id_at;
};

// Compute, memory, power and scale-up: what tells SKUs apart. Die and price figures are shared by design
// (bins of one die; one instance type) and left out.
std::string figures_of(const chip& c) {
  constexpr std::size_t min_figures = 4;
  std::string out;
  std::size_t count = 0;
  for_each_value(c, [&](const std::string& field, const value& v, std::string_view) {
    if (!v.known() || field.starts_with("die.") || field.starts_with("price.") || field == "memory.stacks") return;
    out += fmt::format("{}={};", field, *v.amount);
    ++count;
  });
  return count >= min_figures ? out : std::string();
}

checked_file check_file(const chip_file& file) {
  checked_file out;
  std::string read;
  if (!file.text) {
    try {
      read = read_chip_file(file.name);
    } catch (const error& e) {
      // read_chip_file's message starts with the path; the finding names it already.
      std::string message = e.what();
      if (message.starts_with(file.name + ": ")) message = message.substr(file.name.size() + 2);
      out.findings.push_back(make_finding(file.name, {0, 0}, rule_id::file, message));
      return out;
    }
  }
  const std::string& text = file.text ? *file.text : read;
  load_result loaded = check_chip(text, file.name, file.name.starts_with("bundled:"));
  out.findings = std::move(loaded.findings);
  if (loaded.parsed) {
    const chip& c = *loaded.parsed;
    file_checker(loaded, c, out.findings).run(file.name);
    out.id = c.id;
    out.figures = figures_of(c);
    out.id_at = loaded.map.value_at("/id");
    out.claims.push_back({c.id, out.id_at, true});
    for (std::size_t i = 0; i < c.aliases.size(); ++i) {
      out.claims.push_back({c.aliases[i], loaded.map.value_at("/aliases/" + std::to_string(i)), false});
    }
  }
  return out;
}

struct claimed_name {
  std::string file;
  std::string id;
};

void check_layer(const validation_layer& layer, std::size_t jobs, validation_report& report) {
  report.files += layer.files.size();
  std::unordered_map<std::string, claimed_name> claimed;  // lower-case id or alias -> first claimant
  std::unordered_map<std::string, claimed_name> figured;  // figures -> first chip with them
  std::size_t index = 0;
  produce_in_order(
      layer.files.size(), jobs, [&](std::size_t i) { return check_file(layer.files[i]); },
      [&](checked_file checked) {
        const std::string& file = layer.files[index++].name;
        if (!checked.id.empty()) ++report.chips;
        for (const auto& claim : checked.claims) {
          const std::string lower = to_lower(claim.name);
          const auto [it, inserted] = claimed.try_emplace(lower, claimed_name{file, checked.id});
          if (inserted && !claim.is_id && layer.ids_beneath.count(lower) > 0 && lower != to_lower(checked.id)) {
            checked.findings.push_back(make_finding(
                file, claim.where, rule_id::duplicate_alias,
                fmt::format("\"{}\" is the id of a bundled chip: with the bundled data in use, loading fails on the "
                            "clash (rename the alias, or load with --no-bundled)",
                            claim.name)));
          }
          if (inserted || it->second.file == file) continue;
          checked.findings.push_back(make_finding(
              file, claim.where, claim.is_id ? rule_id::duplicate_id : rule_id::duplicate_alias,
              fmt::format("\"{}\" is already {} \"{}\" in {}", claim.name,
                          lower == to_lower(it->second.id) ? "the id of" : "an alias of", it->second.id,
                          it->second.file)));
        }
        if (!checked.figures.empty()) {
          const auto [it, inserted] = figured.try_emplace(checked.figures, claimed_name{file, checked.id});
          if (!inserted && it->second.id != checked.id) {
            checked.findings.push_back(make_finding(
                file, checked.id_at, rule_id::duplicate_values,
                fmt::format("every compute, memory, power and interconnect figure of \"{}\" equals those of \"{}\" "
                            "in {}: one SKU under two ids (make one an alias of the other), or a copy not edited",
                            checked.id, it->second.id, it->second.file)));
          }
        }
        sort_by_position(checked.findings);
        std::move(checked.findings.begin(), checked.findings.end(), std::back_inserter(report.findings));
      });
}

}  // namespace

std::size_t validation_report::count(severity s) const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [&](const finding& f) { return f.level == s; }));
}

validation_layer bundled_layer() {
  validation_layer layer;
  for (const auto& file : bundled_files()) {
    layer.files.push_back({fmt::format("bundled:{}", file.name), std::string(file.text)});
  }
  return layer;
}

validation_layer layer_from_paths(const std::vector<std::string>& paths) {
  validation_layer layer;
  for (const auto& argument : paths) {
    for (const auto& path : chip_files_in(argument)) layer.files.push_back({path.string(), std::nullopt});
  }
  return layer;
}

validation_report validate(const std::vector<validation_layer>& layers, std::size_t jobs) {
  today();  // read the pinned date, if any, here: a bad one is an error before any file is checked
  validation_report report;
  for (const auto& layer : layers) check_layer(layer, jobs, report);
  return report;
}

// The day date rules (release-passed, price-age) measure against: today, or the reproducible-builds convention's
// SOURCE_DATE_EPOCH (seconds since 1970) where set, so a build or a test can pin it. Read once, on the first
// call, which validate() makes before its workers start, so a bad value is reported from the main thread.
std::chrono::year_month_day today() {
  static const std::chrono::year_month_day day = [] {
    using namespace std::chrono;
    const char* pinned = std::getenv("SOURCE_DATE_EPOCH");
    if (pinned == nullptr || *pinned == '\0') return year_month_day(floor<days>(system_clock::now()));
    const std::string_view text(pinned);
    long long seconds = 0;
    const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    constexpr long long max_seconds = 253402300799;  // 9999-12-31T23:59:59Z
    if (problem != std::errc() || end != text.data() + text.size() || seconds < 0 || seconds > max_seconds) {
      throw error(fmt::format("SOURCE_DATE_EPOCH=\"{}\" is not a count of seconds since 1970 (0 to {})",
                              printable(text), max_seconds));
    }
    return year_month_day(floor<days>(sys_seconds(std::chrono::seconds(seconds))));
  }();
  return day;
}

}  // namespace xpuspec
