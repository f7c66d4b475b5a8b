#include <algorithm>
#include <memory>

#include "cli/context.hpp"

namespace xpuspec::cli {

struct compare_options {
  std::vector<std::string> chips;
  std::string precision = "bf16";
  std::string baseline;
  std::vector<std::string> metrics;
};

int run_compare(const compare_options& o, context& ctx) {
  const precision p = parse_precision(o.precision);
  std::vector<metric> metrics;
  for (const auto& name : o.metrics) metrics.push_back(parse_metric(name));
  if (metrics.empty()) metrics = default_compare_metrics();

  const catalog cat = ctx.load();
  std::vector<const chip*> chips;
  std::vector<std::string> requested;
  for (const auto& name : o.chips) {
    chips.push_back(&cat.get(name));
    requested.push_back(name);
  }
  const chip* baseline = o.baseline.empty() ? nullptr : &cat.get(o.baseline);
  // A baseline that is not among the chips is still shown, first, so every ratio has its reference in view.
  if (baseline && std::find(chips.begin(), chips.end(), baseline) == chips.end()) {
    chips.insert(chips.begin(), baseline);
    requested.insert(requested.begin(), o.baseline);
  }
  const compare_report report = make_compare(chips, p, std::move(metrics), baseline, requested);
  ctx.emit(render::render(report, ctx.output_format(), ctx.output_style()));
  return 0;
}

void setup_compare(CLI::App& app, context& ctx) {
  auto o = std::make_shared<compare_options>();
  auto* sub = app.add_subcommand("compare", "Chips side by side: raw specs and derived metrics, dense figures only");
  sub->add_option("chips", o->chips, "Chip ids or aliases")->required()->type_name(type_name(value_type::chip));
  add_precision_option(*sub, o->precision);
  sub->add_option("-b,--baseline", o->baseline, "Add each metric as a ratio to this chip's")->type_name(type_name(value_type::chip));
  sub->add_option("-m,--metrics", o->metrics, "Only these metric ids, in this order (see `xpuspec metrics`)")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->type_name(type_name(value_type::metric_list));
  sub->callback([o, &ctx] { ctx.run = [o](context& c) { return run_compare(*o, c); }; });
}

XPUSPEC_COMMAND(compare, 30, setup_compare);

}  // namespace xpuspec::cli
