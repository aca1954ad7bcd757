// Today's date for the verbs that compare with it (`lint`, `lsp`: the `review-overdue` lint):
// the REDFLAG_TODAY environment variable, else the system clock (local time), as YYYY-MM-DD.
// Callers check the result with tools::is_date, since the variable may hold anything.
#pragma once

#include <string>

namespace redflag::cli {

std::string today_from_environment();

}  // namespace redflag::cli
