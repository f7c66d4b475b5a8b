#include "catch.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <type_traits>

#include "helpers.hpp"
#include "render/formats.hpp"
#include "render/grid.hpp"
#include "render/record_writer.hpp"
#include "render/render.hpp"

using namespace xpuspec;

namespace {
struct fixtures {
  chip alpha = test::fixture("acme-alpha");
  chip beta = test::fixture("bolt-beta");
  std::vector<const chip*> both{&alpha, &beta};
};
}  // namespace

TEST_CASE("numbers for people: four significant digits, no exponent", "[render]") {
  CHECK(render::human_number(989.4) == "989.4");
  CHECK(render::human_number(989.4 / 700) == "1.413");
  CHECK(render::human_number(3.35) == "3.35");
  CHECK(render::human_number(2039) == "2039");
  CHECK(render::human_number(312) == "312");
  CHECK(render::human_number(0.04120) == "0.0412");
  CHECK(render::human_number(137.438953472) == "137.4");
  CHECK(render::human_number(20000) == "20000");
  CHECK(render::human_number(0) == "0");
  CHECK(render::human_ratio(3.1712) == "3.171×");
}

TEST_CASE("numbers for people read as printf's %.Nf and %.4g would write them", "[render]") {
  // The rule, written with fmt (the writer uses std::to_chars): the two must agree on every number.
  const auto by_printf_rules = [](double x) {
    const double magnitude = std::fabs(x);
    if (magnitude >= 1e15 || (magnitude > 0 && magnitude < 1e-4)) return fmt::format("{:.4g}", x);
    if (magnitude >= 10000) return fmt::format("{:.0f}", x);
    const int decimals = magnitude > 0 ? std::max(0, 3 - static_cast<int>(std::floor(std::log10(magnitude)))) : 0;
    std::string text = fmt::format("{:.{}f}", x, decimals);
    if (text.find('.') != std::string::npos) {
      while (text.back() == '0') text.pop_back();
      if (text.back() == '.') text.pop_back();
    }
    return text == "-0" ? std::string("0") : text;
  };
  std::uint64_t state = 12345;  // a fixed LCG: the same numbers every run
  const auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
  };
  std::size_t checked = 0;
  for (int exponent = -7; exponent <= 17; ++exponent) {
    for (int i = 0; i < 400; ++i) {
      const double x = (next() < 0.1 ? -1 : 1) * (1 + 9 * next()) * std::pow(10.0, exponent);
      INFO(fmt::format("{:.17g}", x));
      REQUIRE(render::human_number(x) == by_printf_rules(x));
      ++checked;
    }
  }
  // Figures as sheets print them (989.4, 700, 0.0412), of one to six digits: the writer rounds by arithmetic below
  // 10,000 and leaves a near-half to to_chars.
  for (int exponent = -8; exponent <= 12; ++exponent) {
    for (int i = 0; i < 400; ++i) {
      const int digits = 1 + static_cast<int>(next() * 6);
      const auto figure = static_cast<double>(1 + static_cast<int>(next() * (std::pow(10.0, digits) - 1)));
      const double x = (next() < 0.1 ? -1 : 1) *
                       (exponent < 0 ? figure / std::pow(10.0, -exponent) : figure * std::pow(10.0, exponent));
      INFO(fmt::format("{:.17g}", x));
      REQUIRE(render::human_number(x) == by_printf_rules(x));
      ++checked;
    }
  }
  // Halfway cases and boundaries, where rounding differs between careless implementations.
  for (const double x : {0.00015, 0.0001, 9999.5, 9999.4999, 1e15, 999999999999999.9, 0.125, 2.5, 1.0005, 0.0,
                         -0.0, -0.00001, 123456.5, 0.1 + 0.2, 9999.0, 0.0412, 1000.0, 0.001}) {
    INFO(fmt::format("{:.17g}", x));
    CHECK(render::human_number(x) == by_printf_rules(x));
    ++checked;
  }
  // Either side of each power of ten, where the count of decimals changes.
  for (int exponent = -5; exponent <= 5; ++exponent) {
    const double power = std::pow(10.0, exponent);
    for (const double x : {std::nextafter(power, 0.0), power, std::nextafter(power, 1e300)}) {
      INFO(fmt::format("{:.17g}", x));
      CHECK(render::human_number(x) == by_printf_rules(x));
      CHECK(render::human_number(-x) == by_printf_rules(-x));
      checked += 2;
    }
  }
  CHECK(checked == 25 * 400 + 21 * 400 + 18 + 11 * 6);
}

