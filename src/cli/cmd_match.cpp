#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/match.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec::cli {

struct match_options {
  std::string chip;
  std::string target;
  std::size_t count = 1;
  std::string precision = "bf16";
  std::string by;
};

int run_match(const match_options& o, context& ctx) {
  const precision p = parse_precision(o.precision);
  std::optional<match_dimension> only;
  if (!o.by.empty()) {
    only = match_dimension_from_string(to_lower(o.by));
    if (!only) {
      throw error(fmt::format("unknown dimension \"{}\"{}; dimensions: compute, bandwidth, memory, interconnect", o.by,
                              did_you_mean(o.by, {"compute", "bandwidth", "memory", "interconnect"})));
    }
  }
  const catalog cat = ctx.load();
  const match_report report = make_match(cat.get(o.chip), cat.get(o.target), o.count, p, only);
  ctx.emit_report(report);
  return 0;
}

void setup_match(CLI::App& app, context& ctx) {
  auto o = std::make_shared<match_options>();
  auto* sub = app.add_subcommand("match", "How many CHIP match N TARGET, per dimension, and which dimension binds");
  sub->add_option("chip", o->chip, "The chip to count")->required()->type_name(type_name(value_type::chip));
  sub->add_option("--to", o->target, "The chip to replace")->required()->type_name(type_name(value_type::target));
  add_count_option(*sub, "-n,--count", o->count, "How many TARGET chips to match (default 1)", 1, 1'000'000'000)
      ->type_name("N");
  add_precision_option(*sub, o->precision);
  sub->add_option("--by", o->by, "Only one dimension: compute, bandwidth, memory or interconnect")->type_name(type_name(value_type::dimension));
  sub->callback([o, &ctx] { ctx.run = [o](context& c) { return run_match(*o, c); }; });
}

XPUSPEC_COMMAND(match, 60, setup_match);

}  // namespace xpuspec::cli
