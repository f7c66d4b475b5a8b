// Build-time tool: loads the bundled chip files with every check a user's file gets, and writes them out as C++
// that builds the same chips. A bad bundled file fails the build instead of every run of the tool, and a run that
// uses the bundled data skips JSON parsing and schema validation altogether.
//
// Usage: xpuspec_digest_chips OUTPUT.cpp CHIP.json...

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/files.hpp"
#include "xpuspec/catalog.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/fields.hpp"
#include "xpuspec/load.hpp"

namespace {

using namespace xpuspec;

// Octal escapes, not hex: a hex escape swallows every hex digit after it, so "\xe2\x80\x94a" would be one escape
// too long, while an octal escape stops after three digits.
std::string literal(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto byte = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (byte < 0x20 || byte >= 0x7f) {
      out += fmt::format("\\{:03o}", byte);
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

// Every string the chips hold, once: the chips refer to it by place (xpuspec::text::compiled), so building them
// at start-up copies and hashes no string.
class text_table {
 public:
  std::string operator()(std::string_view s) {
    if (s.empty()) return "text{}";
    const auto [it, added] = places_.try_emplace(std::string(s), places_.size());
    if (added) order_.push_back(std::string(s));
    return fmt::format("text::compiled({})", it->second);
  }
  // One array of characters and a table of places in it, not a table of string_views: a pointer in a table is a
  // relocation that a position-independent binary writes at every start, and each page it writes is a page fault.
  std::string definition() const {
    std::string chars = "constexpr char compiled_chars[] =\n";
    std::string places = "constexpr text::compiled_place compiled_places[] = {\n";
    std::size_t offset = 0;
    for (const auto& s : order_) {
      // Each string ends with a NUL of its own, for text::c_str().
      const std::string quoted = literal(s);
      chars += fmt::format("    {}\\000\"\n", std::string_view(quoted).substr(0, quoted.size() - 1));
      places += fmt::format("    {{{}, {}}},\n", offset, s.size());
      offset += s.size() + 1;
    }
    if (order_.empty()) chars += "    \"\"";
    return chars + ";\n\n" + places + "};\n\nconstexpr text::compiled_strings compiled_texts{compiled_chars, compiled_places};\n\n";
  }

 private:
  std::map<std::string, std::size_t> places_;
  std::vector<std::string> order_;
};

text_table texts;

// Hexadecimal floating point: the exact double, with no decimal rounding in between.
std::string number(std::optional<double> d) { return d ? fmt::format("{:a}", *d) : "std::nullopt"; }

std::string strings(const std::vector<text>& list) {
  std::vector<std::string> items;
  for (const auto& s : list) items.push_back(texts(s));
  return fmt::format("{{{}}}", fmt::join(items, ", "));
}

template <typename Enum>
std::string enumerator(std::string_view type, Enum e) {
  return fmt::format("{}::{}", type, to_string(e));
}

std::string value_of(const value& v) {
  return fmt::format("value{{{}, {}, {}, {}, {}, {}, {}}}", number(v.amount), enumerator("absence", v.missing),
                     enumerator("basis", v.basis), v.short_form ? "true" : "false", texts(v.source), texts(v.note),
                     texts(v.written));
}

std::string chip_builder(const chip& c) {
  std::string out = "  {\n    chip& c = chips.emplace_back();\n";
  auto line = [&](std::string_view field, const std::string& code) { out += fmt::format("    c.{} = {};\n", field, code); };
  line("id", texts(c.id));
  line("name", texts(c.name));
  line("vendor", texts(c.vendor));
  line("family", texts(c.family));
  line("form_factor", texts(c.form_factor));
  line("status", texts(c.status));
  line("released", texts(c.released));
  line("aliases", strings(c.aliases));
  line("notes", strings(c.notes));
  line("process_node", texts(c.process_node));
  line("process_nm", number(c.process_nm));
  for (std::size_t i = 0; i < precision_count; ++i) {
    line(fmt::format("compute[{}].dense", i), value_of(c.compute[i].dense));
    line(fmt::format("compute[{}].sparse", i), value_of(c.compute[i].sparse));
  }
  // Every other value through the field table, so a new value field needs no line here.
  for (std::size_t i = 0; i < std::size(value_fields); ++i) {
    if (value_fields[i].member != nullptr) line(fmt::format("*value_fields[{}].member", i), value_of(c.*value_fields[i].member));
  }
  line("memory_type", texts(c.memory_type));
  line("power_term", texts(c.power_term));
  line("interconnect_name", texts(c.interconnect_name));
  line("interconnect_direction", texts(c.interconnect_direction));
  line("default_source", texts(c.default_source));
  std::vector<std::string> sources;
  for (const auto& s : c.sources) {
    sources.push_back(fmt::format("source_ref{{{}, {}, {}, {}, {}, {}, {}}}", texts(s.id), texts(s.title),
                                  texts(s.url), texts(s.accessed), texts(s.publisher), texts(s.via),
                                  texts(s.published)));
  }
  line("sources", fmt::format("{{{}}}", fmt::join(sources, ",\n        ")));
  line("origin", texts(c.origin));
  line("bundled", c.bundled ? "true" : "false");
  return out + "  }\n";
}

int digest(const std::string& output, const std::vector<std::string>& inputs) {
  std::vector<chip> chips;
  std::vector<std::string> problems;
  for (const auto& input : inputs) {
    const std::string name = std::filesystem::path(input).filename().string();
    try {
      // The origin a user sees in `show` and in errors: the file name under "bundled:", not the build machine's path.
      chips.push_back(parse_chip(read_chip_file(input), "bundled:" + name, true));
    } catch (const error& e) {
      problems.push_back(fmt::format("{}: {}", input, e.what()));
    }
  }
  if (!problems.empty()) {
    std::fputs(fmt::format("xpuspec_digest_chips: the bundled data does not load:\n{}\n", fmt::join(problems, "\n")).c_str(),
               stderr);
    return 1;
  }
  // Throws on two bundled chips claiming one name. Its chips are in id order, which is how they are written: a
  // catalog then finds them sorted and need not sort them on every run ("intel-gaudi-3-pcie.json" comes before
  // "intel-gaudi-3.json", so file order is not id order).
  const catalog checked(std::move(chips));
  const std::vector<chip>& in_id_order = checked.chips();

  // One function per chip: the optimiser's cost grows faster than linearly with a function's size, and one
  // function holding every chip was most of a clean build's time.
  std::string code = "// Generated by tools/digest_chips.cpp from data/chips: do not edit.\n"
                     "#include \"xpuspec/bundled.hpp\"\n#include \"xpuspec/fields.hpp\"\n\nnamespace xpuspec {\nnamespace {\n\n";
  std::string builders;
  for (std::size_t i = 0; i < in_id_order.size(); ++i) {
    builders += fmt::format("void add_chip_{}(std::vector<chip>& chips) {}", i, chip_builder(in_id_order[i]));
  }
  code += texts.definition() + builders;
  code += "\n}  // namespace\n\nstd::vector<chip> bundled_chips() {\n  text::use_compiled(compiled_texts);\n  std::vector<chip> chips;\n";
  code += fmt::format("  chips.reserve({});\n", in_id_order.size());
  for (std::size_t i = 0; i < in_id_order.size(); ++i) code += fmt::format("  add_chip_{}(chips);\n", i);
  code += "  return chips;\n}\n\n}  // namespace xpuspec\n";

  // Written beside and renamed, so an interrupted build never leaves half a file that looks up to date.
  const std::string partial = output + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << code;
    if (!out.flush()) throw error(fmt::format("{}: cannot write", partial));
  }
  std::filesystem::rename(partial, output);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: xpuspec_digest_chips OUTPUT.cpp CHIP.json...\n", stderr);
    return 2;
  }
  try {
    return digest(argv[1], std::vector<std::string>(argv + 2, argv + argc));
  } catch (const std::exception& e) {
    std::fputs(fmt::format("xpuspec_digest_chips: {}\n", e.what()).c_str(), stderr);
    return 1;
  }
}
