# `redflag fmt` and `redflag doc`: layout rules, the diff, the meaning-preservation property over
# every valid source in the repository, and the handbook renderers.
add_executable(format_test format_layout_test.cpp format_properties_test.cpp handbook_test.cpp)
target_link_libraries(format_test PRIVATE redflag_compiler redflag_runtime Catch2::Catch2WithMain)
target_compile_definitions(format_test PRIVATE REDFLAG_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
catch_discover_tests(format_test)
