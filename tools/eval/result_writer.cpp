#include "tools/eval/result_writer.hpp"

#include <cerrno>

namespace redflag::tools {

std::unique_ptr<ResultWriter> make_json_writer(const Image& image, std::FILE* out);
std::unique_ptr<ResultWriter> make_text_writer(const Image& image, std::FILE* out);
std::unique_ptr<ResultWriter> make_csv_writer(const Image& image, std::FILE* out);
std::unique_ptr<ResultWriter> make_summary_writer(const Image& image, std::FILE* out);

namespace {
// Large enough that a batch is written in few system calls, small enough to stay in cache.
constexpr std::size_t kFlushThreshold = 1 << 16;
}  // namespace

bool ResultWriter::flush() {
  if (out_ == nullptr) return ok_;
  if (ok_ && buffer_.size() > 0) write_out(buffer_.data(), buffer_.size());
  buffer_.clear();
  return ok_;
}

bool ResultWriter::write_through(const fmt::memory_buffer& records) {
  if (out_ == nullptr) {  // an in-memory writer keeps everything (a service, a binding, a test)
    buffer_.append(records.data(), records.data() + records.size());
    return ok_;
  }
  if (flush() && records.size() > 0) write_out(records.data(), records.size());
  return ok_;
}

void ResultWriter::write_out(const char* data, std::size_t size) {
  if (std::fwrite(data, 1, size, out_) != size || std::fflush(out_) != 0) {
    ok_ = false;
    error_number_ = errno;
  }
}

void ResultWriter::record_done() {
  if (out_ != nullptr && buffer_.size() >= kFlushThreshold) flush();
}

std::unique_ptr<ResultWriter> make_result_writer(OutputFormat format, const Image& image,
                                                 std::FILE* out) {
  switch (format) {
    case OutputFormat::Json: return make_json_writer(image, out);
    case OutputFormat::Csv: return make_csv_writer(image, out);
    case OutputFormat::Summary: return make_summary_writer(image, out);
    case OutputFormat::Text: break;
  }
  return make_text_writer(image, out);
}

}  // namespace redflag::tools
