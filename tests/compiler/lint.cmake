# Lint tests: every lint triggered and not, suppressions, levels (tests/compiler/lint_test.cpp).
add_executable(lint_test lint_test.cpp)
target_link_libraries(lint_test PRIVATE redflag_compiler Catch2::Catch2WithMain)
catch_discover_tests(lint_test)
target_compile_definitions(lint_test PRIVATE REDFLAG_DOCS_DIR="${PROJECT_SOURCE_DIR}/docs")
