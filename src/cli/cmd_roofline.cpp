#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/match.hpp"

namespace xpuspec::cli {

struct roofline_options {
  std::vector<std::string> chips;
  std::vector<double> intensities;
  std::string precision = "bf16";
};

int run_roofline(const roofline_options& o, context& ctx) {
  const precision p = parse_precision(o.precision);
  const catalog cat = ctx.load();
  ctx.emit_report(make_roofline(chips_named(cat, o.chips), p, o.intensities));
  return 0;
}

void setup_roofline(CLI::App& app, context& ctx) {
  auto o = std::make_shared<roofline_options>();
  auto* sub = app.add_subcommand("roofline", "Attainable TFLOPS at given arithmetic intensities, and each chip's knee");
  sub->add_option("chips", o->chips, "Chip ids or aliases")->required()->type_name(type_name(value_type::chip));
  add_numbers_option(*sub, "-i,--intensity", o->intensities, "Arithmetic intensities in FLOP/byte (comma-separated)",
                     intensity_range)
      ->required()
      ->type_name("X,...");
  add_precision_option(*sub, o->precision);
  sub->callback([o, &ctx] { ctx.run = [o](context& c) { return run_roofline(*o, c); }; });
}

XPUSPEC_COMMAND(roofline, 70, setup_roofline);

}  // namespace xpuspec::cli
