# caisse_add_plugin(<target> SOURCES <files...>): an in-tree plugin, built as
# ${CAISSE_PLUGIN_OUTPUT_DIR}/<name>.so against the SDK headers only.
function(caisse_add_plugin TARGET)
  cmake_parse_arguments(P "" "OUTPUT_NAME" "SOURCES" ${ARGN})
  add_library(${TARGET} MODULE ${P_SOURCES})
  target_link_libraries(${TARGET} PRIVATE caisse::sdk)
  if(NOT P_OUTPUT_NAME)
    set(P_OUTPUT_NAME ${TARGET})
  endif()
  set_target_properties(${TARGET} PROPERTIES PREFIX "" OUTPUT_NAME ${P_OUTPUT_NAME}
    LIBRARY_OUTPUT_DIRECTORY ${CAISSE_PLUGIN_OUTPUT_DIR})
endfunction()
