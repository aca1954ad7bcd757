# The HTML handbook in headless Chromium: lists, no overflow at 1280 and 390 px, the diagram
# readable on a phone, print on A4 without half-empty pages; the Markdown handbook through
# marked and Mermaid (tests/data/handbook, npm) shows the same; screenshots and PDFs land in
# build/tests/compiler/handbook_browser/. Skipped (77), saying so, where Chromium is absent.
add_test(NAME handbook_in_chromium
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/handbook_browser_test.py $<TARGET_FILE:redflag>
                 ${PROJECT_SOURCE_DIR}/tests/data/handbook
                 ${CMAKE_CURRENT_BINARY_DIR}/handbook_browser ${PROJECT_SOURCE_DIR}/kb/back_pain
                 ${PROJECT_SOURCE_DIR}/tests/golden/doc/small.rf)
set_tests_properties(handbook_in_chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 240)
