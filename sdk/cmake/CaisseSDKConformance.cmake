# caisse_sdk_add_conformance_test(<name> PLUGIN <plugin target> SOURCES <files...>
#                                 [LIBS <targets...>])
#
# Builds <name>, a GoogleTest program that runs the SDK's conformance kit
# (caisse/testing/currency_conformance.hpp) on a plugin built in the same project: SOURCES
# define the target (make_target) and register the suite with CAISSE_CURRENCY_CONFORMANCE. The
# plugin's path is compiled in as the string literal CAISSE_CONFORMANCE_PLUGIN and the plugin
# is built first. When the project called enable_testing(), each scenario becomes a CTest test
# labelled `conformance`. Needs GoogleTest (find_package(GTest)) and links libdl; the kit itself
# is header-only and uses nothing of the daemon.
function(caisse_sdk_add_conformance_test NAME)
  cmake_parse_arguments(PARSE_ARGV 1 KIT "" "PLUGIN" "SOURCES;LIBS")
  if(KIT_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
      "caisse_sdk_add_conformance_test(${NAME}): unexpected ${KIT_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT KIT_PLUGIN OR NOT KIT_SOURCES)
    message(FATAL_ERROR "caisse_sdk_add_conformance_test(${NAME}): PLUGIN and SOURCES are required")
  endif()
  if(NOT TARGET GTest::gtest OR NOT TARGET GTest::gtest_main)
    find_package(GTest REQUIRED)
  endif()
  add_executable(${NAME} ${KIT_SOURCES})
  target_link_libraries(${NAME} PRIVATE caisse::sdk GTest::gtest GTest::gtest_main
                        ${CMAKE_DL_LIBS} ${KIT_LIBS})
  target_compile_features(${NAME} PRIVATE cxx_std_20)
  target_compile_definitions(${NAME} PRIVATE
    CAISSE_CONFORMANCE_PLUGIN="$<TARGET_FILE:${KIT_PLUGIN}>")
  add_dependencies(${NAME} ${KIT_PLUGIN})
  include(GoogleTest)
  gtest_discover_tests(${NAME} DISCOVERY_MODE PRE_TEST PROPERTIES LABELS conformance)
endfunction()
