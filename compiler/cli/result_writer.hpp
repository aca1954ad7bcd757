// Output of `redflag eval`: one record per case, in input order, in the chosen format.
//
// A writer buffers its output and flushes it in large blocks; a write that fails (a closed
// pipe, a full disk) makes `ok()` false so the caller stops early and quietly. Formats:
// json (one object per case and line), text (a readable report per case).
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string_view>

#include "runtime/image.hpp"
#include "runtime/next_question.hpp"
#include "runtime/redflag.hpp"

namespace redflag::cli {

// Where a case came from, for error records: the file and its 1-based line (0 for a .json file).
struct CaseOrigin {
  std::string_view file;
  std::uint64_t line = 0;
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // One evaluated case with id [id] (empty when the case had none).
  virtual void result(std::string_view id, const CaseResult& result) = 0;
  // One case that could not be read: [message] names the problem, [field] the key (or empty).
  virtual void error(std::string_view id, const CaseOrigin& origin, std::string_view message,
                     std::string_view field) = 0;
  // Writes out what is buffered; false once any write failed.
  bool flush();
  bool ok() const { return ok_; }
  // `eval --ask`: the questions for the case of the next result(); null (the default) writes none.
  void set_questions(const std::vector<Question>* questions) { questions_ = questions; }

 protected:
  ResultWriter(const Image& image, std::FILE* out) : image_(image), out_(out) {}
  // Flushes when the buffer holds a large block; called after each record.
  void record_done();

  const Image& image_;
  std::FILE* out_;
  fmt::memory_buffer buffer_;
  const std::vector<Question>* questions_ = nullptr;
  bool ok_ = true;
};

enum class OutputFormat { Text, Json };

std::unique_ptr<ResultWriter> make_result_writer(OutputFormat format, const Image& image,
                                                 std::FILE* out);

}  // namespace redflag::cli
