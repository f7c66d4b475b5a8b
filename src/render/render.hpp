#pragma once
// Output formats. Each format is one file of pure functions from a computed report to text; this header and
// render.cpp are the one place that switches between them.

#include <string>
#include <string_view>
#include <optional>

#include "xpuspec/report.hpp"

namespace xpuspec::render {

enum class format { table, json, csv, markdown };
std::optional<format> format_from_string(std::string_view name);

struct style {
  bool color = false;     // ANSI colour and bold
  bool decorate = false;  // Unicode bar characters: only for a terminal
};

std::string render(const list_report& r, format f, const style& s);
std::string render(const show_report& r, format f, const style& s);
std::string render(const compare_report& r, format f, const style& s);
std::string render(const rank_report& r, format f, const style& s);
std::string render(const metrics_report& r, format f, const style& s);

}  // namespace xpuspec::render
