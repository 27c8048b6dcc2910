// quotient_familial_grid: a suggested monthly contribution read from brackets of quotient
// familial (Soli'doume's indicative grid). The brackets are one string:
//   brackets = "0-500:1000,500-800:2000,800-:4000"
// "FROM-TO:AMOUNT": a quotient familial from FROM included to TO excluded, in whole euros as the
// CAF computes it, suggests AMOUNT minor units per household per month; "FROM-:AMOUNT" is the
// open-ended last bracket. Brackets are written in increasing order, start at 0, follow each
// other without gap or overlap and end open-ended, so that every declared quotient familial
// has exactly one suggestion; init refuses anything else, naming the faulty item.
#include <caisse/sdk.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/rule_support.hpp"

namespace {

namespace field = caisse::sdk::field;

constexpr std::array quotient_familial_grid_config{
    field::required(field::string(
        "brackets", nullptr,
        "Comma-separated FROM-TO:AMOUNT brackets of quotient familial in whole euros (FROM "
        "included, TO excluded, the last one FROM-:AMOUNT) to a suggested monthly contribution "
        "in minor units, e.g. \"0-500:1000,500-800:2000,800-:4000\".")),
};

using caisse::sdk::ConfigError;

struct Bracket {
  std::int64_t from = 0;
  std::optional<std::int64_t> to;  // nullopt: open-ended
  std::int64_t amount = 0;
};

std::string item_label(std::size_t index, std::string_view item) {
  return "brackets: item " + std::to_string(index + 1) + " \"" + std::string(item) + "\"";
}

// "FROM-TO:AMOUNT" or "FROM-:AMOUNT", digits only; nullopt when the text is anything else.
std::optional<Bracket> parse_bracket(std::string_view item) {
  const std::size_t colon = item.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string_view range = item.substr(0, colon);
  const std::size_t dash = range.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto from = caisse::rules::parse_amount(range.substr(0, dash));
  const std::string_view to_text = range.substr(dash + 1);
  const auto to = caisse::rules::parse_amount(to_text);
  const auto amount = caisse::rules::parse_amount(item.substr(colon + 1));
  if (!from || !amount || (!to_text.empty() && !to)) return std::nullopt;
  return Bracket{*from, to, *amount};
}

std::vector<Bracket> parse_brackets(std::string_view text) {
  if (caisse::rules::trim_spaces(text).empty()) {
    throw ConfigError("brackets is empty: write at least one bracket, e.g. \"0-:1000\"");
  }
  std::vector<Bracket> brackets;
  const auto items = caisse::rules::split_list(text);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::optional<Bracket> bracket = parse_bracket(items[i]);
    if (!bracket) {
      throw ConfigError(item_label(i, items[i]) +
                        " is not FROM-TO:AMOUNT or FROM-:AMOUNT (whole numbers, digits only)");
    }
    if (!brackets.empty() && !brackets.back().to) {
      throw ConfigError(item_label(i, items[i]) +
                        " comes after the open-ended bracket, which must be the last");
    }
    const std::int64_t expected_from = brackets.empty() ? 0 : *brackets.back().to;
    if (bracket->from < expected_from) {
      throw ConfigError(item_label(i, items[i]) + " overlaps the previous bracket, which ends at " +
                        std::to_string(expected_from) + " (FROM is included, TO excluded)");
    }
    if (bracket->from > expected_from) {
      throw ConfigError(item_label(i, items[i]) + " leaves a gap: nothing covers " +
                        std::to_string(expected_from) + " to " + std::to_string(bracket->from) +
                        (brackets.empty() ? " (the first bracket starts at 0)" : ""));
    }
    if (bracket->to && *bracket->to <= bracket->from) {
      throw ConfigError(item_label(i, items[i]) + " ends at or below where it starts");
    }
    brackets.push_back(*bracket);
  }
  if (brackets.back().to) {
    throw ConfigError("brackets: the last bracket must be open-ended (FROM-:AMOUNT, e.g. \"" +
                      std::to_string(*brackets.back().to) +
                      "-:4000\") so that every quotient familial gets a suggestion");
  }
  return brackets;
}

class QuotientFamilialGrid {
 public:
  // Uses ABI 1.1 (its rule hook appeared there) and nothing newer.
  static constexpr std::uint32_t abi_minor_required = 1;

  explicit QuotientFamilialGrid(caisse::sdk::Host host)
      : brackets_(parse_brackets(host.config<std::string>("brackets"))) {}

  std::int64_t suggest_contribution(const caisse::sdk::ContributionInput& household) const {
    const std::int64_t qf = household.quotient_familial;
    if (qf < 0) {
      caisse::rules::refuse("household " + std::string(household.household_id) +
                            " declared no quotient familial");
    }
    // Brackets are contiguous from 0 and the last is open: the last one starting at or below
    // qf is the one that contains it.
    std::int64_t amount = brackets_.front().amount;
    for (const Bracket& bracket : brackets_) {
      if (bracket.from > qf) break;
      amount = bracket.amount;
    }
    return amount;
  }

 private:
  std::vector<Bracket> brackets_;
};

}  // namespace

CAISSE_PLUGIN(QuotientFamilialGrid, "quotient_familial_grid", "1.0.0",
              "Contribution grid: a suggested monthly contribution per quotient familial bracket.",
              quotient_familial_grid_config)
