// Output of `redflag eval`: one record per case, in input order, in the chosen format.
//
// A writer buffers its output and flushes it in large blocks; a write that fails (a closed
// pipe, a full disk) makes `ok()` false and keeps its errno, so the caller stops early and can say
// why. Formats:
// json (one object per case and line), text (a readable report per case), csv (one row per
// case), summary (counts only, after the last case). Writers read a case's results straight
// from the VM's Evaluation and the case's facts: the json, csv and summary writers allocate
// nothing per case once their buffer has grown (the text writer goes through describe_case).
// With `eval --jobs N` each worker has its own writer with no output file, whose buffer is
// taken block by block and written in input order; summary counts are merged at the end.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string_view>

#include "runtime/image.hpp"
#include "runtime/next_question.hpp"
#include "runtime/redflag.hpp"

namespace redflag::tools {

// Where a case came from, for error records: the file and its 1-based line (0 for a .json file).
struct CaseOrigin {
  std::string_view file;
  std::uint64_t line = 0;
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // One evaluated case with id [id] (empty when the case had none): [evaluation] of [facts].
  virtual void result(std::string_view id, const Evaluation& evaluation, const FactValue* facts) = 0;
  // One case that could not be read: [message] names the problem, [field] the key (or empty).
  virtual void error(std::string_view id, const CaseOrigin& origin, std::string_view message,
                     std::string_view field) = 0;
  // Text after the last record (the summary's counts); nothing for the other formats.
  virtual void finish() {}
  // Adds the counts of [other], a writer of the same format, to this one's (summary only).
  virtual void merge(const ResultWriter& /*other*/) {}
  // Writes out what is buffered; false once any write failed.
  bool flush();
  bool ok() const { return ok_; }
  // The errno of the write that failed, once ok() is false.
  int error_number() const { return error_number_; }
  // Writes out what is buffered, then [records] (a worker's block); false once any write failed.
  // Without an output file, [records] are appended to the buffer instead.
  bool write_through(const fmt::memory_buffer& records);
  // The buffered output, for a writer made without an output file (--jobs workers).
  fmt::memory_buffer& buffer() { return buffer_; }
  // `eval --ask`: the questions for the case of the next result(); null (the default) writes none.
  void set_questions(const std::vector<Question>* questions) { questions_ = questions; }
  // ANSI colour in the text format (`eval --color`); the other formats ignore it.
  void set_color(bool color) { color_ = color; }

 protected:
  ResultWriter(const Image& image, std::FILE* out) : image_(image), out_(out) {}
  // Flushes when the buffer holds a large block and there is an output file; called after
  // each record.
  void record_done();

  const Image& image_;
  std::FILE* out_;
  fmt::memory_buffer buffer_;
  const std::vector<Question>* questions_ = nullptr;
  bool color_ = false;
  bool ok_ = true;
  int error_number_ = 0;

 private:
  // Writes [size] bytes at [data] to the output file and flushes it; on failure clears ok_ and
  // keeps errno.
  void write_out(const char* data, std::size_t size);
};

enum class OutputFormat { Text, Json, Csv, Summary };

// A writer of [format] into [out]; with [out] null it only buffers (see buffer()), which is how
// an in-process caller collects the output of evaluate_cases. The csv
// header goes to [out] at once; a worker's writer (null [out]) writes none.
std::unique_ptr<ResultWriter> make_result_writer(OutputFormat format, const Image& image,
                                                 std::FILE* out);

}  // namespace redflag::tools
