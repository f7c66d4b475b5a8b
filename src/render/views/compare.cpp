// `compare`: the report's view, written once; the format writers in src/render/ render it.

#include <algorithm>

#include <fmt/format.h>

#include "render/view.hpp"
#include "xpuspec/systems.hpp"

namespace xpuspec::render {

template <>
struct view<compare_report> {
  static grid layout(const compare_report& r, bool page) {
    std::vector<compare_row> rows;
    rows.reserve(r.size());
    for (std::size_t i = 0; i < r.size(); ++i) rows.push_back(r.row(i));
    grid g;
    g.preamble.emplace_back("precision", fmt::format("{} (dense; sparse figures are never compared)", to_string(r.prec)));
    if (r.baseline) g.preamble.emplace_back("baseline", fmt::format("{} (ratios are value / baseline)", r.baseline->id));
    g.headers = {"metric", "unit"};
    g.key_columns = 2;  // one column per chip: on a narrow terminal they wrap, each block with metric and unit
    g.subjects_are_columns = true;
    std::vector<std::string> ids;
    for (const chip* c : r.subjects) ids.push_back(c->id);
    g.title = fmt::format("{} compared, {} dense", fmt::join(ids, ", "), to_string(r.prec));
    for (const chip* c : r.subjects) g.headers.push_back(c->id);
    bool any_marker = false;
    for (std::size_t m = 0; m < r.metrics.size(); ++m) {
      const metric_def& def = definition(r.metrics[m]);
      std::vector<cell> line{{std::string(def.name)}, {metric_unit(def.id, r.prec)}};
      for (const auto& row : rows) {
        const metric_value& v = row.values[m];
        cell c = page ? metric_cell(v, def.derived, *row.subject, g) : metric_cell(v, def.derived);
        any_marker = any_marker || v.basis != basis::vendor || c.muted;
        if (!row.relative.empty() && row.relative[m]) c.text += fmt::format(" ({})", human_ratio(*row.relative[m]));
        line.push_back(std::move(c));
      }
      g.rows.push_back(std::move(line));
    }
    for (const auto& row : rows) {
      const chip& c = *row.subject;
      const std::string typed = row.requested == c.id ? "" : fmt::format("{} = ", row.requested);
      g.notes.push_back(fmt::format("{}{}: {}{}", typed, c.id, c.name, c.bundled ? "" : fmt::format(" (from {})", c.origin)));
    }
    // A system's figures are its file's own (a vendor's system number, an estimated rack power) or its chips'
    // times the count: say which, and whose, so a system-level claim is never read as arithmetic or the reverse.
    for (const chip* subject : r.subjects) {
      const chip& c = *subject;
      if (!c.is_system()) continue;
      g.notes.push_back(fmt::format("{}: {}; a figure not listed here is the chip's times {}", c.id, c.form_factor,
                                    c.system_chips));
      const auto stated = [&](std::string_view field, const value& v) {
        if (!v.known() || is_chip_source(c, v.source)) return;
        const source_ref* s = c.find_source(v.source);
        g.notes.push_back(fmt::format("{}: {} {} is stated: {}, {}", c.id, field, v.written, to_string(v.basis),
                                      s ? fmt::format("{} ({})", s->title, s->publisher) : v.source.str()));
      };
      stated(fmt::format("compute.{}.dense", to_string(r.prec)), c.at(r.prec).dense);
      stated("memory.capacity", c.memory_capacity);
      stated("memory.bandwidth", c.memory_bandwidth);
      stated("power (system)", c.tdp);
    }
    std::vector<std::string_view> reasons;
    for (const auto& row : rows) {
      // Each once, in byte order. Sorted views, not a set of strings (a compare of every chip names 640), and not
      // texts, which would look their characters up at every comparison.
      reasons.clear();
      for (const auto& v : row.values) {
        if (!v.known()) reasons.push_back(v.reason.view());
      }
      std::sort(reasons.begin(), reasons.end());
      reasons.erase(std::unique(reasons.begin(), reasons.end()), reasons.end());
      for (std::string_view reason : reasons) {
        g.notes.push_back(std::string(row.subject->id.view()).append(": ").append(reason));
      }
    }
    if (any_marker) g.notes.emplace_back(basis_legend);
    return g;
  }

