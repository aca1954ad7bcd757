# Case reader tests: JSON cases, JSON Lines framing, JSONTestSuite. They link redflag_cases
# (and so the runtime) only, build their fact table in the test, and read data from tests/data.
find_package(Threads REQUIRED)
add_executable(case_tests
  case_reader_test.cpp
  case_steady_test.cpp
  case_units_test.cpp
  json_suite_test.cpp
  line_reader_test.cpp
)
target_link_libraries(case_tests PRIVATE redflag_cases Threads::Threads Catch2::Catch2WithMain)
target_compile_definitions(case_tests PRIVATE REDFLAG_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
catch_discover_tests(case_tests)
