#include "catch.hpp"

#include "xpuspec/error.hpp"
#include "xpuspec/json_positions.hpp"
#include "xpuspec/units.hpp"

using xpuspec::dimension;
using xpuspec::parse_quantity;

TEST_CASE("quantities are normalised to one unit per dimension", "[units]") {
  // Decimal prefixes are powers of ten: 3.35 TB/s = 3.35e12 B/s = 3350 GB/s.
  CHECK(parse_quantity("3.35 TB/s", dimension::bandwidth) == Approx(3350.0));
  CHECK(parse_quantity("2039 GB/s", dimension::bandwidth) == Approx(2039.0));
  // Binary prefixes are powers of two: 1 TiB/s = 2^40 B/s = 1099.511627776 GB/s.
  CHECK(parse_quantity("1 TiB/s", dimension::bandwidth) == Approx(1099.511627776));
  // A lower-case b is bits: 1600 Gb/s / 8 = 200 GB/s; 4800 Gbps / 8 = 600 GB/s.
  CHECK(parse_quantity("1600 Gb/s", dimension::bandwidth) == Approx(200.0));
  CHECK(parse_quantity("4800 Gbps", dimension::bandwidth) == Approx(600.0));
  // 128 GiB = 128 * 2^30 B = 137.438953472 GB.
  CHECK(parse_quantity("128 GiB", dimension::memory) == Approx(137.438953472));
  CHECK(parse_quantity("80 GB", dimension::memory) == Approx(80.0));
  CHECK(parse_quantity("1.5 TB", dimension::memory) == Approx(1500.0));
  CHECK(parse_quantity("512 MB", dimension::memory) == Approx(0.512));
  CHECK(parse_quantity("0.5 kW", dimension::power) == Approx(500.0));
  CHECK(parse_quantity("700 W", dimension::power) == Approx(700.0));
  // 2.25 PFLOPS = 2250 TFLOPS; 9 POPS = 9000 TOPS; 500 GFLOPS = 0.5 TFLOPS.
  CHECK(parse_quantity("2.25 PFLOPS", dimension::float_compute) == Approx(2250.0));
  CHECK(parse_quantity("500 GFLOPS", dimension::float_compute) == Approx(0.5));
  CHECK(parse_quantity("9 POPS", dimension::integer_compute) == Approx(9000.0));
  CHECK(parse_quantity("1e3 TFLOPS", dimension::float_compute) == Approx(1000.0));
  CHECK(parse_quantity("  12   GB  ", dimension::memory) == Approx(12.0));
  CHECK(parse_quantity("12GB", dimension::memory) == Approx(12.0));
}

TEST_CASE("a unit that does not fit its field is an error that says what it is", "[units]") {
  CHECK_THROWS_WITH(parse_quantity("3.35 TB/s", dimension::power),
                    test::contains("is in bandwidth units, but this field is power (units: W, kW)"));
  CHECK_THROWS_WITH(parse_quantity("100 TFLOPS", dimension::integer_compute),
                    test::contains("floating-point compute units, but this field is integer compute"));
  CHECK_THROWS_WITH(parse_quantity("80 GB", dimension::bandwidth), test::contains("memory capacity units"));
}

TEST_CASE("malformed quantities are errors, never 0, inf or NaN", "[units]") {
  CHECK_THROWS_WITH(parse_quantity("7 furlongs", dimension::power), test::contains("unknown unit \"furlongs\""));
  CHECK_THROWS_WITH(parse_quantity("3.35 tb/s", dimension::bandwidth), test::contains("unknown unit \"tb/s\""));
  CHECK_THROWS_WITH(parse_quantity("700", dimension::power), test::contains("has no unit: write e.g. \"700 W\""));
  CHECK_THROWS_WITH(parse_quantity("W", dimension::power), test::contains("is not a quantity"));
  CHECK_THROWS_WITH(parse_quantity("", dimension::power), test::contains("is not a quantity"));
  CHECK_THROWS_WITH(parse_quantity("inf W", dimension::power), test::contains("not a finite number"));
  CHECK_THROWS_WITH(parse_quantity("nan W", dimension::power), test::contains("not a finite number"));
  CHECK_THROWS_WITH(parse_quantity("1e400 W", dimension::power), test::contains("out of range"));
  // 1e308 EFLOPS would be 1e314 TFLOPS: finite as written, infinite once converted.
  CHECK_THROWS_WITH(parse_quantity("1e308 EFLOPS", dimension::float_compute), test::contains("out of range"));
}

TEST_CASE("split_quantity keeps the number and the unit apart", "[units]") {
  const auto q = xpuspec::split_quantity("2.25 PFLOPS");
  CHECK(q.number == 2.25);
  CHECK(q.unit == "PFLOPS");
  CHECK(xpuspec::split_quantity("80").unit.empty());
}

TEST_CASE("every unit belongs to exactly one dimension", "[units]") {
  for (auto d : {dimension::float_compute, dimension::integer_compute, dimension::memory, dimension::bandwidth,
                 dimension::power}) {
    for (auto unit : xpuspec::accepted_units(d)) {
      CHECK(xpuspec::dimension_of_unit(unit) == d);
      CHECK(xpuspec::unit_factor(unit, d).has_value());
    }
  }
}

TEST_CASE("positions are 1-based lines and byte columns", "[units]") {
  const std::string text = "ab\ncd\n\nef";
  const xpuspec::source_map map(text);
  CHECK(map.at_offset(0).line == 1);
  CHECK(map.at_offset(0).column == 1);
  CHECK(map.at_offset(4).line == 2);  // 'd'
  CHECK(map.at_offset(4).column == 2);
  CHECK(map.at_offset(6).line == 3);  // the empty line
  CHECK(map.at_offset(6).column == 1);
  CHECK(map.at_offset(7).line == 4);  // 'e'
  CHECK(map.at_offset(7).column == 1);
  CHECK(map.at_offset(999).line == 4);  // past the end is clamped
}
