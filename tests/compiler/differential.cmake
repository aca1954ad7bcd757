# Property tests on random KBs (tests/support/random_kb.hpp): the lint's condition solver against
# the reference evaluator, decompiled conditions compiled back, and the lint indexes against the
# pairwise comparisons and solver verdicts they stand for.
add_executable(random_kb_test solver_differential_test.cpp decompile_roundtrip_test.cpp lint_index_properties_test.cpp)
target_link_libraries(random_kb_test PRIVATE redflag_compiler redflag_runtime redflag_test_support Catch2::Catch2WithMain)
catch_discover_tests(random_kb_test)
