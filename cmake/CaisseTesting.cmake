# caisse_add_test(NAME <name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>])
# Builds one GoogleTest binary and registers each of its tests with CTest, labelled so a
# developer can run a slice (`ctest -L unit`, `-L pg`, `-L peer`).
find_package(GTest REQUIRED)
include(GoogleTest)

function(caisse_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${T_NAME} PRIVATE
    CAISSE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    CAISSE_BINARY_DIR="${PROJECT_BINARY_DIR}"
    CAISSE_PLUGIN_DIR="${CAISSE_PLUGIN_OUTPUT_DIR}")
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  # Escaped, or PROPERTIES would take the second label for a property name.
  string(REPLACE ";" "\\;" T_LABELS "${T_LABELS}")
  gtest_discover_tests(${T_NAME}
    DISCOVERY_MODE PRE_TEST
    PROPERTIES LABELS "${T_LABELS}" TIMEOUT 300)
endfunction()
