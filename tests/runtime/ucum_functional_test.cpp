// The UCUM functional test suite (tests/data/ucum/UcumFunctionalTests.xml, unchanged): every
// validation case must be valid or invalid as the file says, and every conversion case must
// give the file's outcome to the outcome's own precision.
//
// Exclusions: none among validation and conversion cases (cases inside XML comments, such as
// 1-103 and 3-130, are not cases). Not run: displayNameGeneration (redflag does not generate
// display names), multiplication and division (they test an API for multiplying quantities,
// which redflag does not have; the unit algebra under them is covered by the conversions).
#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/ucum/ucum.hpp"

namespace {

using Attributes = std::map<std::string, std::string>;

struct Case {
  std::string section;  // the enclosing element: validation, conversion, …
  Attributes attributes;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The file's attribute values use only the five named entities and numeric ones.
std::string unescape(std::string_view value) {
  static const std::pair<std::string_view, char> kNamed[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    bool replaced = false;
    for (const auto& [entity, c] : kNamed) {
      if (value.substr(i, entity.size()) == entity) {
        out += c;
        i += entity.size() - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced && value.substr(i, 2) == "&#") {
      const std::size_t end = value.find(';', i);
      unsigned code = 0;
      std::from_chars(value.data() + i + 2, value.data() + end, code);
      if (code < 0x80) {
        out += static_cast<char>(code);
      } else {  // two-byte UTF-8 covers every entity in the file (è, é)
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
      }
      i = end;
      replaced = true;
    }
    if (!replaced) out += value[i];
  }
  return out;
}

Attributes attributes_of(std::string_view tag) {
  Attributes attributes;
  std::size_t at = 0;
  while ((at = tag.find('=', at)) != std::string_view::npos) {
    std::size_t name_start = at;
    while (name_start > 0 && tag[name_start - 1] != ' ' && tag[name_start - 1] != '\t' && tag[name_start - 1] != '\n') --name_start;
    const std::size_t open = at + 1;
    const std::size_t close = tag.find('"', open + 1);
    attributes[std::string(tag.substr(name_start, at - name_start))] = unescape(tag.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  return attributes;
}

// Every `<case …/>` outside comments, with the section it sits in.
std::vector<Case> read_cases() {
  std::string text = read_file(REDFLAG_TEST_DATA "/ucum/UcumFunctionalTests.xml");
  for (std::size_t open; (open = text.find("<!--")) != std::string::npos;) {
    text.erase(open, text.find("-->", open) + 3 - open);
  }
  std::vector<Case> cases;
  std::string section;
  for (std::size_t at = text.find('<'); at != std::string::npos; at = text.find('<', at + 1)) {
    const std::size_t end = text.find('>', at);
    const std::string_view tag(text.data() + at + 1, end - at - 1);
    const std::string_view name = tag.substr(0, tag.find_first_of(" \t\n/"));
    if (name == "case") {
      cases.push_back({section, attributes_of(tag)});
    } else if (name == "validation" || name == "conversion" || name == "displayNameGeneration" ||
               name == "multiplication" || name == "division") {
      section = std::string(name);
    }
  }
  return cases;
}

double number(const std::string& text) {
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// Half a unit in the last digit of [outcome] ("0.160" → 0.0005), but never below 1e-12 relative.
double tolerance(const std::string& outcome) {
  const double value = number(outcome);
  int significant = 0;
  bool leading = true;
  for (char c : outcome.substr(0, outcome.find_first_of("eE"))) {
    if (c < '0' || c > '9') continue;
    if (c != '0') leading = false;
    if (!leading) ++significant;
  }
  const double exponent = std::floor(std::log10(std::fabs(value)));
  return std::max(0.5 * std::pow(10.0, exponent - significant + 1), 1e-12 * std::fabs(value));
}

}  // namespace

TEST_CASE("ucum functional tests: validation") {
  int run = 0;
  for (const Case& c : read_cases()) {
    if (c.section != "validation") continue;
    const std::string& unit = c.attributes.at("unit");
    const bool valid = c.attributes.at("valid") == "true";
    const redflag::ucum::ParseResult result = redflag::ucum::parse(unit);
    INFO("case " << c.attributes.at("id") << ": `" << unit << "`: " << (result.unit ? "valid" : result.error.text()));
    CHECK(result.unit.has_value() == valid);
    ++run;
  }
  CHECK(run == 529);  // every validation case outside comments
}

TEST_CASE("ucum functional tests: conversion") {
  int run = 0;
  for (const Case& c : read_cases()) {
    if (c.section != "conversion") continue;
    const Attributes& a = c.attributes;
    const redflag::ucum::ConvertResult result =
        redflag::ucum::convert(number(a.at("value")), a.at("srcUnit"), a.at("dstUnit"));
    INFO("case " << a.at("id") << ": " << a.at("value") << " " << a.at("srcUnit") << " -> " << a.at("dstUnit") << ": "
                 << result.error);
    REQUIRE(result.value.has_value());
    CHECK(std::fabs(*result.value - number(a.at("outcome"))) <= tolerance(a.at("outcome")));
    ++run;
  }
  CHECK(run == 30);
}
