#include "cli/context.hpp"
#include "cli/output_file.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "xpuspec/error.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec::cli {
namespace {

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

// Columns of the terminal on stdout: COLUMNS when the shell exports it, else the terminal's own size, else 80.
std::size_t terminal_width() {
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long n = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && n >= 20 && n <= 10000) return static_cast<std::size_t>(n);
  }
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) return size.ws_col;
  return 80;
}

bool dumb_terminal() {
  const char* term = std::getenv("TERM");
  return term != nullptr && std::string_view(term) == "dumb";
}

}  // namespace

std::vector<std::string> context::data_paths() const {
  std::vector<std::string> paths;
  if (const char* search_path = std::getenv("XPUSPEC_PATH")) paths = split_search_path(search_path);
  paths.insert(paths.end(), options.data.begin(), options.data.end());
  return paths;
}

catalog context::load() const { return load_catalog({!options.no_bundled, data_paths()}); }

render::format context::output_format() const {
  if (options.json) return render::format::json;
  if (options.format == "text") return render::format::table;
  // CLI11 has checked the name against the list already; only validate's findings come as GitHub annotations.
  if (const auto f = render::format_from_string(options.format)) return *f;
  std::vector<std::string_view> names = render::format_list();
  const std::string_view last = names.back();
  names.pop_back();
  throw error(fmt::format("--format {} is for validate's findings; this prints {} or {}", options.format,
                          fmt::join(names, ", "), last));
}

render::findings_format context::findings_format() const {
  if (options.json || options.format == "json") return render::findings_format::json;
  if (options.format == "table" || options.format == "text") return render::findings_format::text;
  if (options.format == "github") return render::findings_format::github;
  if (options.format == "sarif") return render::findings_format::sarif;
  throw error(fmt::format("--format {}: validate prints its findings as text, json, github or sarif", options.format));
}

render::style context::output_style() const {
  const bool terminal = options.output.empty() && ::isatty(STDOUT_FILENO) == 1 && !dumb_terminal();
  render::style s;
  if (options.color == "always") {
    s.color = true;
    s.decorate = true;
  } else if (options.color == "never") {
    s.decorate = terminal;
  } else {
    s.color = terminal && !env_set("NO_COLOR");
    s.decorate = terminal;
  }
  // A table wider than the terminal wraps into blocks that fit; a pipe gets whole lines, as does --wide.
  if (s.decorate && !options.wide) s.width = terminal_width();
  return s;
}

void context::emit(const std::string& text) const {
  emit_pieces([&](const render::sink& out) { out(text); });
}

void context::emit_pieces(const std::function<void(const render::sink&)>& produce) const {
  if (options.output == "-" || (options.output.empty() && !options.output_given)) {
    // A reader that stopped reading (`| head -1`) ends the rendering too: nothing more would be read.
    struct reader_gone {};
    try {
      produce([](std::string_view piece) {
        if (!write_descriptor(STDOUT_FILENO, piece, "standard output", true)) throw reader_gone{};
      });
    } catch (const reader_gone&) {
    }
  } else {
    write_output_file(options.output, produce);
  }
}

namespace {

// The report formats, then the ones only validate's findings have.
std::vector<std::string> format_choices() {
  std::vector<std::string> names;
  for (const auto name : render::format_choices()) names.emplace_back(name);
  names.insert(names.end(), {"text", "github", "sarif"});
  return names;
}

}  // namespace

