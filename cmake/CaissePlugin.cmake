# caisse_add_plugin(<target> SOURCES <files...> [OUTPUT_NAME <name>]): an in-tree plugin, built
# like an out-of-tree one (caisse_sdk_add_plugin, the function the installed SDK provides) and
# placed in ${CAISSE_PLUGIN_OUTPUT_DIR}/<name>.so where the demo and the tests look for it.
include(${CMAKE_CURRENT_LIST_DIR}/../sdk/cmake/CaisseSDKPlugin.cmake)

function(caisse_add_plugin TARGET)
  cmake_parse_arguments(PARSE_ARGV 1 P "" "OUTPUT_NAME" "SOURCES")
  caisse_sdk_add_plugin(${TARGET} SOURCES ${P_SOURCES})
  if(NOT P_OUTPUT_NAME)
    set(P_OUTPUT_NAME ${TARGET})
  endif()
  set_target_properties(${TARGET} PROPERTIES OUTPUT_NAME ${P_OUTPUT_NAME}
    LIBRARY_OUTPUT_DIRECTORY ${CAISSE_PLUGIN_OUTPUT_DIR})
endfunction()
