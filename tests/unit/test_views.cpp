// Properties every view holds in every format, checked over all reports at once rather than one golden per cell
// of a command × format grid: the output is well-formed for its format, the JSON Lines records are the JSON
// document's records, CSV and TSV carry the same rows, every chip of the report is named in every format, and no
// control character is printed where the format does not allow one; the HTML page embeds the JSON document.

#include "catch.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <memory>
#include <sstream>

#include "helpers.hpp"
#include "render/render.hpp"
#include "xpuspec/catalog.hpp"
#include "xpuspec/export_control.hpp"
#include "xpuspec/runs.hpp"

using namespace xpuspec;
using json = nlohmann::ordered_json;

namespace {

struct rendered_view {
  std::string name;
  std::vector<std::string> chip_ids;  // the chips the report is about: each must appear in every format
  bool flat_names_chips = true;       // false: a one-chip sheet, whose CSV rows are its fields
  std::function<std::string(render::format)> in;
  std::function<std::string(render::format)> streamed;  // render_to's pieces, joined
};

template <typename Report>
rendered_view view_of(std::string name, Report report, std::vector<std::string> ids, bool flat_names_chips = true) {
  auto shared = std::make_shared<const Report>(std::move(report));
  return {std::move(name), std::move(ids), flat_names_chips,
          [shared](render::format f) { return render::render(*shared, f, render::style{}); },
          [shared](render::format f) {
            std::string joined;
            render::render_to(*shared, f, render::style{}, [&](std::string_view piece) {
              CHECK_FALSE(piece.empty());
              joined += piece;
            });
            return joined;
          }};
}

std::vector<std::string> lines_of(const std::string& text, char end = '\n') {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line, end);) lines.push_back(line);
  return lines;
}

// Fields of one CSV record (RFC 4180); the fixtures hold no line break inside a field.
std::size_t csv_fields(const std::string& line) {
  std::size_t fields = 1;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) ++fields;
  }
  return fields;
}

bool has_control(const std::string& text, std::string_view allowed) {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 || u == 0x7f) && allowed.find(c) == std::string_view::npos;
  });
}

}  // namespace