void add_global_options(CLI::App& app, context& ctx) {
  global_options& o = ctx.options;
  app.add_option("--data", o.data,
                 "Add chip files from DIR or FILE on top of the bundled data (repeatable; also XPUSPEC_PATH, "
                 "colon-separated); a file with a bundled chip's id replaces it")
      ->type_name(type_name(value_type::dir))
      ->expected(1)
      ->allow_extra_args(false)  // one folder per --data: `compare --data DIR h100 a100` keeps its chips
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_flag("--no-bundled", o.no_bundled, "Use only the chips from --data and XPUSPEC_PATH");
  auto* format = app.add_option("--format", o.format,
                                "Output format; validate's findings: text (the default), json or github")
                     ->check(CLI::IsMember(format_choices()))
                     ->type_name("FORMAT");
  app.add_flag("--json", o.json, "Short for --format json")->excludes(format);
  app.add_flag("--wide", o.wide, "On a terminal, never wrap a table to the terminal's width");
  app.add_option("-o,--output", o.output, "Write the output to FILE, atomically (a failed run leaves FILE as it was)")
      ->type_name(type_name(value_type::file))
      ->each([&o](const std::string&) { o.output_given = true; });
  app.add_option("--color", o.color, "Colour and bars: auto (a terminal, unless NO_COLOR is set or TERM=dumb)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
}

namespace {

// "1e+15", not "1000000000000000".
std::string shown_number(double x) { return fmt::format("{:g}", x); }

std::string range_text(const number_range& r) {
  return fmt::format("{}{}, {}]", r.min_exclusive ? "(" : "[", shown_number(r.min), shown_number(r.max));
}

// Option names and values reach the terminal: a hostile value is escaped, and a long one cut.
std::string quoted_value(const std::string& text) {
  constexpr std::size_t longest = 40;
  const std::string shown = printable(text.size() > longest ? text.substr(0, longest) : text);
  return fmt::format("\"{}{}\"", shown, text.size() > longest ? "..." : "");
}

double parse_number(const std::string& option, const std::string& text, const number_range& r) {
  double x = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  // from_chars reads decimal only (never octal or hex) and refuses a leading '+'; it accepts "inf" and "nan",
  // which the finiteness check below turns away.
  const auto [end, problem] = std::from_chars(first, last, x, std::chars_format::general);
  if (problem == std::errc::result_out_of_range) {
    throw CLI::ValidationError(option, fmt::format("{} is out of range {}", quoted_value(text), range_text(r)));
  }
  if (problem != std::errc() || end != last || !std::isfinite(x)) {
    throw CLI::ValidationError(option, fmt::format("{} is not a number", quoted_value(text)));
  }
  const bool below = r.min_exclusive ? !(x > r.min) : !(x >= r.min);
  if (below || !(x <= r.max)) {
    throw CLI::ValidationError(option, fmt::format("{} is outside {}", quoted_value(text), range_text(r)));
  }
  return x + 0.0;  // -0 is 0
}

// "-n,--count" is named "--count" in messages.
std::string long_name(const std::string& names) { return names.substr(names.rfind(',') + 1); }

std::string with_range(const std::string& help, const std::string& range) { return fmt::format("{} (in {})", help, range); }

}  // namespace

CLI::Option* add_number_option(CLI::App& sub, const std::string& name, double& target, const std::string& help,
                               number_range range) {
  const std::string option = long_name(name);
  return sub
      .add_option_function<std::string>(
          name, [&target, option, range](const std::string& text) { target = parse_number(option, text, range); },
          with_range(help, range_text(range)))
      ->expected(1);
}

CLI::Option* add_count_option(CLI::App& sub, const std::string& name, std::size_t& target, const std::string& help,
                              std::size_t min, std::size_t max) {
  const std::string option = long_name(name);
  const std::string range = fmt::format("[{}, {}]", min, max);
  return sub
      .add_option_function<std::string>(
          name,
          [&target, option, min, max, range](const std::string& text) {
            std::size_t n = 0;
            const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), n, 10);
            if (problem == std::errc::result_out_of_range) {
              throw CLI::ValidationError(option, fmt::format("{} is outside {}", quoted_value(text), range));
            }
            if (problem != std::errc() || end != text.data() + text.size()) {
              throw CLI::ValidationError(option, fmt::format("{} is not a whole number", quoted_value(text)));
            }
            if (n < min || n > max) {
              throw CLI::ValidationError(option, fmt::format("{} is outside {}", quoted_value(text), range));
            }
            target = n;
          },
          with_range(help, range))
      ->expected(1);
}

CLI::Option* add_numbers_option(CLI::App& sub, const std::string& name, std::vector<double>& target,
                                const std::string& help, number_range range) {
  const std::string option = long_name(name);
  return sub
      .add_option_function<std::vector<std::string>>(
          name,
          [&target, option, range](const std::vector<std::string>& texts) {
            for (const auto& text : texts) target.push_back(parse_number(option, text, range));
          },
          with_range(help, range_text(range)))
      ->delimiter(',')
      ->allow_extra_args(false);
}

