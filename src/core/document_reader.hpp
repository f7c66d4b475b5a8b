#pragma once
// Reading the bundled data documents other than chip files (export-control rules, training runs): each error names
// the file and the JSON pointer of what is wrong, like a chip file's.

#include <algorithm>
#include <cmath>
#include <vector>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "xpuspec/bundled.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/model.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec {

class document_reader {
 public:
  explicit document_reader(std::string_view origin) : origin_(origin) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw error(bounded(printable(fmt::format("{}: {}: {}", origin_, where, what), true)));
  }

  std::string text(const nlohmann::json& object, const char* key, const std::string& where, bool required = true) const {
    const auto it = object.find(key);
    if (it == object.end()) {
      if (required) fail(where, fmt::format("\"{}\" is missing", key));
      return {};
    }
    if (!it->is_string()) fail(where, fmt::format("\"{}\" must be a string", key));
    return it->get<std::string>();
  }

  double number(const nlohmann::json& value, const std::string& where) const {
    if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0) {
      fail(where, "must be a finite number, 0 or more");
    }
    return value.get<double>();
  }

  // The document: an object, with an array as its `list_key` member if one is named.
  nlohmann::json parse(std::string_view text, const char* list_key = nullptr) const {
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      fail("JSON", e.what());
    }
    if (!doc.is_object()) fail("/", "expected a JSON object");
    if (list_key && (!doc.contains(list_key) || !doc.at(list_key).is_array())) {
      fail("/", fmt::format("expected an object with a \"{}\" array", list_key));
    }
    return doc;
  }

  // Calls f(entry, where) for each object in the array `list` of the document, "a run must be an object" else.
  template <typename F>
  void each_object(const nlohmann::json& list, const std::string& where, std::string_view what, F&& f) const {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = fmt::format("{}/{}", where, i);
      if (!list.at(i).is_object()) fail(at, fmt::format("{} must be an object", what));
      f(list.at(i), at);
    }
  }

  // The frame the list documents share (runs, measured results, export rules): "about", "sources", and
  // f(entry, where, sources) for each object of the `list_key` array; the caller keeps what it builds of each.
  struct list_frame {
    std::string about;
    std::vector<source_ref> sources;
  };
  template <typename F>
  list_frame read_list(std::string_view document, const char* list_key, std::string_view what, F&& f) const {
    const nlohmann::json doc = parse(document, list_key);
    list_frame out{text(doc, "about", "/", false), sources(doc)};
    each_object(doc.at(list_key), fmt::format("/{}", list_key), what,
                [&](const nlohmann::json& entry, const std::string& where) { f(entry, where, out.sources); });
    return out;
  }

  // Its "sources" object, each entry as chip files write one.
  std::vector<source_ref> sources(const nlohmann::json& doc) const {
    const nlohmann::json all = doc.value("sources", nlohmann::json::object());
    if (!all.is_object()) fail("/sources", "must be an object");
    std::vector<source_ref> out;
    for (const auto& [id, s] : all.items()) out.push_back(source(id, s, "/sources/" + id));
    return out;
  }

  // `id` must be one of `sources`.
  void cited(const std::vector<source_ref>& sources, const std::string& id, const std::string& where) const {
    if (std::none_of(sources.begin(), sources.end(), [&](const source_ref& s) { return s.id == id; })) {
      fail(where, fmt::format("source \"{}\" is not a key of \"sources\"", id));
    }
  }

  // A source entry as chip files write them: title, url and accessed required.
  source_ref source(const std::string& id, const nlohmann::json& s, const std::string& where) const {
    if (!s.is_object()) fail(where, "must be an object");
    return {id, text(s, "title", where), text(s, "url", where), text(s, "accessed", where),
            text(s, "publisher", where, false), text(s, "via", where, false), text(s, "published", where, false)};
  }

 private:
  std::string_view origin_;
};

// A bundled document (data/NAME) and the origin its errors name; an error if this build lacks it.
inline std::pair<std::string_view, std::string> bundled_document_or_error(std::string_view name) {
  const auto text = bundled_document(name);
  if (!text) throw error(fmt::format("bundled:{} is missing from this build", name));
  return {*text, fmt::format("bundled:{}", name)};
}

}  // namespace xpuspec
