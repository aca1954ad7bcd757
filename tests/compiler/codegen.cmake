# Back-end tests: golden disassembly, determinism, and the VM-versus-reference differential test.
add_executable(codegen_test codegen_test.cpp differential_test.cpp)
target_link_libraries(codegen_test PRIVATE redflag_compiler redflag_runtime redflag_test_support Catch2::Catch2WithMain)
target_compile_definitions(codegen_test PRIVATE REDFLAG_DISASM_DIR="${PROJECT_SOURCE_DIR}/tests/golden/codegen")
catch_discover_tests(codegen_test)
