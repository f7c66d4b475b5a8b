#include <algorithm>
#include <memory>

#include "cli/context.hpp"
#include "xpuspec/error.hpp"

namespace xpuspec::cli {

struct compare_options {
  std::vector<std::string> chips;
  std::string precision = "bf16";
  std::string baseline;
  std::vector<std::string> metrics;
  bool long_form = false;
  bool all = false;
  list_filter filter;
};

int run_compare(const compare_options& o, context& ctx) {
  const precision p = parse_precision(o.precision);
  std::vector<metric> metrics;
  for (const auto& name : o.metrics) metrics.push_back(parse_metric(name));
  if (metrics.empty()) metrics = default_compare_metrics();

  const catalog cat = ctx.load();
  std::vector<const chip*> chips;
  std::vector<std::string> requested;
  if (o.chips.empty() && !o.all && !o.filter.any()) {
    throw error("name the chips to compare, or give --all (or --vendor, --status, --since, --kind)");
  }
  for (const auto& name : o.chips) {
    chips.push_back(&cat.get(name));
    requested.push_back(name);
  }
  if (o.chips.empty()) {
    // Every chip the filters let through, as `list` would show them.
    for (const chip* c : make_list(cat, o.filter).chips) {
      chips.push_back(c);
      requested.push_back(c->id.str());
    }
    if (chips.empty()) throw error("no chip matches the filters; `xpuspec list` with the same filters shows why");
  } else if (o.filter.any()) {
    list_filter named = o.filter;
    if (!named.kind) named.kind = subject_kind::all;
    std::vector<std::string> kept;
    std::vector<const chip*> kept_chips;
    for (std::size_t i = 0; i < chips.size(); ++i) {
      if (matches(*chips[i], named)) {
        kept_chips.push_back(chips[i]);
        kept.push_back(requested[i]);
      }
    }
    chips = std::move(kept_chips);
    requested = std::move(kept);
    if (chips.empty()) throw error("none of the chips named matches the filters");
  }
  const chip* baseline = o.baseline.empty() ? nullptr : &cat.get(o.baseline);
  // A baseline that is not among the chips is still shown, first, so every ratio has its reference in view.
  if (baseline && std::find(chips.begin(), chips.end(), baseline) == chips.end()) {
    chips.insert(chips.begin(), baseline);
    requested.insert(requested.begin(), o.baseline);
  }
  compare_report report = make_compare(chips, p, std::move(metrics), baseline, requested);
  report.long_form = ctx.long_form(o.long_form);
  ctx.emit_report(report);
  return 0;
}

void setup_compare(CLI::App& app, context& ctx) {
  auto o = std::make_shared<compare_options>();
  auto* sub = app.add_subcommand("compare", "Chips side by side: raw specs and derived metrics, dense figures only");
  sub->add_option("chips", o->chips, "Chip ids or aliases (or none, with --all or a filter)")
      ->type_name(type_name(value_type::chip));
  sub->add_flag("--all", o->all, "Every chip (with --kind, every system too), or every one the filters let through");
  add_filter_options(*sub, o->filter);
  add_precision_option(*sub, o->precision);
  sub->add_option("-b,--baseline", o->baseline, "Add each metric as a ratio to this chip's")->type_name(type_name(value_type::chip));
  sub->add_option("-m,--metrics", o->metrics, "Only these metric ids, in this order (see `xpuspec metrics`)")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->type_name(type_name(value_type::metric_list));
  add_long_option(*sub, o->long_form);
  sub->callback([o, &ctx] { ctx.run = [o](context& c) { return run_compare(*o, c); }; });
}

XPUSPEC_COMMAND(compare, 30, setup_compare);

}  // namespace xpuspec::cli
