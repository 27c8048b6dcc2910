// How many decimals an ISO 4217 currency's minor unit has, so "8.85" EUR is 885 and "2700" JPY
// is 2700. Statements here are in euros; the other codes appear in foreign-currency lines and in
// the ISO 20022 samples, and must not be mis-scaled.
#pragma once

#include <optional>
#include <string_view>

namespace caisse::adapters::bankcsv {

// The decimals of `code` (three letters A-Z), or nullopt when it is not shaped like a code.
// ISO 4217: 0 for the currencies without a minor unit, 3 for the dinars and rials that have
// mils, 4 for the Chilean Unidad de Fomento, 2 for all others.
inline std::optional<int> currency_digits(std::string_view code) {
  if (code.size() != 3) return std::nullopt;
  for (const char c : code) {
    if (c < 'A' || c > 'Z') return std::nullopt;
  }
  constexpr std::string_view kNone[] = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY",
                                        "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
                                        "VND", "VUV", "XAF", "XOF", "XPF"};
  constexpr std::string_view kThree[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  for (const std::string_view none : kNone) {
    if (code == none) return 0;
  }
  for (const std::string_view three : kThree) {
    if (code == three) return 3;
  }
  if (code == "CLF") return 4;
  return 2;
}

}  // namespace caisse::adapters::bankcsv