TEST_CASE("JSON has null for missing values, never a number standing in", "[render]") {
  fixtures f;
  const compare_report r = make_compare(f.both, precision::bf16, default_compare_metrics(), nullptr);
  const auto j = nlohmann::json::parse(render::render(r, render::format::json, {}));
  CHECK(j["schema_version"] == 1);
  CHECK(j["baseline"].is_null());
  CHECK(j["chips"][0]["metrics"]["tflops_per_watt"] == Approx(0.2));
  CHECK(j["chips"][1]["metrics"]["tflops_per_watt"].is_null());
  CHECK(j["chips"][1]["missing"]["tflops_per_watt"] == "unpublished");
  CHECK(j["chips"][1]["basis"]["tflops"] == "estimate");
  // alpha's values are vendor figures (not listed) but for its cloud price, a per-chip share of an instance's, and
  // TPP (a product of a figure and a bit length) and its density.
  CHECK(j["chips"][0]["basis"] == nlohmann::json{{"usd_per_chip_hour", "derived"},
                                                 {"tflops_per_usd_hour", "derived"},
                                                 {"usd_per_pflop_hour", "derived"},
                                                 {"tpp", "derived"},
                                                 {"performance_density", "derived"}});
}

TEST_CASE("a metric asked for twice is one column, in its first place", "[render]") {
  fixtures f;
  const compare_report r =
      make_compare(f.both, precision::bf16, {metric::tdp_w, metric::tflops, metric::tdp_w}, nullptr);
  CHECK(r.metrics == std::vector<metric>{metric::tdp_w, metric::tflops});
  REQUIRE(r.size() == 2);
  CHECK(r.row(0).values.size() == 2);
  const std::string text = render::render(r, render::format::json, {});
  // Each record's metrics object names tdp_w once (the JSON of an object keyed twice would still parse).
  REQUIRE(text.find("\"tdp_w\": 500.0") != std::string::npos);
  CHECK(text.find("\"tdp_w\": 500.0") == text.rfind("\"tdp_w\": 500.0"));
}

TEST_CASE("ratios to a baseline, and missing when either side is", "[render]") {
  fixtures f;
  const compare_report r = make_compare(f.both, precision::bf16, default_compare_metrics(), &f.alpha);
  const auto j = nlohmann::json::parse(render::render(r, render::format::json, {}));
  CHECK(j["baseline"] == "acme-alpha");
  CHECK(j["chips"][0]["relative"]["tflops"] == Approx(1.0));
  CHECK(j["chips"][1]["relative"]["tflops"] == Approx(4.0));             // 400 / 100
  CHECK(j["chips"][1]["relative"]["bandwidth_tb_s"] == Approx(2.0));     // 4 / 2
  CHECK(j["chips"][1]["relative"]["tdp_w"].is_null());
}

TEST_CASE("a compare row is evaluated when asked, and the wide and long faces give its figures", "[render]") {
  fixtures f;
  compare_report r = make_compare(f.both, precision::bf16, {metric::tflops, metric::tdp_w}, &f.alpha);
  REQUIRE(r.size() == 2);
  const compare_row beta = r.row(1);
  CHECK(beta.subject == &f.beta);
  CHECK(beta.requested == "bolt-beta");  // no name typed: the id
  REQUIRE(beta.values.size() == 2);
  CHECK(*beta.values[0].number == 400);
  CHECK(*beta.relative[0] == Approx(4.0));  // 400 / 100
  CHECK_FALSE(beta.values[1].known());      // Bolt publishes no power figure
  CHECK_FALSE(beta.relative[1]);
  CHECK(r.value(1, 0).number == beta.values[0].number);
  // What the rows are evaluated from cannot change under them (a baseline set afterwards would have no values).
  STATIC_REQUIRE(std::is_const_v<decltype(compare_report::baseline)>);
  STATIC_REQUIRE(std::is_const_v<decltype(compare_report::metrics)>);
  STATIC_REQUIRE(std::is_const_v<decltype(compare_report::prec)>);
  CHECK(render::render(r, render::format::csv, {}).find("bolt-beta,Bolt Beta,Bolt,400,,4,\r\n") != std::string::npos);
  r.long_form = true;
  const std::string long_csv = render::render(r, render::format::csv, {});
  CHECK(long_csv.find("bolt-beta,Bolt Beta,Bolt,tflops,400,TFLOPS,bf16,estimate,,,beta-blog,4\r\n") !=
        std::string::npos);
  CHECK(long_csv.find("bolt-beta,Bolt Beta,Bolt,tdp_w,,W,bf16,,unpublished,") != std::string::npos);
}

