// References French banks print inside a label ("PRELEVEMENT EUROPEEN ... REF: CCA-2026-11-H7
// MANDAT RUM-0042"), found after a marker the profile names: the reference is the word that
// follows the marker, spaces after the marker allowed. Nothing is guessed: no marker, no
// reference.
#pragma once

#include <string_view>

namespace caisse::adapters::bankcsv {

// The word after the first `marker` in `label`, or "" when the label has no marker.
inline std::string_view word_after(std::string_view label, std::string_view marker) {
  if (marker.empty()) return {};
  const std::size_t at = label.find(marker);
  if (at == std::string_view::npos) return {};
  std::size_t begin = at + marker.size();
  while (begin < label.size() && label[begin] == ' ') ++begin;
  std::size_t end = begin;
  while (end < label.size() && label[end] != ' ' && label[end] != '\t') ++end;
  return label.substr(begin, end - begin);
}

}  // namespace caisse::adapters::bankcsv
