// `redflag eval`'s input, cut into blocks of cases: the unit of work of the evaluation loop.
//
// An InputSource reads the CASE arguments in order (files, `-` for standard input), each one JSON
// case or JSON Lines as input_framing.hpp decides, and fills Blocks of about kBlockBytes of case
// text. A UTF-8 byte order mark at the start of an input is read as white space (RFC 8259 lets a
// parser ignore it); one at the start of a later line is an error that says so. Each Entry is one output record to
// be: a case to read and evaluate, or a problem that is an error record by itself (an empty or
// too long line, a file that cannot be opened or read). Blocks are what `--jobs` hands to its
// workers and writes back in order; the single-threaded loop uses the same blocks, so both
// produce the same records. A Block keeps its storage when refilled: the steady state
// allocates nothing. It does not parse JSON or evaluate (tools/eval/case_evaluator.hpp does).
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <functional>
#include <string_view>
#include <vector>

#include "runtime/cases/case_reader.hpp"
#include "runtime/cases/line_reader.hpp"
#include "tools/eval/input_framing.hpp"

namespace redflag::tools {

// One record to produce: [text] is the case's JSON for a Case, the message for an InputError.
struct Entry {
  enum class Kind : std::uint8_t { Case, Blank, TooLong, InputError };
  Kind kind = Kind::Case;
  std::uint32_t file = 0;  // index into InputSource::names()
  std::uint64_t line = 0;  // 1-based line of a JSON Lines input; 0 for a .json file
  std::size_t offset = 0;  // [text] is Block::text[offset, offset + size)
  std::size_t size = 0;
};

struct Block {
  std::string text;  // the entries' text, then CaseReader::kPadding bytes: cases can be read in place
  std::vector<Entry> entries;
  fmt::memory_buffer output;  // the records, once evaluated (--jobs)
  bool had_input_errors = false;
  std::uint64_t input_errors = 0;  // error records among the entries, once evaluated

  std::string_view text_of(const Entry& entry) const { return std::string_view(text).substr(entry.offset, entry.size); }
};

// Turns the whole of input [input] ([document]) into one case's JSON; sets [error] instead
// when it cannot (the input's error record). `--input-format fhir` (tools/fhir/fhir_input.hpp).
using CaseTranslator = std::function<std::string(std::string_view document, std::uint32_t input, std::string& error)>;

class InputSource {
 public:
  // Case text per block before it is handed on: large enough to amortise the hand-over, small
  // enough that a few blocks per worker stay in cache.
  static constexpr std::size_t kBlockBytes = std::size_t{1} << 18;

  // Reads [paths], framed as [format] says, in blocks of about [block_bytes] (tests use small
  // blocks to cross many block boundaries with few cases).
  // With InputFormat::Fhir, [translate] turns each whole input into its case.
  explicit InputSource(const std::vector<std::string>& paths, std::size_t block_bytes = kBlockBytes,
                       InputFormat format = InputFormat::Auto, CaseTranslator translate = {});
  ~InputSource();

  // Clears [block] and fills it with the next entries; false when the input is exhausted and
  // [block] is empty.
  bool fill(Block& block);
  // The name of input [index] in error records: the path, or <stdin>.
  std::string_view name(std::uint32_t index) const { return names_[index]; }

 private:
  // Opens the next path: a JSON input is read into one entry at once; false when none is left.
  bool open_next(Block& block);
  // Reads the start of [fd] (input [path]) until its framing is known, then hands it on.
  void start_input(Block& block, int fd, const std::string& path);
  void close_current();
  void add(Block& block, Entry::Kind kind, std::uint64_t line, std::string_view text);

  const std::vector<std::string>& paths_;
  std::size_t block_bytes_;
  InputFormat format_;
  CaseTranslator translate_;
  std::vector<std::string> names_;
  std::size_t next_ = 0;  // the next path to open
  std::uint32_t current_ = 0;
  int fd_ = -1;
  std::optional<LineReader> lines_;  // the JSON Lines input being read, if any
  std::uint64_t last_line_ = 0;      // its last line number handed out
  std::string read_error_;
};

}  // namespace redflag::tools