TEST_CASE("every view renders well-formed, consistent output in every format", "[render][views]") {
  const chip alpha = test::fixture("acme-alpha");
  const chip beta = test::fixture("bolt-beta");
  const chip gamma = test::fixture("acme-gamma");
  const std::vector<const chip*> chips{&alpha, &beta, &gamma};
  const catalog cat({alpha, beta, gamma});
  const std::vector<std::string> all_ids{alpha.id, beta.id, gamma.id};

  train_job train;
  train.params = train.active_params = 7e9;
  train.tokens = 1e12;
  train.days = 30;
  serve_job serve;
  serve.params = serve.active_params = 7e9;
  serve.context = 4096;

  const catalog bundled_catalog = load_catalog({});
  const runs_report runs = make_runs(bundled_catalog, bundled_training_runs());
  std::vector<std::string> run_chip_ids;
  for (const auto& row : runs.rows) run_chip_ids.push_back(row.subject->id);
  const std::vector<rendered_view> views{
      view_of("list", make_list(cat, {}), all_ids),
      view_of("show", make_show(beta), {beta.id}, false),
      view_of("compare", make_compare(chips, precision::bf16, default_compare_metrics(), &alpha), all_ids),
      view_of("rank", make_rank(chips, metric::tflops_per_watt, precision::bf16, false, std::nullopt), all_ids),
      view_of("metrics", metrics_report{}, {}),
      view_of("rules", render::rules_report{}, {}),
      view_of("sources", make_sources(chips), all_ids),
      view_of("match", make_match(beta, alpha, 8, precision::bf16), {alpha.id, beta.id}),
      view_of("roofline", make_roofline(chips, precision::bf16, {1, 100, 1000}), all_ids),
      view_of("plan train", plan_training(chips, train), all_ids),
      view_of("plan serve", plan_serving(chips, serve), all_ids),
      view_of("export-control", make_export_control(chips, bundled_export_rules()), all_ids),
      view_of("runs", runs, run_chip_ids),
  };
  using render::format;
  for (const auto& v : views) {
    INFO("view: " << v.name);
    const std::string table = v.in(format::table);
    const std::string markdown = v.in(format::markdown);
    const std::string json_text = v.in(format::json);
    const std::string jsonl = v.in(format::jsonl);
    const std::string csv = v.in(format::csv);
    const std::string tsv = v.in(format::tsv);
    const std::string html = v.in(*render::format_from_string("html"));

    // Written a piece at a time (to stdout or -o), the same bytes.
    for (const auto& [f, text] : {std::pair{format::table, &table}, {format::markdown, &markdown}, {format::json, &json_text},
                                  {format::jsonl, &jsonl}, {format::csv, &csv}, {format::tsv, &tsv}}) {
      CHECK(v.streamed(f) == *text);
    }
    CHECK(v.streamed(*render::format_from_string("html")) == html);

    // Each format is whole lines of text, with control characters only where the format has them.
    for (const std::string* out : {&table, &markdown, &json_text, &jsonl, &csv, &tsv, &html}) {
      REQUIRE_FALSE(out->empty());
      CHECK(out->back() == '\n');
    }
    for (const std::string* out : {&table, &markdown, &json_text, &jsonl, &html}) CHECK_FALSE(has_control(*out, "\n"));
    CHECK_FALSE(has_control(csv, "\r\n"));
    CHECK_FALSE(has_control(tsv, "\t\n"));

    // JSON Lines is the JSON document's records, one per line, in the same order.
    const json document = json::parse(json_text);
    CHECK(document["schema_version"] == 1);
    // Byte for byte the library's text of the same document, however the writer got there (a document given as
    // head and records is written a record at a time).
    CHECK(json_text == document.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
    const auto records = lines_of(jsonl);
    // Which records each view streams is part of its interface, so the test names them rather than repeating the
    // writer's rule: a list of the document, or the one record (the chip of a sheet, a match's whole answer).
    const std::map<std::string, std::string> record_list{
        {"list", "chips"},        {"show", "chip"},         {"compare", "chips"},   {"rank", "chips"},
        {"metrics", "metrics"},   {"rules", "rules"},       {"sources", "sources"}, {"match", ""},
        {"roofline", "chips"},    {"plan train", "chips"}, {"plan serve", "chips"}, {"export-control", "chips"},
        {"runs", "runs"}};
    REQUIRE(record_list.count(v.name) == 1);
    const std::string& key = record_list.at(v.name);
    json expected = json::array();
    if (key.empty()) {
      expected.push_back(document);
    } else if (document.at(key).is_array()) {
      expected = document.at(key);
    } else {
      expected.push_back(document.at(key));
    }
    REQUIRE(records.size() == expected.size());
    for (std::size_t i = 0; i < records.size(); ++i) CHECK(json::parse(records[i]) == expected[i]);

    // CSV and TSV: the same header and rows, every row as wide as the header; CSV ends its lines with CRLF.
    const auto csv_rows = lines_of(csv);
    const auto tsv_rows = lines_of(tsv);
    REQUIRE(csv_rows.size() == tsv_rows.size());
    REQUIRE(csv_rows.size() >= 2);
    for (std::size_t i = 0; i < csv_rows.size(); ++i) {
      CHECK(csv_rows[i].back() == '\r');
      CHECK(csv_fields(csv_rows[i].substr(0, csv_rows[i].size() - 1)) == csv_fields(csv_rows[0].substr(0, csv_rows[0].size() - 1)));
      CHECK(std::count(tsv_rows[i].begin(), tsv_rows[i].end(), '\t') ==
            std::count(tsv_rows[0].begin(), tsv_rows[0].end(), '\t'));
    }

    // Markdown: a table whose rows all have the header's number of cells.
    const auto md = lines_of(markdown);
    const auto header = std::find_if(md.begin(), md.end(), [](const std::string& l) { return l.starts_with("| "); });
    REQUIRE(header != md.end());
    const auto cells = [](const std::string& line) {
      std::size_t n = 0;
      for (std::size_t i = 0; i < line.size(); ++i) n += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
      return n;
    };
    for (auto row = header; row != md.end() && row->starts_with("|"); ++row) CHECK(cells(*row) == cells(*header));

    // HTML: the JSON document embedded whole, every table row as wide as the header, every link to a source landing
    // on one.
    const std::string open_data = R"(<script type="application/json" id="xpuspec-data">)";
    const auto data_at = html.find(open_data);
    REQUIRE(data_at != std::string::npos);
    const auto data_end = html.find("</script>", data_at);
    REQUIRE(data_end != std::string::npos);
    CHECK(json::parse(html.substr(data_at + open_data.size(), data_end - data_at - open_data.size())) == document);
    const auto count_of = [](std::string_view text, std::string_view what) {
      std::size_t n = 0;
      for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
      return n;
    };
    // (A hover text may hold line breaks, so rows are found by their tags, not by lines.)
    const auto head_at = html.find("<thead>");
    const auto body_at = html.find("<tbody>");
    const auto body_end = html.find("</tbody>");
    REQUIRE(head_at != std::string::npos);
    REQUIRE(body_at != std::string::npos);
    REQUIRE(body_end != std::string::npos);
    const std::size_t columns = count_of(std::string_view(html).substr(head_at, body_at - head_at), "<th ");
    std::size_t rows_seen = 0;
    for (auto at = html.find("<tr>", body_at); at < body_end; at = html.find("<tr>", at + 4)) {
      const auto end = html.find("</tr>", at);
      REQUIRE(end != std::string::npos);
      CHECK(count_of(std::string_view(html).substr(at, end - at), "<td") == columns);
      ++rows_seen;
    }
    CHECK(rows_seen >= 1);
    for (std::size_t n = 1; html.find(fmt::format("href=\"#ref-{}\"", n)) != std::string::npos; ++n) {
      CHECK(html.find(fmt::format("<li id=\"ref-{}\">", n)) != std::string::npos);
    }

    // Every chip the report is about is named in every format.
    for (const auto& id : v.chip_ids) {
      INFO("chip: " << id);
      for (const std::string* out : {&table, &markdown, &json_text, &jsonl, &html}) CHECK(out->find(id) != std::string::npos);
      if (v.flat_names_chips) {
        CHECK(csv.find(id) != std::string::npos);
        CHECK(tsv.find(id) != std::string::npos);
      }
    }
  }
}

namespace {

// True when x is what 12 significant digits give back: the number policy of the machine formats.
bool within_policy(double x) {
  double back = 0;
  const std::string text = fmt::format("{:.12g}", x);
  std::istringstream(text) >> back;
  return back == x;
}

void numbers_of_json(const json& j, std::vector<double>& out) {
  if (j.is_number_float()) out.push_back(j.get<double>());
  if (j.is_structured()) {
    for (const auto& member : j) numbers_of_json(member, out);
  }
}

// Fields of CSV or TSV output that are numbers as a whole (an id such as h100 is not).
void numbers_of_fields(const std::string& text, char separator, std::vector<double>& out) {
  for (const auto& line : lines_of(text)) {
    std::string field;
    std::istringstream fields(line);
    while (std::getline(fields, field, separator)) {
      if (!field.empty() && field.back() == '\r') field.pop_back();
      double x = 0;
      const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), x);
      if (error == std::errc() && end == field.data() + field.size() && !field.empty()) out.push_back(x);
    }
  }
}

}  // namespace

