#include "xpuspec/model.hpp"

#include <fmt/format.h>

#include "xpuspec/fields.hpp"

#include <array>
#include <utility>

namespace xpuspec {
namespace {

constexpr std::array<std::pair<basis, std::string_view>, 5> basis_names{{
    {basis::vendor, "vendor"},
    {basis::measured, "measured"},
    {basis::derived, "derived"},
    {basis::estimate, "estimate"},
    {basis::projected, "projected"},
}};

constexpr std::array<std::pair<absence, std::string_view>, 3> absence_names{{
    {absence::unsupported, "unsupported"},
    {absence::unpublished, "unpublished"},
    {absence::unknown, "unknown"},
}};

constexpr std::array<std::string_view, precision_count> precision_names{
    "fp64", "fp64_tensor", "fp32", "tf32", "bf16", "fp16", "fp8", "fp6", "fp4", "int8", "int4"};

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view s) {
  for (const auto& [e, name] : table) {
    if (name == s) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(basis b) { return basis_names[static_cast<std::size_t>(b)].second; }
std::string_view to_string(absence a) { return absence_names[static_cast<std::size_t>(a)].second; }
std::optional<basis> basis_from_string(std::string_view s) { return lookup(basis_names, s); }
std::optional<absence> absence_from_string(std::string_view s) { return lookup(absence_names, s); }

std::string_view to_string(precision p) { return precision_names[static_cast<std::size_t>(p)]; }

std::optional<precision> precision_from_string(std::string_view s) {
  for (precision p : all_precisions) {
    if (to_string(p) == s) return p;
  }
  return std::nullopt;
}

bool is_integer(precision p) { return p == precision::int8 || p == precision::int4; }

int bit_length(precision p) {
  switch (p) {
    case precision::fp64:
    case precision::fp64_tensor: return 64;
    case precision::fp32: return 32;
    case precision::tf32: return 19;
    case precision::bf16:
    case precision::fp16: return 16;
    case precision::fp8:
    case precision::int8: return 8;
    case precision::fp6: return 6;
    case precision::fp4:
    case precision::int4: return 4;
  }
  return 0;
}

const source_ref* chip::find_source(std::string_view source_id) const {
  for (const auto& s : sources) {
    if (s.id == source_id) return &s;
  }
  return nullptr;
}

std::string pointer_of(const chip& c, const value& v) {
  for (const value_field& field : value_fields) {
    if (field.member != nullptr && &(c.*field.member) == &v) return fmt::format("/{}/{}", field.group, field.key);
  }
  for (precision p : all_precisions) {
    if (&c.at(p).dense == &v) return fmt::format("/compute/{}{}", to_string(p), v.short_form ? "" : "/dense");
    if (&c.at(p).sparse == &v) return fmt::format("/compute/{}/sparse", to_string(p));
  }
  return {};
}

}  // namespace xpuspec