TEST_CASE("substitute replaces each character of its table wherever it stands, and nothing else", "[render]") {
  // A byte at a time, the plain way: the writer skips sixteen bytes at a time where it can.
  const auto by_hand = [](std::string_view text, std::initializer_list<render::substitution> table) {
    std::string out;
    for (const char c : text) {
      const auto* hit = std::find_if(table.begin(), table.end(), [&](const auto& s) { return s.from == c; });
      if (hit == table.end()) {
        out += c;
      } else {
        out += hit->to;
      }
    }
    return out;
  };
  std::size_t checked = 0;
  for (const std::size_t size : {5, 16, 17, 40}) {
    for (int byte = 0; byte < 256; ++byte) {
      for (std::size_t at = 0; at < size; ++at) {
        std::string text(size, 'x');
        text[at] = static_cast<char>(byte);
        text[(at * 7 + 3) % size] = '&';  // a second one, before or after it
        INFO(fmt::format("byte {} at {} of {}", byte, at, size));
        const auto html = {render::substitution{'&', "&amp;"}, render::substitution{'<', "&lt;"},
                           render::substitution{'>', "&gt;"}, render::substitution{'"', "&quot;"},
                           render::substitution{'\'', "&#39;"}};
        REQUIRE(render::substitute(text, html) == by_hand(text, html));
        REQUIRE(render::substitute(text, {{'<', "\\u003c"}}) == by_hand(text, {{'<', "\\u003c"}}));
        ++checked;
      }
    }
  }
  CHECK(checked == 256 * (5 + 16 + 17 + 40));
  CHECK(render::substitute("a<b&c", {{'<', "&lt;"}, {'&', "&amp;"}}) == "a&lt;b&amp;c");
}

TEST_CASE("CSV quotes what needs quoting and ends lines with CRLF", "[render]") {
  fixtures f;
  const std::string csv = render::render(make_show(f.beta), render::format::csv, {});
  CHECK(csv.rfind("field,value,unit,basis,missing,source,note\r\n", 0) == 0);
  CHECK(csv.find("power.tdp,,W,,unpublished,,Bolt publishes no power figure\r\n") != std::string::npos);
  const std::string list = render::render(make_list(catalog({f.alpha, f.beta}), {}), render::format::csv, {});
  CHECK(list.find("acme-alpha,Acme Alpha 50GB,Acme,Test,SXM,shipping,2024-01,alpha;Alpha-SXM\r\n") !=
        std::string::npos);
}

TEST_CASE("TSV has the CSV rows, tab-separated, with tabs and line breaks in fields made spaces", "[render]") {
  fixtures f;
  chip noted = f.beta;
  noted.name = "Bolt\tBeta\nrev 2, \"B\"";
  const std::string tsv = render::render(make_list(catalog({f.alpha, noted}), {}), render::format::tsv, {});
  CHECK(tsv.rfind("id\tname\tvendor\tfamily\tform_factor\tstatus\treleased\taliases\n", 0) == 0);
  CHECK(tsv.find("bolt-beta\tBolt Beta rev 2, \"B\"\tBolt\t") != std::string::npos);
  CHECK(tsv.find('\r') == std::string::npos);
}

