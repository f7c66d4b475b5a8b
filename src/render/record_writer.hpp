#pragma once
// One JSON record spelled as events (open an object, a member's name, a string, a number, close), so a view writes
// each record once and each reader of it takes it the way it needs: the JSON and JSON Lines writers put the text
// straight out (json.cpp), and json_builder makes the document node the rest of the program reads. Building the
// node only to write it and drop it was two thirds of `compare --all --json` (bench/README.md).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "xpuspec/text.hpp"

namespace xpuspec::render {

using json = nlohmann::ordered_json;

class record_writer {
 public:
  virtual ~record_writer() = default;
  virtual void begin_object() = 0;
  virtual void end_object() = 0;
  virtual void begin_array() = 0;
  virtual void end_array() = 0;
  // The name of the next value, inside an object.
  virtual void key(std::string_view name) = 0;
  virtual void string(std::string_view s) = 0;
  // Written as text, under the number policy (tidy_number), and null when it is not finite; json_builder keeps
  // the double as it is, as a document node always has.
  virtual void number(double x) = 0;
  virtual void count(std::uint64_t n) = 0;
  virtual void boolean(bool b) = 0;
  virtual void null() = 0;

  // Members, for a view's record to read like the object it writes.
  void member(std::string_view name, std::string_view s) {
    key(name);
    string(s);
  }
  void member(std::string_view name, const char* s) { member(name, std::string_view(s)); }
  void member(std::string_view name, const text& s) { member(name, s.view()); }
  // Missing is null, as number_or_null (view.hpp).
  void member(std::string_view name, const std::optional<double>& x) {
    key(name);
    x ? number(*x) : null();
  }
  void member(std::string_view name, maybe_amount x) { member(name, std::optional<double>(x)); }
  void member(std::string_view name, const std::vector<text>& list) {
    key(name);
    begin_array();
    for (const text& s : list) string(s.view());
    end_array();
  }
  // Anything else (a bool or an int would become a number, a std::string is ambiguous) is spelled out with key().
  template <typename T>
  void member(std::string_view name, const T&) = delete;
};

// The document node the events spell, the same as writing the record and parsing it back.
class json_builder final : public record_writer {
 public:
  void begin_object() override { open(json::object()); }
  void end_object() override { open_.pop_back(); }
  void begin_array() override { open(json::array()); }
  void end_array() override { open_.pop_back(); }
  void key(std::string_view name) override { key_ = name; }
  void string(std::string_view s) override { put(json(s)); }
  void number(double x) override { put(json(x)); }
  void count(std::uint64_t n) override { put(json(n)); }
  void boolean(bool b) override { put(json(b)); }
  void null() override { put(json(nullptr)); }

  json take() { return std::move(root_); }

 private:
  // The node goes into the innermost open container, under the pending name in an object.
  json& put(json node) {
    if (open_.empty()) return root_ = std::move(node);
    json& parent = *open_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(node));
      return parent.back();
    }
    return parent[key_] = std::move(node);
  }
  // A container's node stays where it is while it is open: only its own members are added until it closes.
  void open(json node) { open_.push_back(&put(std::move(node))); }

  json root_;
  std::vector<json*> open_;
  std::string key_;
};

}  // namespace xpuspec::render
