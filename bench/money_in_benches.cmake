# Money coming in (docs/performance.md, "Money coming in"): standalone programs that load an
# adapter through the host's plugin loader, configured through the daemon's config check, and
# time one run each. They take their database and that config check from the test support
# (tests/support, tests/adapters/support, tests/host/plugins), so they need CAISSE_BUILD_TESTS=ON.
#   statement_bench  a bank CSV export read by bankcsv.so and imported by bank::import_statement
#                    into a real PostgreSQL (bench/statement_import.sh: a million lines, hledger)
#   pain008_bench    a pain.008 of N debits written by sepa.so (bench/pain008_file.sh: npm sepa)
function(caisse_add_plugin_bench name plugin)
  add_executable(${name} ${name}.cpp)
  target_link_libraries(${name} PRIVATE
    ${ARGN} caisse_config caisse_plugins caisse_fake_plugin_services caisse_test_support)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/adapters/support)
  target_compile_definitions(${name} PRIVATE CAISSE_PLUGIN_DIR="${CAISSE_PLUGIN_OUTPUT_DIR}")
  add_dependencies(${name} ${plugin})  # loaded at run time
endfunction()

if(TARGET caisse_test_support AND TARGET caisse_fake_plugin_services)
  caisse_add_plugin_bench(statement_bench bankcsv caisse_bank caisse_store)
  caisse_add_plugin_bench(pain008_bench sepa)
else()
  message(STATUS "bench: statement_bench and pain008_bench need CAISSE_BUILD_TESTS=ON; not built")
endif()
