// `serve`: the report's view, written once; the format writers in src/render/ render it.

#include <fmt/format.h>

#include "render/view.hpp"

namespace xpuspec::render {

template <>
struct view<serve_report> {
  static grid layout(const serve_report& r) {
    const serve_job& job = r.job;
    grid g;
    g.preamble.emplace_back("model", fmt::format("{} parameters, {} active per token, {} bytes each: {} GB of weights",
                                                 big_number(job.params), big_number(job.active_params),
                                                 human_number(job.bytes_per_param), human_number(r.weight_bytes / 1e9)));
    g.preamble.emplace_back(
        "kv cache", job.kv_bytes_per_token
                        ? fmt::format("{} GB = {} bytes/token x {} tokens x batch {}", human_number(r.kv_bytes / 1e9),
                                      human_number(*job.kv_bytes_per_token), human_number(job.context),
                                      human_number(job.batch))
                        : std::string("not counted (give --kv-bytes-per-token to include it)"));
    g.preamble.emplace_back(
        "instance", job.instance_chips ? fmt::format("{} chips per model instance (given)", *job.instance_chips)
                                       : std::string("the fewest chips that hold the weights and KV cache"));
    g.preamble.emplace_back("decode bounds",
                            fmt::format("per instance of n chips, upper bounds at peak: bandwidth = batch {} x n x "
                                        "bandwidth / (active x bytes + KV); compute = n x dense {} peak / (2 x active)",
                                        human_number(job.batch), to_string(job.prec)));
    if (job.prompt > 0) {
      g.preamble.emplace_back("TTFT", fmt::format("lower bound for a {}-token prompt: the larger of 2 x active x prompt "
                                                  "/ (n x peak) and one read of the active weights / (n x bandwidth)",
                                                  human_number(job.prompt)));
    }
    g.headers = {"chip", "memory GB", "per instance", "tok/s (bandwidth)", "tok/s (compute)", "bound", "tok/s/chip"};
    if (job.prompt > 0) g.headers.emplace_back("TTFT ms");
    g.headers.insert(g.headers.end(), {"USD/h", "tok/USD"});
    for (const auto& row : r.rows) {
      std::vector<cell> line{{row.subject->id},
                             metric_cell(row.memory_gb, false),
                             {row.instance_fits ? std::to_string(row.instance) : fmt::format("{} (too few)", row.instance),
                              true},
                             number_cell(row.tokens_per_s_bandwidth),
                             number_cell(row.tokens_per_s_compute),
                             {row.bound.empty() ? "—" : row.bound},
                             number_cell(row.tokens_per_s_per_chip)};
      if (job.prompt > 0) line.push_back(number_cell(row.ttft_s ? std::optional<double>(*row.ttft_s * 1e3) : std::nullopt));
      line.push_back(metric_cell(row.usd_per_hour, false));
      line.push_back(number_cell(row.tokens_per_usd));
      g.rows.push_back(std::move(line));
    }
    g.notes.emplace_back(
        "tok/USD: the binding bound's tokens in an hour / the chip's cloud price per chip-hour (on demand, the lowest "
        "read; see `xpuspec show CHIP`), an upper bound like the rates; — where no public price was read");
    for (const auto& row : r.rows) {
      if (row.tokens_per_usd) {
        g.notes.push_back(fmt::format("{}: price {} USD/h{}", row.subject->id, human_number(*row.usd_per_hour.number),
                                      row.price_date.empty() ? " (undated)" : " as of " + row.price_date));
      }
    }
    for (const auto& row : r.rows) {
      if (row.subject->is_system()) {
        g.notes.push_back(fmt::format("{}: a system of {} chips: its instance counts systems, its tok/s/chip is per "
                                      "chip of the {}",
                                      row.subject->id, row.subject->system_chips, row.instance_chips));
      }
      if (!row.instance_fits) {
        g.notes.push_back(fmt::format("{}: {} do not hold the weights and KV cache; it takes {}", row.subject->id,
                                      plural(row.instance, "chip"), *row.chips_to_fit));
      }
      for (const auto& m : row.measured) {
        g.notes.push_back(fmt::format(
            "{}: measured {} tok/s on {} at {}, at the benchmark's own batch ({}; {}){}", row.subject->id,
            human_number(m.measured_tokens_per_s), plural(m.chips, "chip"),
            m.precision_stated ? std::string(to_string(m.prec)) : fmt::format("{} (assumed: the result does not state it)", to_string(m.prec)),
            m.benchmark, m.id,
            m.bound_tokens_per_s ? fmt::format(": {} of the compute bound for those chips, {} tok/s",
                                               human_number(m.measured_tokens_per_s / *m.bound_tokens_per_s),
                                               human_number(*m.bound_tokens_per_s))
                                 : std::string()));
      }
    }
    for (const auto& row : r.rows) {
      if (row.domain && static_cast<double>(row.instance_chips) > *row.domain) {
        g.notes.push_back(fmt::format("{}: an instance of {} spans more than one scale-up domain ({})",
                                      row.subject->id, plural(row.instance_chips, "chip"), human_number(*row.domain)));
      }
      if (!row.missing_reason.empty()) g.notes.push_back(fmt::format("{}: {}", row.subject->id, row.missing_reason));
    }
    g.notes.emplace_back(basis_legend);
    return g;
  }

