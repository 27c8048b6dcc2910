# caisse_sdk_add_plugin(<target> SOURCES <files...>)
#
# Builds a caisse plugin: a MODULE library named <target>.so (no "lib" prefix, so that
# `[plugins.<target>]` finds it), C++20, every symbol hidden but the entry point that
# CAISSE_PLUGIN / CAISSE_EXPORT marks. Installed with the SDK (find_package(CaisseSDK)) and used
# in-tree by caisse_add_plugin.
function(caisse_sdk_add_plugin TARGET)
  cmake_parse_arguments(PARSE_ARGV 1 PLUGIN "" "" "SOURCES")
  if(PLUGIN_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "caisse_sdk_add_plugin(${TARGET}): unexpected ${PLUGIN_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT PLUGIN_SOURCES)
    message(FATAL_ERROR "caisse_sdk_add_plugin(${TARGET}): SOURCES is required")
  endif()
  add_library(${TARGET} MODULE ${PLUGIN_SOURCES})
  target_link_libraries(${TARGET} PRIVATE caisse::sdk)
  target_compile_features(${TARGET} PRIVATE cxx_std_20)
  # Hidden visibility keeps two plugins' inline functions and typeinfo from binding to each
  # other; the host loads with RTLD_LOCAL as well.
  set_target_properties(${TARGET} PROPERTIES
    PREFIX ""
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
endfunction()
