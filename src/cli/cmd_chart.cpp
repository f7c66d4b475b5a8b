// `chart`: the roofline and rank questions drawn as SVG, for a browser, a README or a slide.

#include <memory>

#include "cli/context.hpp"
#include "xpuspec/error.hpp"

namespace xpuspec::cli {
namespace {

struct roofline_chart_options {
  std::vector<std::string> chips;
  std::vector<double> intensities;
  std::string precision = "bf16";
};

}  // namespace

void setup_chart(CLI::App& app, context& ctx) {
  auto* chart = app.add_subcommand("chart", "Charts as SVG: a roofline, or bars of one metric");
  chart->require_subcommand(1);
  chart->footer("Write the chart with -o FILE.svg; without -o it goes to stdout.");

  auto roof = std::make_shared<roofline_chart_options>();
  auto* roofline = chart->add_subcommand("roofline", "Log-log roofline of the chips, knees marked");
  roofline->add_option("chips", roof->chips, "Chip ids or aliases")->required()->type_name(type_name(value_type::chip));
  add_numbers_option(*roofline, "-i,--intensity", roof->intensities,
                     "Mark these arithmetic intensities (FLOP/byte, comma-separated)", intensity_range)
      ->type_name("X,...");
  add_precision_option(*roofline, roof->precision);
  roofline->callback([roof, &ctx] {
    ctx.run = [roof](context& c) {
      const catalog cat = c.load();
      c.emit(render::render_svg(make_roofline(chips_named(cat, roof->chips), parse_precision(roof->precision),
                                              roof->intensities)));
      return 0;
    };
  });

  auto bars = std::make_shared<rank_options>();
  auto* bar = chart->add_subcommand("bar", "Bars of one metric, sorted, missing values shown as missing");
  add_rank_options(*bar, *bars);
  bar->callback([bars, &ctx] {
    ctx.run = [bars](context& c) {
      c.emit(render::render_svg(rank_from(*bars, c.load())));
      return 0;
    };
  });
}

XPUSPEC_COMMAND(chart, 120, setup_chart);

}  // namespace xpuspec::cli
