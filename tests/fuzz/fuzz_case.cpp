// Fuzzes the case reader: the bytes as one JSON case (a `.json` file), then, when they hold a
// newline, as a JSON Lines stream read from a memfd through the LineReader, each line read as
// `eval` reads it. The first byte also sets the line limit (16..271 bytes) so that too-long
// lines happen. (Single lines skip the stream: its 1 MiB buffer would halve the fuzzing speed.)
// Checked: every read fills one value per fact, a refusal has a message, every known value is
// finite and fits its fact (bool 0/1, enum index, declared range), and the line reader numbers
// every line of the input exactly once, in order.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

#include "runtime/cases/case_reader.hpp"
#include "runtime/cases/line_reader.hpp"
#include "tests/fuzz/fuzz_require.hpp"
#include "tests/runtime/case_facts.hpp"

namespace {

using redflag::FactType;

using redflag::fuzz::require;

const std::vector<redflag::ImageFact>& facts() {
  static const std::vector<redflag::ImageFact> table = redflag::test::case_facts();
  return table;
}

bool fits(const redflag::ImageFact& fact, double value) {
  if (!std::isfinite(value)) return false;
  switch (fact.type) {
    case FactType::Bool: return value == 0 || value == 1;
    case FactType::Enum: return value >= 0 && value < static_cast<double>(fact.values.size()) && value == std::floor(value);
    case FactType::Text: return true;
    case FactType::Number:
    case FactType::Quantity: break;
  }
  return !(value < fact.min) && !(value > fact.max);  // a NaN bound is open
}

void read_case(redflag::CaseReader& reader, std::string_view json) {
  std::vector<redflag::FactValue> values;
  std::string id;
  redflag::CaseError error;
  if (!reader.read(json, values, id, error)) {
    require(!error.message.empty(), "refusal without a message");
  }
  require(values.size() == facts().size(), "not one value per fact");
  for (std::size_t i = 0; i < values.size(); ++i) {
    require(!values[i].known || fits(facts()[i], values[i].value), "a known value does not fit its fact");
  }
}

// Feeds [data] to a LineReader through a memfd, as `eval` reads a `.jsonl` file.
void read_lines(redflag::CaseReader& reader, const std::uint8_t* data, std::size_t size) {
  const int fd = memfd_create("fuzz_case", 0);
  require(fd >= 0, "memfd_create failed");
  require(size == 0 || write(fd, data, size) == static_cast<ssize_t>(size), "write to memfd failed");
  require(lseek(fd, 0, SEEK_SET) == 0, "lseek failed");
  const std::size_t max_line = 16 + (size > 0 ? data[0] : 0);
  redflag::LineReader lines(fd, max_line);
  std::string_view line;
  std::uint64_t number = 0;
  std::uint64_t expected = 0;
  bool too_long = false;
  std::string read_error;
  while (lines.next(line, number, too_long, read_error)) {
    require(number == ++expected, "a line was skipped or numbered twice");
    require(line.size() <= max_line, "a line over the limit was handed out");
    require(!too_long || line.empty(), "a too-long line came with text");
    if (!too_long && !line.empty()) read_case(reader, line);
  }
  require(read_error.empty(), "read error on a memfd");
  close(fd);
  const auto newlines = static_cast<std::uint64_t>(std::count(data, data + size, '\n'));
  require(expected == newlines + (size > 0 && data[size - 1] != '\n' ? 1 : 0), "lines lost or invented");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static redflag::CaseReader reader(facts());  // reused, as `eval` reuses it case after case
  read_case(reader, std::string_view(reinterpret_cast<const char*>(data), size));
  if (std::find(data, data + size, '\n') != data + size) read_lines(reader, data, size);
  return 0;
}
