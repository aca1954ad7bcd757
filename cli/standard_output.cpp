#include "cli/standard_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace redflag::cli {
namespace {

int first_error = 0;  // errno of the first failed write to standard output, 0 while none failed
bool stdout_was_open = true;

// Opens /dev/null onto [fd] if it is closed, for reading when [fd] is an output and the other
// way round. Returns whether [fd] was open. Descriptors are reserved from 0 up, so open() returns
// [fd] itself, the lowest free one.
bool reserve(int fd, int wrong_way_flags) {
  if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) return true;
  open("/dev/null", wrong_way_flags);
  return false;
}

}  // namespace

void reserve_standard_streams() {
  reserve(STDIN_FILENO, O_WRONLY);
  stdout_was_open = reserve(STDOUT_FILENO, O_RDONLY);
  reserve(STDERR_FILENO, O_RDONLY);
}

bool standard_output_was_open() { return stdout_was_open; }

void print_output(std::string_view text) {
  if (first_error != 0 || text.empty()) return;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) note_output_error(errno);
}

void note_output_error(int error_number) {
  if (first_error == 0) first_error = error_number;
}

int finish_standard_output(int exit_code) {
  if (std::fflush(stdout) != 0) note_output_error(errno);
  if (std::fclose(stdout) != 0) note_output_error(errno);
  if (first_error == 0 || first_error == EPIPE) return exit_code;
  const std::string message = std::string("error: cannot write standard output: ") + std::strerror(first_error) + "\n";
  std::fputs(message.c_str(), stderr);
  return 1;
}

}  // namespace redflag::cli