bool context::long_form(bool requested) const {
  if (!requested) return false;
  const render::format f = output_format();
  if (f != render::format::csv && f != render::format::tsv) {
    throw error(fmt::format("--long is a CSV and TSV form (one row per chip and metric); add --format csv or "
                            "--format tsv (the output format is {})", f.name));
  }
  return true;
}

void add_long_option(CLI::App& sub, bool& target) {
  sub.add_flag("--long", target,
               "With --format csv|tsv: one row per chip and metric (tidy), with unit, basis, sources and the reason "
               "a value is missing");
}

void add_filter_options(CLI::App& sub, list_filter& filter) {
  sub.add_option("--vendor", filter.vendors, "Only these vendors (repeatable or comma-separated; any case)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->type_name(type_name(value_type::vendor));
  sub.add_option("--status", filter.statuses, "Only these statuses")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::IsMember({"shipping", "announced", "projected", "discontinued"}, CLI::ignore_case))
      ->type_name("STATUS");
  sub.add_option_function<std::string>(
         "--kind", [&filter](const std::string& kind) { filter.kind = subject_kind_from_string(kind); },
         "chip, system (whole systems: CloudMatrix 384, GB200 NVL72, TPU pods, ...) or all (default: chip, or all "
         "when chips are named)")
      ->transform(CLI::IsMember({"chip", "system", "all"}, CLI::ignore_case))
      ->type_name("KIND");
  sub.add_option("--since", filter.since, "Only chips released in or after this year or month (2023, 2023-06)")
      ->check([](const std::string& date) {
        const bool year = date.size() == 4;
        const bool month = date.size() == 7 && date[4] == '-' && date.substr(5) >= "01" && date.substr(5) <= "12";
        const bool digits = std::all_of(date.begin(), date.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
        return (year || month) && digits && date.find('-') == (month ? 4 : std::string::npos)
                   ? std::string()
                   : std::string("a year or a month: YYYY or YYYY-MM");
      })
      ->type_name("DATE");
}

void add_precision_option(CLI::App& sub, std::string& precision) {
  sub.add_option("-p,--precision", precision,
                 "Precision of the compute figures, dense: fp64, fp64_tensor, fp32, tf32, bf16, fp16, fp8, fp6, fp4, "
                 "int8, int4")
      ->capture_default_str()
      ->type_name(type_name(value_type::precision));
}

std::vector<const chip*> chips_named(const catalog& cat, const std::vector<std::string>& names) {
  std::vector<const chip*> chips;
  if (names.empty()) {
    // All chips, not the systems built of them: a system is asked for by name or with --kind.
    for (const auto& c : cat.chips()) chips.push_back(&c);
  } else {
    for (const auto& name : names) chips.push_back(&cat.get(name));
  }
  return chips;
}

precision parse_precision(const std::string& name) {
  if (const auto p = precision_from_string(to_lower(name))) return *p;
  std::vector<std::string> names;
  for (precision p : all_precisions) names.emplace_back(to_string(p));
  throw error(fmt::format("unknown precision \"{}\"{}; precisions: {}", name, did_you_mean(name, names),
                          fmt::join(names, ", ")));
}

metric parse_metric(const std::string& name) {
  if (const auto m = metric_from_string(to_lower(name))) return *m;
  throw error(fmt::format("unknown metric \"{}\"{}; `xpuspec metrics` lists them", name,
                          did_you_mean(name, metric_names())));
}

namespace {

std::vector<command>& rows() {
  static std::vector<command> table;  // built during static initialisation, before main reads it
  return table;
}

}  // namespace

command_row::command_row(const command& c) {
  auto& table = rows();
  const auto after = std::upper_bound(table.begin(), table.end(), c.position,
                                      [](int position, const command& row) { return position < row.position; });
  table.insert(after, c);
}

std::span<const command> command_table() { return rows(); }

std::string type_name(value_type t) {
  for (const auto& def : value_types) {
    if (def.type == t) return std::string(def.name);
  }
  return "VALUE";
}

const value_type_def* value_type_named(std::string_view name) {
  for (const auto& def : value_types) {
    if (def.name == name) return &def;
  }
  return nullptr;
}

}  // namespace xpuspec::cli
