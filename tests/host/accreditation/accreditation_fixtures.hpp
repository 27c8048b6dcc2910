// What the accreditation tests share: reading a grid or an evaluation that must be valid (the
// test stops at the first one that is not, with its error), and the path of the shipped
// examples.
#pragma once

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "accreditation/evaluation_reader.hpp"
#include "accreditation/grid_library.hpp"
#include "accreditation/grid_reader.hpp"

namespace caisse::host::accreditation {

inline const std::filesystem::path kExampleGrids = CAISSE_SOURCE_DIR "/examples/grids";
inline const std::filesystem::path kExampleEvaluations = kExampleGrids / "evaluations";

template <class T>
T valid(Result<T> result) {
  if (!result) throw std::runtime_error("unexpected error:\n" + result.error().message);
  return std::move(result).value();
}

inline void valid(const Result<void>& result) {
  if (!result) throw std::runtime_error("unexpected error:\n" + result.error().message);
}

// The error of a result that must fail.
template <class T>
std::string error_of(const Result<T>& result) {
  if (result) throw std::runtime_error("expected an error, got a value");
  return result.error().message;
}

inline Grid grid_from(const std::string& text) {
  return valid(read_grid_text(text, "grid.toml"));
}

// A library holding the given grids, each named "<id>-<version>.toml" in errors.
inline GridLibrary library_of(const std::vector<Grid>& grids) {
  GridLibrary library;
  for (const Grid& grid : grids) valid(library.add(grid, grid.id + "-" + grid.version + ".toml"));
  return library;
}

// An evaluation as storage hands it back (no positions, errors name `source`): merchant M-1,
// visited on 2026-02-01 by.
inline Evaluation stored_evaluation(const std::string& grid_id, const std::string& version,
                                    std::vector<Answer> answers,
                                    const std::string& source = "evaluation") {
  Evaluation e;
  e.source = source;
  e.grid_id = grid_id;
  e.grid_version = version;
  e.merchant_id = "M-1";
  e.date = "2026-02-01";
  e.evaluators = {"R-1", "R-2"};
  e.answers = std::move(answers);
  return e;
}

}  // namespace caisse::host::accreditation
