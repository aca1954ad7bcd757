#include "tools/fhir/json_builder.hpp"

#include "tools/json_text.hpp"

namespace redflag::tools::fhir {

void JsonBuilder::begin(std::string_view key) {
  if (!first_.empty()) {
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
    if (indent_) {
      out_.push_back('\n');
      for (std::size_t i = 0; i < first_.size(); ++i) out_.append(std::string_view("  "));
    }
  }
  if (!key.empty()) {
    append_json_string(out_, key);
    out_.append(indent_ ? std::string_view(": ") : std::string_view(":"));
  }
}

JsonBuilder& JsonBuilder::open(std::string_view key, char opener, char closer) {
  begin(key);
  out_.push_back(opener);
  first_.push_back(true);
  closers_.push_back(closer);
  return *this;
}

JsonBuilder& JsonBuilder::object(std::string_view key) { return open(key, '{', '}'); }

JsonBuilder& JsonBuilder::array(std::string_view key) { return open(key, '[', ']'); }

JsonBuilder& JsonBuilder::close() {
  const bool empty = first_.back();
  first_.pop_back();
  if (indent_ && !empty) {
    out_.push_back('\n');
    for (std::size_t i = 0; i < first_.size(); ++i) out_.append(std::string_view("  "));
  }
  out_.push_back(closers_.back());
  closers_.pop_back();
  if (indent_ && first_.empty()) out_.push_back('\n');
  return *this;
}

JsonBuilder& JsonBuilder::string(std::string_view key, std::string_view value) {
  begin(key);
  append_json_string(out_, value);
  return *this;
}

JsonBuilder& JsonBuilder::number(std::string_view key, double value) {
  begin(key);
  append_json_number(out_, value);
  return *this;
}

JsonBuilder& JsonBuilder::boolean(std::string_view key, bool value) {
  begin(key);
  out_.append(value ? std::string_view("true") : std::string_view("false"));
  return *this;
}

JsonBuilder& JsonBuilder::raw(std::string_view key, std::string_view json) {
  begin(key);
  out_.append(json);
  return *this;
}

}  // namespace redflag::tools::fhir
