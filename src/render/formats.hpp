#pragma once
// One function per format over the shared grid; render.cpp picks among them.

#include <string>

#include "render/grid.hpp"
#include "render/render.hpp"

namespace xpuspec::render {

std::string draw_table(const grid& g, const style& s);
std::string draw_markdown(const grid& g);

std::string to_json(const list_report& r);
std::string to_json(const show_report& r);
std::string to_json(const compare_report& r);
std::string to_json(const rank_report& r);
std::string to_json(const metrics_report& r);
std::string to_json(const rules_report& r);
std::string to_json(const sources_report& r);
std::string to_json(const match_report& r);
std::string to_json(const roofline_report& r);
std::string to_json(const train_report& r);
std::string to_json(const serve_report& r);
std::string to_json(const validation_report& r);
std::string to_text(const validation_report& r, const style& s);
std::string to_github(const validation_report& r);

std::string to_csv(const list_report& r);
std::string to_csv(const show_report& r);
std::string to_csv(const compare_report& r);
std::string to_csv(const rank_report& r);
std::string to_csv(const metrics_report& r);
std::string to_csv(const rules_report& r);
std::string to_csv(const sources_report& r);
std::string to_csv(const match_report& r);
std::string to_csv(const roofline_report& r);
std::string to_csv(const train_report& r);
std::string to_csv(const serve_report& r);

}  // namespace xpuspec::render