TEST_CASE("no float noise: every number the machine formats print has at most 12 significant digits",
          "[render][views][data]") {
  const catalog cat = load_catalog({});
  const std::vector<const chip*> everything = cat.chips_and_systems();
  train_job train;
  train.params = 671e9;
  train.active_params = 37e9;
  train.tokens = 14.8e12;
  train.days = 61.7;
  serve_job serve;
  serve.params = 671e9;
  serve.active_params = 37e9;
  serve.bytes_per_param = 1.1;
  serve.context = 3333;
  serve.batch = 7;
  serve.kv_bytes_per_token = 70272;
  serve.prompt = 1234;
  std::vector<rendered_view> views;
  for (precision p : all_precisions) {
    views.push_back(view_of("compare", make_compare(everything, p, default_compare_metrics(), everything.front()), {}));
    views.push_back(view_of("roofline", make_roofline(everything, p, {0.3, 7, 333}), {}));
  }
  for (const chip* c : everything) views.push_back(view_of("show", make_show(*c), {}, false));
  views.push_back(view_of("sources", make_sources(everything), {}));
  views.push_back(view_of("plan train", plan_training(everything, train), {}));
  views.push_back(view_of("plan serve", plan_serving(everything, serve), {}));
  views.push_back(view_of("match", make_match(cat.get("ascend-910b"), cat.get("h100"), 1000, precision::bf16), {}));
  views.push_back(view_of("runs", make_runs(cat, bundled_training_runs()), {}));
  views.push_back(view_of("export-control", make_export_control(everything, bundled_export_rules()), {}));
  std::size_t checked = 0;
  for (const auto& v : views) {
    INFO("view: " << v.name);
    std::vector<double> numbers;
    numbers_of_json(json::parse(v.in(render::format::json)), numbers);
    for (const auto& line : lines_of(v.in(render::format::jsonl))) numbers_of_json(json::parse(line), numbers);
    numbers_of_fields(v.in(render::format::csv), ',', numbers);
    numbers_of_fields(v.in(render::format::tsv), '\t', numbers);
    for (double x : numbers) {
      INFO(fmt::format("{}", x));
      CHECK(within_policy(x));
    }
    checked += numbers.size();
  }
  CHECK(checked > 10000);
}

