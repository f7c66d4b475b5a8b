#include <memory>

#include "xpuspec/error.hpp"

#include "cli/context.hpp"

namespace xpuspec::cli {

void add_rank_options(CLI::App& sub, rank_options& o) {
  sub.add_option("--by", o.by, "Metric id to order by (see `xpuspec metrics`)")->required()->type_name(type_name(value_type::metric));
  sub.add_option("chips", o.chips, "Only these chips (default: all)")->type_name(type_name(value_type::chip));
  add_precision_option(sub, o.precision);
  add_count_option(sub, "--top", o.top, "Only the first N rows", 1, 1'000'000)->type_name("N");
  add_filter_options(sub, o.filter);
  auto* ascending = sub.add_flag("--ascending", o.ascending, "Lowest first");
  sub.add_flag("--descending", o.descending, "Highest first (the default)")->excludes(ascending);
}

rank_report rank_from(const rank_options& o, const catalog& cat) {
  const metric by = parse_metric(o.by);
  const precision p = parse_precision(o.precision);
  list_filter filter = o.filter;
  if (!filter.kind && !o.chips.empty()) filter.kind = subject_kind::all;
  const bool with_systems = filter.kind.value_or(subject_kind::chip) != subject_kind::chip;
  std::vector<const chip*> chips = !o.chips.empty() ? chips_named(cat, o.chips)
                                   : with_systems   ? cat.chips_and_systems()
                                                    : chips_named(cat, {});
  std::erase_if(chips, [&](const chip* c) { return !matches(*c, filter); });
  return make_rank(chips, by, p, o.ascending, o.top ? std::optional<std::size_t>(o.top) : std::nullopt);
}

void setup_rank(CLI::App& app, context& ctx) {
  auto o = std::make_shared<rank_options>();
  auto* sub = app.add_subcommand("rank", "All (or the named, or filtered) chips ordered by one metric");
  add_rank_options(*sub, *o);
  auto long_form = std::make_shared<bool>(false);
  add_long_option(*sub, *long_form);
  sub->callback([o, long_form, &ctx] {
    ctx.run = [o, long_form](context& c) {
      const catalog cat = c.load();  // the report points into it: it must outlive the rendering
      rank_report report = rank_from(*o, cat);
      report.long_form = c.long_form(*long_form);
      c.emit_report(report);
      return 0;
    };
  });
}

XPUSPEC_COMMAND(rank, 40, setup_rank);

}  // namespace xpuspec::cli
