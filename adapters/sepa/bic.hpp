// BIC (ISO 9362) as both generations of SEPA schemas accept it: the 2009 pattern
// [A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})? is the stricter of the two (the 2019 one also allows
// digits in the bank code), so a BIC that passes here fits pain.008.001.02 and .08 alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caisse::adapters::sepa {

// Why `bic` cannot be written, or nullopt. An empty BIC is not checked here: it is optional.
std::optional<std::string> bic_problem(std::string_view bic);

}  // namespace caisse::adapters::sepa
