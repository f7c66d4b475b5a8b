#include <memory>

#include "cli/context.hpp"

namespace xpuspec::cli {

struct sources_options {
  std::vector<std::string> chips;
  std::vector<std::string> kinds;
};

int run_sources(const sources_options& o, context& ctx) {
  value_selection selection;
  for (const auto& word : o.kinds) {
    // The option's check has already limited the words to these two lists.
    if (const auto b = basis_from_string(word)) {
      selection.bases.push_back(*b);
    } else {
      selection.absences.push_back(*absence_from_string(word));
    }
  }
  const catalog cat = ctx.load();
  // The audit covers all the data in use: the systems' own figures and sources as well as the chips'.
  const std::vector<const chip*> audited = o.chips.empty() ? cat.chips_and_systems() : chips_named(cat, o.chips);
  ctx.emit_report(make_sources(audited, selection));
  return 0;
}

void setup_sources(CLI::App& app, context& ctx) {
  auto o = std::make_shared<sources_options>();
  auto* sub = app.add_subcommand(
      "sources", "Audit the data: every source each chip cites, and every estimate, derivation or missing value");
  sub->add_option("chips", o->chips, "Only these chips (default: all)")->type_name(type_name(value_type::chip));
  sub->add_option("--basis", o->kinds,
                  "List only values of this basis or absence, and the sources they cite (repeatable or "
                  "comma-separated; e.g. estimate,derived,unpublished)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::IsMember({"vendor", "measured", "derived", "estimate", "projected", "unpublished", "unknown",
                             "unsupported"}))
      ->type_name("BASIS");
  sub->footer("data/SOURCES.md is `xpuspec sources --format markdown` over the bundled data.");
  sub->callback([o, &ctx] { ctx.run = [o](context& c) { return run_sources(*o, c); }; });
}

XPUSPEC_COMMAND(sources, 100, setup_sources);

}  // namespace xpuspec::cli
