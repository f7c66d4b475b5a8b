#pragma once
// What every subcommand shares: the global options, the loaded chips, and where the output goes.

#include <functional>
#include <span>
#include <string_view>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "render/render.hpp"
#include "xpuspec/catalog.hpp"
#include "xpuspec/metrics.hpp"
#include "xpuspec/model.hpp"
#include "xpuspec/report.hpp"

namespace xpuspec::cli {

struct global_options {
  std::vector<std::string> data;
  bool no_bundled = false;
  std::string format = "table";
  bool json = false;
  std::string output;
  bool output_given = false;  // -o "" is an empty file name, not stdout
  std::string color = "auto";
  bool wide = false;
};

struct context {
  global_options options;
  std::function<int(context&)> run;  // set by the subcommand the user chose

  catalog load() const;
  std::vector<std::string> data_paths() const;  // XPUSPEC_PATH entries, then --data, lowest layer first
  render::format output_format() const;
  // --long: the tidy CSV/TSV form; an error naming the option with any other format, where it would do nothing.
  bool long_form(bool requested) const;
  // validate's findings: text, json or GitHub annotations, from the same --format.
  render::findings_format findings_format() const;
  render::style output_style() const;
  // Writes the command's output: to stdout, or atomically to -o FILE (a failed run leaves FILE as it was).
  void emit(const std::string& text) const;
  // The same for output made a piece at a time: `produce` hands each piece to the sink it is given.
  void emit_pieces(const std::function<void(const render::sink&)>& produce) const;
  // A report in the chosen format and style, written as it is rendered (render::render_to).
  template <typename Report>
  void emit_report(const Report& r) const {
    emit_pieces([&](const render::sink& out) { render::render_to(r, output_format(), output_style(), out); });
  }
};

void add_global_options(CLI::App& app, context& ctx);

// What an option's value is: its name in --help ("CHIP") and how a shell completes it (a list xpuspec prints with
// `completion --list`, or file names). Options name their type through this table, and the completion scripts read
// it back, so the two cannot disagree.
enum class value_type { chip, target, metric, metric_list, precision, weight_format, dimension, vendor, path, dir, file };
struct value_type_def {
  value_type type;
  std::string_view name;  // as --help shows it
  std::string_view list;  // `xpuspec completion --list LIST`; empty: none
  bool files = false;     // complete file names
};
inline constexpr value_type_def value_types[] = {
    {value_type::chip, "CHIP", "chips"},          {value_type::target, "TARGET", "chips"},
    {value_type::metric, "METRIC", "metrics"},    {value_type::metric_list, "ID,...", "metrics"},
    {value_type::precision, "PRECISION", "precisions"}, {value_type::weight_format, "FMT", "precisions"},
    {value_type::dimension, "DIM", "dimensions"}, {value_type::vendor, "VENDOR", "vendors"},
    {value_type::path, "PATH", "", true},         {value_type::dir, "DIR", "", true},
    {value_type::file, "FILE", "", true}};
std::string type_name(value_type t);
const value_type_def* value_type_named(std::string_view name);

// Options several commands share, spelled the same everywhere.
void add_filter_options(CLI::App& sub, list_filter& filter);
void add_precision_option(CLI::App& sub, std::string& precision);

// Numbers on the command line, checked as they are parsed: decimal (a leading 0 is not octal), finite, and within
// the option's range, so no option value can wrap, overflow or turn into NaN downstream. The range is part of
// the option's help ("in [1, 1e9]"); a value outside it is a usage error naming the option.
struct number_range {
  double min;
  double max;
  bool min_exclusive = false;  // (min, max] rather than [min, max]
};
CLI::Option* add_number_option(CLI::App& sub, const std::string& name, double& target, const std::string& help,
                               number_range range);
// Whole numbers (chip counts, rows, threads): digits only, in [min, max].
CLI::Option* add_count_option(CLI::App& sub, const std::string& name, std::size_t& target, const std::string& help,
                              std::size_t min, std::size_t max);
// A list of numbers (comma-separated or repeated), each checked like add_number_option.
CLI::Option* add_numbers_option(CLI::App& sub, const std::string& name, std::vector<double>& target,
                                const std::string& help, number_range range);

// The chips a command names, resolved (with "did you mean" on a typo); all chips when it names none.
std::vector<const chip*> chips_named(const catalog& cat, const std::vector<std::string>& names);

// Checked conversions of option values, with "did you mean" on a typo.
precision parse_precision(const std::string& name);
metric parse_metric(const std::string& name);

void add_long_option(CLI::App& sub, bool& target);

// rank and chart bar: the same question, drawn as a table or as bars.
struct rank_options {
  std::string by;
  std::vector<std::string> chips;
  std::string precision = "bf16";
  std::size_t top = 0;  // 0: all rows
  bool ascending = false;
  bool descending = false;  // the default; accepted so scripts can say it
  list_filter filter;
};
void add_rank_options(CLI::App& sub, rank_options& o);
rank_report rank_from(const rank_options& o, const catalog& cat);

// roofline and chart roofline: arithmetic intensities in FLOP/byte (real kernels span about 0.1 to 10^4).
inline constexpr number_range intensity_range{0, 1e6, true};

// The whole tool: parse argv, run the command, print errors; the exit status (main.cpp; also the argv fuzz target).
int run_command_line(int argc, char** argv);

// The command table. Each cmd_NAME.cpp ends with its own row (XPUSPEC_COMMAND), so a new command is one new file;
// main walks the rows in order to define, list and suggest commands, and the completion scripts and the man page
// read what the rows' setup functions declare. A setup function adds its subcommand and options to the app and,
// when the subcommand is chosen, sets ctx.run.
using setup_function = void (*)(CLI::App& app, context& ctx);
struct command {
  std::string_view name;
  int position;          // order in `xpuspec --help`, the completions and the man page
  setup_function setup;
  bool listed = true;    // false: for the build (manpage), not offered to users
};
std::span<const command> command_table();  // in position order
struct command_row {
  explicit command_row(const command& c);
};
#define XPUSPEC_COMMAND(name, position, ...) XPUSPEC_NAMED_COMMAND(name, #name, position, __VA_ARGS__)
// For a command whose name is not an identifier ("export-control").
#define XPUSPEC_NAMED_COMMAND(identifier, name, position, ...) \
  const ::xpuspec::cli::command_row identifier##_command_row { ::xpuspec::cli::command{name, position, __VA_ARGS__} }

}  // namespace xpuspec::cli
