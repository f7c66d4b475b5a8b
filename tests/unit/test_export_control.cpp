#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "xpuspec/bundled.hpp"
#include "xpuspec/catalog.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/export_control.hpp"

using namespace xpuspec;

namespace {

std::optional<bool> verdict(const export_control_report& r, std::size_t row, std::string_view rule) {
  for (const auto& result : r.rows.at(row).rules) {
    if (result.rule == rule) return result.meets;
  }
  FAIL("no rule " << rule);
  return std::nullopt;
}

const std::string one_rule = R"({"rules": [{"id": "r", "title": "t", "summary": "s", "source": "src",
  "alternatives": [{"part": "a.1", "all": [{"input": "tpp", "at_least": 4800, "text": "x"}]},
                   {"part": "a.2", "all": [{"input": "tpp", "at_least": 1600, "text": "y"},
                                           {"input": "performance_density", "at_least": 5.92, "text": "z"}]}]}],
  "sources": {"src": {"title": "T", "url": "https://example.com", "accessed": "2026-11-30"}}})";

}  // namespace

TEST_CASE("a rule is met when all tests of one paragraph are, and unknown only when an unknown input decides it",
          "[export]") {
  const export_rules rules = parse_export_rules(one_rule, "r.json");
  // alpha: TPP = bf16 100 TFLOPS x 16 = 1600 (int8 200 x 8 ties), die 600 mm2: density 2.667.
  chip alpha = test::fixture("acme-alpha");
  chip no_die = alpha;
  no_die.die_area = value{};
  chip big = alpha;
  big.at(precision::bf16).dense.amount = 400.0;  // TPP 6400: a.1 decides, whatever the die
  big.die_area = value{};
  const auto r = make_export_control({&alpha, &no_die, &big}, rules);
  CHECK(*r.rows[0].tpp.number == Approx(1600));
  CHECK(*r.rows[0].density.number == Approx(1600.0 / 600));
  CHECK(verdict(r, 0, "r") == false);         // a.1: 1600 < 4800; a.2: 2.667 < 5.92
  CHECK_FALSE(verdict(r, 1, "r").has_value());  // a.2's density unknown, and a.2 could pass
  CHECK_FALSE(r.rows[1].density.known());
  CHECK(verdict(r, 2, "r") == true);          // a.1 passes; the unknown density no longer matters
}

TEST_CASE("a TPP with a precision marked unknown is a lower bound: it can meet a threshold, not fail one",
          "[export]") {
  const export_rules rules = parse_export_rules(one_rule, "r.json");
  chip alpha = test::fixture("acme-alpha");  // TPP 1600, density 2.667: fails a.1 and a.2
  alpha.at(precision::fp8).dense.written = "unknown";  // the file says a figure exists, not known
  const auto r = make_export_control({&alpha}, rules);
  CHECK(r.rows[0].tpp_unknown == std::vector<precision>{precision::fp8});
  CHECK_FALSE(verdict(r, 0, "r").has_value());
  chip unpublished = test::fixture("acme-alpha");
  unpublished.at(precision::fp8).dense.written = "unpublished";
  unpublished.at(precision::fp8).dense.missing = absence::unpublished;  // the vendor claims nothing: not a bound
  CHECK(verdict(make_export_control({&unpublished}, rules), 0, "r") == false);
}

TEST_CASE("a malformed rules file names the file and the place", "[export]") {
  CHECK_THROWS_WITH(parse_export_rules("{\"rules\": 3}", "x.json"), test::contains("x.json"));
  std::string bad = one_rule;
  bad.replace(bad.find("\"tpp\""), 5, "\"tpq\"");
  CHECK_THROWS_WITH(parse_export_rules(bad, "x.json"),
                    test::contains("x.json: /rules/0/alternatives/0/all/0") && test::contains("did you mean 'tpp'"));
  std::string inverted = one_rule;
  inverted.replace(inverted.find("\"at_least\": 1600"), 16, "\"at_least\": 1600, \"below\": 100");
  CHECK_THROWS_WITH(parse_export_rules(inverted, "x.json"), test::contains("\"below\" must be above"));
}

TEST_CASE("the bundled data tells the export-control story of the A100, A800, H100, H800 and H20", "[export][data]") {
  const catalog cat = load_catalog({});
  const std::vector<const chip*> chips{&cat.get("a100"), &cat.get("a800-sxm"), &cat.get("h100"),
                                       &cat.get("h800-sxm"), &cat.get("h20")};
  const auto r = make_export_control(chips, bundled_export_rules());
  // A100: 312 TFLOPS bf16 x 16 = 4992 >= 4800 with 600 GB/s NVLink: over the 2022 line.
  CHECK(*r.rows[0].tpp.number == Approx(4992));
  CHECK(verdict(r, 0, "3a090-2022") == true);
  // A800: the same compute, NVLink cut to 400 GB/s: under the 2022 line, over the 2023 one by TPP.
  CHECK(verdict(r, 1, "3a090-2022") == false);
  CHECK(verdict(r, 1, "3a090a-2023") == true);
  CHECK(verdict(r, 2, "3a090-2022") == true);
  CHECK(verdict(r, 3, "3a090-2022") == false);
  CHECK(verdict(r, 3, "3a090a-2023") == true);
  // H20: 148 x 16 = 2368 < 2400 and 2368 / 814 mm2 = 2.91 < 3.2: under both 2023 paragraphs.
  CHECK(*r.rows[4].tpp.number == Approx(2368));
  CHECK(*r.rows[4].density.number == Approx(2368.0 / 814));
  CHECK(verdict(r, 4, "3a090a-2023") == false);
  CHECK(verdict(r, 4, "3a090b-2023") == false);
  for (const auto& s : r.rules.sources) CHECK_FALSE(s.url.empty());
}