TEST_CASE("a report of many records streams in pieces of about 64 KB that join to the whole text", "[render][views]") {
  std::vector<chip> many;
  for (int i = 0; i < 2000; ++i) {
    chip c = test::fixture(i % 2 == 0 ? "acme-alpha" : "bolt-beta");
    c.id = fmt::format("chip-{:04}", i);
    c.aliases.clear();
    many.push_back(std::move(c));
  }
  const catalog cat(std::move(many));
  std::vector<const chip*> all;
  for (const auto& c : cat.chips()) all.push_back(&c);
  const list_report list = make_list(cat, {});
  const compare_report compare = make_compare(all, precision::bf16, default_compare_metrics(), nullptr);
  for (const render::format f : {render::format::json, render::format::jsonl, render::format::csv, render::format::tsv,
                                 render::format{"html"}}) {
    // A page adds each of its parts whole before a piece may end: a figure of 2,000 chips is one part of 800 KB.
    const bool page = f.name == "html";
    const auto check = [&](const auto& report, std::string_view what) {
      INFO(what << " as " << f.name);
      std::vector<std::size_t> sizes;
      std::string joined;
      render::render_to(report, f, render::style{}, [&](std::string_view piece) {
        sizes.push_back(piece.size());
        joined += piece;
      });
      CHECK(joined == render::render(report, f, render::style{}));
      REQUIRE(sizes.size() > 1);  // over 128 KB of output: never one piece
      if (page) CHECK(*std::max_element(sizes.begin(), sizes.end()) < joined.size() / 4);
      // Every piece but the last is 64 KB and at most one record more.
      for (std::size_t i = 0; i + 1 < sizes.size(); ++i) {
        CHECK(sizes[i] >= 64 * 1024);
        if (!page) CHECK(sizes[i] < 64 * 1024 + 16 * 1024);
      }
    };
    check(list, "list");
    check(compare, "compare");
  }
}
