// JSONTestSuite (tests/data/json-suite) through the case reader: every n_ file refused as
// invalid JSON, every y_ file accepted by the JSON layer (refused, if at all, only as a case),
// every i_ file answered without a crash.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "runtime/cases/case_reader.hpp"
#include "tests/runtime/case_facts.hpp"

namespace redflag {
namespace {

namespace fs = std::filesystem;

std::string contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Whether [message] blames the JSON itself rather than the case it holds.
bool json_fault(const std::string& message) {
  return message.rfind("invalid JSON", 0) == 0 || message.rfind("JSON nested more than", 0) == 0;
}

TEST_CASE("JSONTestSuite: n_ rejected as JSON, y_ accepted as JSON, i_ never crash") {
  const fs::path suite = fs::path(REDFLAG_TEST_DATA) / "json-suite";
  CaseReader reader(test::case_facts());
  std::vector<FactValue> facts;
  std::string id;
  int counts[3] = {0, 0, 0};  // y, n, i
  for (const fs::directory_entry& entry : fs::directory_iterator(suite)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".json") continue;
    const std::string json = contents(entry.path());
    CaseError error;
    const bool ok = reader.read(json, facts, id, error);
    INFO(name << " -> " << error.message);
    switch (name[0]) {
      case 'y':
        ++counts[0];
        CHECK((ok || !json_fault(error.message)));
        break;
      case 'n':
        ++counts[1];
        CHECK_FALSE(ok);
        CHECK(json_fault(error.message));
        CHECK(error.field == "");
        break;
      case 'i':
        ++counts[2];
        CHECK((ok || !error.message.empty()));
        break;
      default: FAIL("unexpected file " << name);
    }
  }
  CHECK(counts[0] == 95);
  CHECK(counts[1] == 188);
  CHECK(counts[2] == 35);
}

}  // namespace
}  // namespace redflag
