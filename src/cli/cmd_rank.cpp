#include <memory>

#include "xpuspec/error.hpp"

#include "cli/context.hpp"

namespace xpuspec::cli {

struct rank_options {
  std::string by;
  std::vector<std::string> chips;
  std::string precision = "bf16";
  std::size_t top = 0;
  bool top_given = false;
  bool ascending = false;
  bool descending = false;  // the default; accepted so scripts can say it
  list_filter filter;
};

int run_rank(const rank_options& o, context& ctx) {
  const metric by = parse_metric(o.by);
  if (o.top_given && o.top == 0) throw error("--top must be at least 1");
  const precision p = parse_precision(o.precision);
  const catalog cat = ctx.load();
  std::vector<const chip*> chips = chips_named(cat, o.chips);
  std::erase_if(chips, [&](const chip* c) { return !matches(*c, o.filter); });
  const auto top = o.top_given ? std::optional<std::size_t>(o.top) : std::nullopt;
  ctx.emit(render::render(make_rank(chips, by, p, o.ascending, top), ctx.output_format(), ctx.output_style()));
  return 0;
}

void setup_rank(CLI::App& app, context& ctx) {
  auto o = std::make_shared<rank_options>();
  auto* sub = app.add_subcommand("rank", "All (or the named, or filtered) chips ordered by one metric");
  sub->add_option("--by", o->by, "Metric id to order by (see `xpuspec metrics`)")->required()->type_name("METRIC");
  sub->add_option("chips", o->chips, "Only these chips (default: all)")->type_name("CHIP");
  add_precision_option(*sub, o->precision);
  sub->add_option("--top", o->top, "Only the first N rows")->type_name("N");
  add_filter_options(*sub, o->filter);
  auto* ascending = sub->add_flag("--ascending", o->ascending, "Lowest first");
  sub->add_flag("--descending", o->descending, "Highest first (the default)")->excludes(ascending);
  sub->callback([o, sub, &ctx] {
    o->top_given = sub->count("--top") > 0;
    ctx.run = [o](context& c) { return run_rank(*o, c); };
  });
}

}  // namespace xpuspec::cli
