// Reads back the XLSX files the adapters write, for tests: the zip container is parsed by hand
// (end of central directory, central directory, local headers) and its parts inflated with zlib,
// so a test fails if the file is not a valid zip, and can compare the sheet's cells.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace caisse::testing {

// Every part of the zip at `path`, by name, uncompressed. Throws std::runtime_error naming what
// is wrong with the container.
std::map<std::string, std::string> unzip_all(const std::filesystem::path& path);

// The cells of the first sheet (xl/worksheets/sheet1.xml), row by row, shared and inline strings
// resolved; a cell absent from a row is "".
std::vector<std::vector<std::string>> xlsx_cells(const std::filesystem::path& path);

}  // namespace caisse::testing