  static json document(const serve_report& r) {
    json rows = json::array();
    for (const auto& row : r.rows) {
      json entry = chip_summary(*row.subject);
      entry["memory_gb"] = metric_json(row.memory_gb);
      entry["bandwidth_tb_s"] = metric_json(row.bandwidth_tb_s);
      entry["tflops"] = metric_json(row.tflops);
      entry["chips_to_fit"] = count_or_null(row.chips_to_fit);
      entry["domain"] = number_or_null(row.domain);
      entry["instance"] = row.instance;
      entry["instance_chips"] = row.instance_chips;
      entry["instance_fits"] = row.instance_fits;
      entry["tokens_per_s_bandwidth"] = number_or_null(row.tokens_per_s_bandwidth);
      entry["tokens_per_s_compute"] = number_or_null(row.tokens_per_s_compute);
      entry["tokens_per_s_per_chip"] = number_or_null(row.tokens_per_s_per_chip);
      entry["ttft_s"] = number_or_null(row.ttft_s);
      json measured = json::array();
      for (const auto& m : row.measured) {
        measured.push_back({{"id", m.id}, {"benchmark", m.benchmark}, {"chips", m.chips},
                            {"precision", to_string(m.prec)}, {"tokens_per_s", m.measured_tokens_per_s},
                            {"bound_tokens_per_s", number_or_null(m.bound_tokens_per_s)}});
      }
      entry["measured"] = std::move(measured);
      entry["bound"] = row.bound.empty() ? json(nullptr) : json(row.bound);
      entry["usd_per_chip_hour"] = metric_json(row.usd_per_hour);
      entry["price_date"] = row.price_date.empty() ? json(nullptr) : json(row.price_date);
      entry["tokens_per_usd"] = number_or_null(row.tokens_per_usd);
      rows.push_back(std::move(entry));
    }
    const serve_job& job = r.job;
    return json({{"schema_version", json_schema_version},
                 {"assumptions", {{"params", job.params}, {"active_params", job.active_params},
                                  {"bytes_per_param", job.bytes_per_param}, {"context", job.context},
                                  {"batch", job.batch}, {"kv_bytes_per_token", number_or_null(job.kv_bytes_per_token)},
                                  {"precision", to_string(job.prec)},
                                  {"instance_chips", count_or_null(job.instance_chips)},
                                  {"prompt", job.prompt},
                                  {"rates", "per model instance"}}},
                 {"weight_bytes", r.weight_bytes},
                 {"kv_bytes", r.kv_bytes},
                 {"chips", std::move(rows)}});
  }

  static records rows(const serve_report& r) {
    records out{{"id", "memory_gb", "chips_to_fit", "instance_chips", "tokens_per_s_bandwidth", "tokens_per_s_compute",
                 "instance_fits", "bound", "tokens_per_s_per_chip", "ttft_s", "usd_per_chip_hour", "price_date", "tokens_per_usd"}, {}};
    for (const auto& row : r.rows) {
      out.rows.push_back({row.subject->id, field_number(row.memory_gb.number), field_count(row.chips_to_fit),
                     std::to_string(row.instance), field_number(row.tokens_per_s_bandwidth),
                     field_number(row.tokens_per_s_compute), row.instance_fits ? "true" : "false", row.bound, field_number(row.tokens_per_s_per_chip),
                     field_number(row.ttft_s),
                     field_number(row.usd_per_hour.number), row.price_date, field_number(row.tokens_per_usd)});
    }
    return out;
  }
};

XPUSPEC_RENDER_VIEW(serve_report);

}  // namespace xpuspec::render