TEST_CASE("JSON Lines are the JSON document's chips, one per line", "[render]") {
  fixtures f;
  const compare_report r = make_compare(f.both, precision::bf16, default_compare_metrics(), &f.alpha);
  const auto document = nlohmann::ordered_json::parse(render::render(r, render::format::json, {}));
  std::string expected;
  for (const auto& c : document["chips"]) expected += c.dump() + "\n";
  CHECK(render::render(r, render::format::jsonl, {}) == expected);
  // A chip sheet is one record: the chip.
  const auto sheet = nlohmann::ordered_json::parse(render::render(make_show(f.beta), render::format::json, {}));
  CHECK(render::render(make_show(f.beta), render::format::jsonl, {}) == sheet["chip"].dump() + "\n");
}

TEST_CASE("a compare table wider than the terminal wraps into blocks that fit, each with metric and unit", "[render]") {
  fixtures f;
  chip gamma = test::fixture("acme-gamma");
  const std::vector<const chip*> three{&f.alpha, &f.beta, &gamma};
  const compare_report r = make_compare(three, precision::bf16, default_compare_metrics(), nullptr);
  const std::string wide = render::render(r, render::format::table, {});
  render::style narrow;
  narrow.width = 70;
  const std::string wrapped = render::render(r, render::format::table, narrow);
  CHECK(wrapped != wide);
  std::size_t longest = 0;
  std::size_t headings = 0;
  std::istringstream lines(wrapped);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("metric ", 0) == 0) ++headings;
    // The table's lines (headings, rules, one per metric) must fit; the notes below it are prose.
    const bool table_line = line.rfind("metric ", 0) == 0 || line.rfind("---", 0) == 0 ||
                            std::any_of(r.metrics.begin(), r.metrics.end(), [&](metric m) {
                              return line.rfind(std::string(definition(m).name) + " ", 0) == 0;
                            });
    if (table_line) longest = std::max(longest, line.size());
  }
  CHECK(headings == 3);  // metric and unit take 50 columns with their gaps: one chip more per block at 70
  CHECK(longest <= 70);
  for (const char* id : {"acme-alpha", "bolt-beta", "acme-gamma"}) CHECK(wrapped.find(id) != std::string::npos);
  // Unlimited width (a pipe, or --wide): one block.
  const std::string first_heading = wide.substr(wide.find("metric "), wide.find('\n', wide.find("metric ")) - wide.find("metric "));
  CHECK(first_heading.find("acme-gamma") != std::string::npos);
}

TEST_CASE("tables carry colour and bars only when asked", "[render]") {
  fixtures f;
  const rank_report r = make_rank(f.both, metric::tflops, precision::bf16, false, std::nullopt);
  const std::string plain = render::render(r, render::format::table, {false, false});
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(plain.find("█") == std::string::npos);
  const std::string terminal = render::render(r, render::format::table, {true, true});
  CHECK(terminal.find("\x1b[1m") != std::string::npos);
  // beta (400) is the longest bar: 24 full blocks; alpha (100) a quarter of it: 6.
  std::string full;
  for (int i = 0; i < 24; ++i) full += "█";
  CHECK(terminal.find(full) != std::string::npos);
}

TEST_CASE("rank orders known values and lists missing ones last", "[render]") {
  fixtures f;
  const rank_report down = make_rank(f.both, metric::tflops_per_watt, precision::bf16, false, std::nullopt);
  REQUIRE(down.rows.size() == 2);
  CHECK(down.rows[0].subject->id == "acme-alpha");
  CHECK(down.rows[0].rank == 1);
  CHECK(down.rows[1].rank == 0);  // beta's power is unpublished
  const rank_report up = make_rank(f.both, metric::tflops, precision::bf16, true, 1);
  REQUIRE(up.rows.size() == 1);
  CHECK(up.rows[0].subject->id == "acme-alpha");
}

TEST_CASE("Markdown escapes the cell separator and angle brackets", "[render]") {
  const std::string md = render::render(metrics_report{}, render::format::markdown, {});
  CHECK(md.find("compute.&lt;precision>.dense") != std::string::npos);
  fixtures f;
  const std::string sheet = render::render(make_show(f.beta), render::format::markdown, {});
  CHECK(sheet.find("with \\| a pipe") != std::string::npos);
}