  // The chips' rooflines at this precision, so a page shows where each is memory- or compute-bound.
  static std::vector<figure> figures(const compare_report& r) {
    return {{fmt::format("Rooflines, dense {}: attainable TFLOPS against arithmetic intensity; the knee is where a "
                         "chip stops being memory-bound.",
                         to_string(r.prec)),
             render_svg(make_roofline(r.subjects, r.prec, {}))}};
  }

  static json head(const compare_report& r) {
    json metric_ids = json::array();
    for (metric m : r.metrics) metric_ids.push_back(definition(m).name);
    return json({{"schema_version", json_schema_version},
                 {"precision", to_string(r.prec)},
                 {"baseline", r.baseline ? json(r.baseline->id) : json(nullptr)},
                 {"metric_ids", std::move(metric_ids)}});
  }
  static std::size_t count(const compare_report& r) { return r.size(); }
  static void record(const compare_report& r, std::size_t index, record_writer& out) {
    const compare_row row = r.row(index);
    out.begin_object();
    chip_summary(out, *row.subject);
    out.member("requested", row.requested);
    // Each object keyed by metric id, in the report's metric order: only where it says something.
    const auto by_metric = [&](std::string_view key, auto&& write_one) {
      out.key(key);
      out.begin_object();
      for (std::size_t i = 0; i < r.metrics.size(); ++i) write_one(definition(r.metrics[i]).name, row.values[i], i);
      out.end_object();
    };
    by_metric("metrics", [&](std::string_view name, const metric_value& v, std::size_t) {
      out.member(name, v.number);
    });
    by_metric("relative", [&](std::string_view name, const metric_value&, std::size_t i) {
      if (r.baseline) out.member(name, row.relative[i]);
    });
    by_metric("missing", [&](std::string_view name, const metric_value& v, std::size_t) {
      if (!v.known()) out.member(name, to_string(v.missing));
    });
    by_metric("missing_reasons", [&](std::string_view name, const metric_value& v, std::size_t) {
      if (!v.known()) out.member(name, v.reason);
    });
    by_metric("basis", [&](std::string_view name, const metric_value& v, std::size_t) {
      if (v.known() && v.basis != basis::vendor) out.member(name, to_string(v.basis));
    });
    out.end_object();
  }

  // The long form is one record per chip and metric, chip by chip.
  static std::vector<std::string> fields(const compare_report& r) {
    if (r.long_form) return long_fields(r.baseline != nullptr);
    std::vector<std::string> header{"id", "name", "vendor"};
    for (metric m : r.metrics) header.emplace_back(definition(m).name);
    if (r.baseline) {
      for (metric m : r.metrics) header.push_back(fmt::format("{}_relative", definition(m).name));
    }
    return header;
  }
  static std::size_t row_count(const compare_report& r) {
    return r.long_form ? r.size() * r.metrics.size() : r.size();
  }
  static std::vector<std::string> row(const compare_report& r, std::size_t i) {
    if (r.long_form) {
      const std::size_t subject = i / r.metrics.size();
      const std::size_t m = i % r.metrics.size();
      const metric_value v = r.value(subject, m);
      return long_row(r.prec, {r.subjects[subject], r.metrics[m], &v, r.relative(v, m)}, r.baseline != nullptr);
    }
    const compare_row row = r.row(i);
    std::vector<std::string> fields{row.subject->id, row.subject->name, row.subject->vendor};
    for (const auto& v : row.values) fields.push_back(field_number(v.number));
    for (const auto& rel : row.relative) fields.push_back(field_number(rel));
    return fields;
  }

};

XPUSPEC_RENDER_VIEW(compare_report);

}  // namespace xpuspec::render
