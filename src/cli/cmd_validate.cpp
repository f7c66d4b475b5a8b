#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/validate.hpp"

namespace xpuspec::cli {

struct validate_options {
  std::vector<std::string> paths;
  bool strict = false;
  bool list_rules = false;
  std::size_t jobs = 0;
};

int run_validate(const validate_options& o, context& ctx) {
  if (o.list_rules) {
    ctx.emit_report(render::rules_report{});
    return 0;
  }
  // Without paths: the data in use, each layer checked on its own (a later layer may override an earlier one).
  std::vector<validation_layer> layers;
  // User files are checked against the bundled ids too, unless they will be loaded without them. The ids are
  // built on first need (it builds the bundled chips), so validating the bundled data alone does not pay for it.
  std::optional<std::unordered_set<std::string>> bundled;
  const auto add_user_layer = [&](const std::vector<std::string>& paths) {
    validation_layer layer = layer_from_paths(paths);
    if (!ctx.options.no_bundled) {
      if (!bundled) bundled = bundled_ids();
      layer.ids_beneath = *bundled;
    }
    layers.push_back(std::move(layer));
  };
  if (!o.paths.empty()) {
    add_user_layer(o.paths);
  } else {
    if (!ctx.options.no_bundled) layers.push_back(bundled_layer());
    for (const auto& path : ctx.data_paths()) add_user_layer({path});
  }
  const validation_report report = validate(layers, o.jobs);
  ctx.emit(render::render(report, ctx.findings_format(), ctx.output_style()));
  const std::size_t errors = report.count(severity::error);
  const std::size_t warnings = report.count(severity::warning);
  const std::size_t infos = report.count(severity::info);
  std::fputs(fmt::format("xpuspec: {} error{}, {} warning{}{} in {} file{}{}\n", errors, errors == 1 ? "" : "s", warnings,
                         warnings == 1 ? "" : "s", infos ? fmt::format(", {} info", infos) : "", report.files,
                         report.files == 1 ? "" : "s",
                         o.strict && warnings ? " (--strict: warnings fail)" : "")
                 .c_str(),
             stderr);
  return report.failed(o.strict) ? 1 : 0;
}

void setup_validate(CLI::App& app, context& ctx) {
  auto o = std::make_shared<validate_options>();
  auto* sub = app.add_subcommand("validate", "Check chip files for CI: schema, units, sources, plausibility");
  sub->add_option("paths", o->paths, "Chip files or folders (default: the data in use)")->type_name(type_name(value_type::path));
  sub->add_flag("--strict", o->strict, "Warnings fail too");
  add_count_option(*sub, "-j,--jobs", o->jobs, "Files checked at once (default: one per core); findings are the same",
                   1, 1024)
      ->type_name("N");
  sub->add_flag("--list-rules", o->list_rules, "List every rule with why it exists");
  sub->footer("Exit status: 0 clean, 1 findings (errors, or warnings with --strict), 2 cannot run.");
  sub->callback([o, &ctx] { ctx.run = [o](context& c) { return run_validate(*o, c); }; });
}

XPUSPEC_COMMAND(validate, 90, setup_validate);

}  // namespace xpuspec::cli