TEST_CASE("the JSON writer applies the number policy as it writes, in documents and streamed records",
          "[render][json]") {
  using ordered = nlohmann::ordered_json;
  // 206.158430208 is 206158.430208 MB/s / 1000, which binary floating point leaves with noise in the last digits.
  const double noisy = 206.15843020800003;
  REQUIRE(noisy != 206.158430208);
  const ordered doc{{"chips", ordered::array({{{"id", "a"}, {"v", noisy}}})}};
  CHECK(render::write_json(doc).find("\"v\": 206.158430208\n") != std::string::npos);
  CHECK(render::write_jsonl(doc) == "{\"id\":\"a\",\"v\":206.158430208}\n");
}

TEST_CASE("a number whose shortest text has at most 12 digits is already tidy, so writers tidy before writing",
          "[render][json]") {
  // Significant digits of a round-trip text: from the first nonzero digit to any exponent.
  const auto digits_of = [](std::string_view text) {
    int counted = 0;
    bool leading = true;
    for (char c : text) {
      if (c == 'e' || c == 'E') break;
      if (c < '0' || c > '9' || (leading && c == '0')) continue;
      leading = false;
      ++counted;
    }
    return counted;
  };
  // The helper's own reading, which the promise below rests on:
  CHECK(digits_of("0.000123456789012") == 12);  // leading zeros are not digits of the figure
  CHECK(digits_of("1.23456789012e-07") == 12);  // nor is the exponent
  // The promise, over figures as files write them and ratios as metrics compute them: where the shortest text
  // has 12 digits or fewer, tidy_number changes nothing (a writer that tidies first then writes that same text),
  // and where it has more, tidy_number drops them.
  std::vector<double> numbers{989, 3.35, 0.1, 700, 1.5e-7, 5e-324, 1e308, 1.62e24, 206.15843020800003};
  for (int a = 1; a < 200; a += 7) {
    for (int b = 1; b < 200; b += 11) {
      numbers.push_back(static_cast<double>(a) / b);
      numbers.push_back(a * 0.1 * b);
      numbers.push_back(a / (b * 1e3));
    }
  }
  for (const double x : {1.0, -1.0}) numbers.push_back(x * 2039.2 / 700);
  std::size_t short_ones = 0;
  for (const double x : numbers) {
    INFO(fmt::format("{}", x));
    const int digits = digits_of(fmt::to_string(x));
    if (digits <= render::tidy_digits) {
      CHECK(render::tidy_number(x) == x);
      ++short_ones;
    } else {
      CHECK(digits_of(fmt::to_string(render::tidy_number(x))) <= render::tidy_digits);
    }
  }
  CHECK(short_ones > 0);
  CHECK(short_ones < numbers.size());
}

TEST_CASE("the number policy keeps 12 significant digits, as writing them and reading them back would",
          "[render][json]") {
  // The rule as the policy states it: the double nearest the 12-digit decimal that to_chars writes.
  const auto by_round_trip = [](double x) {
    std::array<char, 40> text{};
    const auto end = std::to_chars(text.data(), text.data() + text.size(), x, std::chars_format::general, 12).ptr;
    double back = 0;
    std::from_chars(text.data(), end, back);
    return back;
  };
  std::uint64_t state = 99;  // a fixed LCG: the same numbers every run
  const auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
  };
  std::vector<double> numbers{206.15843020800003, 0.1 + 0.2, 2039.2 / 700, 1.0 / 3, 2.0 / 3, 5e-324, 1e308,
                              1.62e24, 123456789012.5, 1234567890125e-13, 0.5e-10, 9.99999999999949e14};
  for (int exponent = -12; exponent <= 16; ++exponent) {
    const double power = std::pow(10.0, exponent);
    for (int i = 0; i < 300; ++i) numbers.push_back((1 + 9 * next()) * power);             // noise past 12 digits
    for (int i = 0; i < 100; ++i) numbers.push_back(std::round(next() * 1e13) / 1e13 * power);  // near-halves
    numbers.insert(numbers.end(), {std::nextafter(power, 0.0), power, std::nextafter(power, 1e300)});
  }
  std::size_t changed = 0;
  for (const double x : numbers) {
    for (const double signed_x : {x, -x}) {
      INFO(fmt::format("{:.17g}", signed_x));
      const double tidied = render::tidy_number(signed_x);
      REQUIRE(tidied == by_round_trip(signed_x));
      changed += tidied != signed_x ? 1 : 0;
    }
  }
  CHECK(changed > numbers.size());  // most of them had noise to drop
}

