# Turns a file into a C++ source defining `std::string_view NAMESPACE::FUNCTION()` that returns
# the file's bytes, so a binary carries a document of the repository (the daemon's OpenAPI
# description) instead of reading the source tree at run time. Run as a script:
#   cmake -DINPUT=file -DOUTPUT=file.cpp -DNAMESPACE=a::b -DFUNCTION=name -P EmbedFile.cmake
foreach(var INPUT OUTPUT NAMESPACE FUNCTION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "EmbedFile.cmake: -D${var}=... is required")
  endif()
endforeach()

file(READ "${INPUT}" hex HEX)
# Bytes as hex numbers, 16 to a line; an array rather than a string literal, so no byte of the
# file (quotes, backslashes, NUL) needs escaping. CMake's regexes have no {n}: hence REPEAT.
string(REPEAT "[0-9a-f]" 32 line)
string(REGEX REPLACE "(${line})" "\\1\n" hex "${hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${name} by cmake/EmbedFile.cmake at build time: edit ${name} instead.\n"
  "#include <string_view>\n\n"
  "namespace ${NAMESPACE} {\nnamespace {\n"
  "constexpr unsigned char kBytes[] = {\n${bytes}};\n"
  "}  // namespace\n\n"
  "std::string_view ${FUNCTION}() {\n  return {reinterpret_cast<const char*>(kBytes), sizeof kBytes};\n}\n\n"
  "}  // namespace ${NAMESPACE}\n")
# Only a changed file is rewritten, so an unchanged document does not rebuild its users.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