TEST_CASE("a record's events build the node they spell", "[render][json]") {
  using ordered = nlohmann::ordered_json;
  render::json_builder b;
  b.begin_object();
  b.member("id", "a");
  b.member("value", std::optional<double>{2.5});
  b.member("missing", std::optional<double>{});
  b.key("rank");
  b.count(3);
  b.key("flag");
  b.boolean(false);
  b.key("empty");
  b.begin_object();
  b.end_object();
  b.key("list");
  b.begin_array();
  b.string("x");
  b.begin_object();
  b.member("deep", "y");
  b.end_object();
  b.begin_array();
  b.end_array();
  b.null();
  b.end_array();
  b.member("after", "z");  // the object is still the one members go to once the array has closed
  b.end_object();
  const ordered built = b.take();
  const ordered expected = ordered::parse(
      R"({"id":"a","value":2.5,"missing":null,"rank":3,"flag":false,"empty":{},"list":["x",{"deep":"y"},[],null],)"
      R"("after":"z"})");
  CHECK(built == expected);
  CHECK(built.dump() == expected.dump());  // the same order of members, too
}

TEST_CASE("the JSON writer prints what nlohmann_json prints, byte for byte", "[render][json]") {
  using ordered = nlohmann::ordered_json;
  // Every type, empty and nested containers, and strings the fast path must hand to the library: quotes,
  // backslashes, control characters, DEL, non-ASCII and bytes that are not UTF-8.
  ordered doc = ordered::object();
  doc["null"] = nullptr;
  doc["yes"] = true;
  doc["no"] = false;
  doc["int"] = -42;
  doc["unsigned"] = 18446744073709551615ULL;
  doc["whole float"] = 100.0;
  doc["float"] = 0.1;
  doc["tiny"] = 5e-324;
  doc["huge"] = 1e308;  // numbers the 12-digit policy leaves as they are: this compares writers, not rounding
  doc["exponent"] = 1.62e24;
  doc["empty object"] = ordered::object();
  doc["empty array"] = ordered::array();
  doc["plain"] = "H100 SXM5 80GB";
  doc["quote \" and \\ backslash"] = "a \"quoted\" \\ path";
  doc["controls"] = "tab\there\nnew line\x1b[31m red\x7f del\x01 end";
  doc["non-ascii"] = "1.2× — 华为 Ascend";
  doc["not utf-8"] = std::string("bad \xff\xfe bytes \xc3");
  doc["nested"] = {{"list", {1, 2.5, "three", nullptr, ordered::array({ordered::object()})}}, {"k", {{"deep", true}}}};
  doc["array of records"] = ordered::array({{{"id", "a"}, {"v", 1.5}}, {{"id", "b"}, {"v", nullptr}}});
  // Deeper than the writer's ready-made indent (31 levels of two spaces), so it also builds one.
  ordered deep = "bottom";
  for (int level = 0; level < 40; ++level) {
    deep = ordered{{"level", level}, {"inner", deep}, {"list", {deep.is_string()}}};
  }
  doc["deep"] = deep;
  // Longer than the writer's stack buffer for a quoted string, as a value and as a key.
  doc[std::string(300, 'k')] = std::string(500, 'v');
  // Every byte at every place of strings shorter than, as long as, and longer than the blocks of 16 the writer
  // tests at once (the last block overlapping the one before), as a value, and as a key at one place.
  for (const std::size_t size : {12, 16, 17, 33}) {
    for (int byte = 0; byte < 256; ++byte) {
      for (std::size_t at = 0; at < size; ++at) {
        std::string s(size, 'a');
        s[at] = static_cast<char>(byte);
        doc[fmt::format("byte {} at {} of {}", byte, at, size)] = s;
        if (at == static_cast<std::size_t>(byte) % size) doc[s + fmt::format(" key {}", byte)] = byte;
      }
    }
  }

  const std::string expected = doc.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
  CHECK(render::write_json(doc) == expected);
  std::string lines;
  for (const auto& record : doc["array of records"]) lines += record.dump(-1, ' ', false, ordered::error_handler_t::replace) + "\n";
  CHECK(render::write_jsonl(ordered{{"chips", doc["array of records"]}}) == lines);
}
