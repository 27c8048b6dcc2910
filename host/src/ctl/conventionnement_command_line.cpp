#include "ctl/conventionnement_command_line.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace caisse::host::ctl {
namespace {

using Slot = std::optional<std::string> ConventionnementOptions::*;

// One option: the command it belongs to, whether that command needs it, and what a good value
// looks like (`valid` null: any text) with the words of the message when it is not.
struct OptionRule {
  std::string_view name;
  Slot slot;
  Command command;
  bool required;
  bool (*valid)(std::string_view);
  const char* expected;
};

bool is_decision_kind(std::string_view text) {
  return text == "accredit" || text == "refuse" || text == "suspend";
}

bool is_method(std::string_view text) {
  return text == "consensus" || text == "vote";
}

// A whole number as written by a person: digits only, no sign, no leading zero.
std::optional<std::int64_t> whole_number(std::string_view text, std::size_t max_digits) {
  std::int64_t value = 0;
  if (text.empty() || text.size() > max_digits || (text[0] == '0' && text.size() > 1)) {
    return std::nullopt;
  }
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

// A vote count; the daemon checks the range (0 to 10000).
bool is_count(std::string_view text) {
  return whole_number(text, 9).has_value();
}

std::optional<std::int64_t> positive_id(std::string_view text) {
  auto id = whole_number(text, 18);
  return id && *id > 0 ? id : std::nullopt;
}

// "3" or "3,7": the evaluations a decision rests on.
std::optional<std::vector<std::int64_t>> id_list(std::string_view text) {
  std::vector<std::int64_t> ids;
  while (true) {
    const auto comma = text.find(',');
    auto id = positive_id(text.substr(0, comma));
    if (!id) return std::nullopt;
    ids.push_back(*id);
    if (comma == std::string_view::npos) return ids;
    text.remove_prefix(comma + 1);
  }
}

bool is_id_list(std::string_view text) {
  return id_list(text).has_value();
}

constexpr const char* kDay = "a day: expected YYYY-MM-DD, e.g. 2026-11-20";
constexpr const char* kCount = "a vote count: expected a whole number, e.g. 9";
constexpr Command kDecide = Command::decision_record;

constexpr std::array<OptionRule, 11> kRules{{
    {"--grid", &ConventionnementOptions::grid, Command::evaluation_record, true, nullptr, nullptr},
    {"--decision", &ConventionnementOptions::decision, kDecide, true, is_decision_kind,
     "a decision: expected accredit, refuse or suspend"},
    {"--method", &ConventionnementOptions::method, kDecide, true, is_method,
     "a method: expected consensus or vote"},
    {"--for", &ConventionnementOptions::in_favour, kDecide, false, is_count, kCount},
    {"--against", &ConventionnementOptions::against, kDecide, false, is_count, kCount},
    {"--abstain", &ConventionnementOptions::abstaining, kDecide, false, is_count, kCount},
    {"--decided-on", &ConventionnementOptions::decided_on, kDecide, true, is_day, kDay},
    {"--valid-from", &ConventionnementOptions::valid_from, kDecide, false, is_day, kDay},
    {"--valid-until", &ConventionnementOptions::valid_until, kDecide, false, is_day, kDay},
    {"--next-evaluation", &ConventionnementOptions::next_evaluation, kDecide, false, is_day, kDay},
    {"--evaluation", &ConventionnementOptions::evaluations, kDecide, false, is_id_list,
     "a list of evaluation ids: expected e.g. 3 or 3,7"},
}};

// How each command is typed: its two words and what its one argument is ("": none).
struct Words {
  Command command;
  std::string_view group, action, argument;
};

// `merchant add` is not here: it is `import merchants` (parse_conventionnement_words).
constexpr std::array<Words, 5> kWords{{
    {Command::merchant_list, "merchant", "list", ""},
    {Command::merchant_show, "merchant", "show", "MERCHANT"},
    {Command::merchant_report, "merchant", "report", ""},
    {Command::evaluation_record, "evaluation", "record", "FILE"},
    {Command::decision_record, "decision", "record", "MERCHANT"},
}};

const Words* words_of(Command command) {
  auto found = std::find_if(kWords.begin(), kWords.end(),
                            [command](const Words& w) { return w.command == command; });
  return found == kWords.end() ? nullptr : &*found;
}

std::int64_t count_of(const std::optional<std::string>& text) {
  return whole_number(*text, 9).value_or(0);  // checked by is_count already
}

// The votes of a decision: all three counts for a vote, none for a consensus.
Result<void> read_votes(const ConventionnementOptions& options, MerchantDecision& decision) {
  const bool any = options.in_favour || options.against || options.abstaining;
  if (decision.method == "consensus") {
    if (any) return make_error("decision record: --for, --against and --abstain are for a vote");
    return {};
  }
  if (!options.in_favour || !options.against || !options.abstaining) {
    return make_error("decision record: a vote needs --for N --against N --abstain N");
  }
  decision.votes = std::array<std::int64_t, 3>{
      count_of(options.in_favour), count_of(options.against), count_of(options.abstaining)};
  return {};
}

}  // namespace

std::optional<std::string>* conventionnement_option(ConventionnementOptions& options,
                                                    std::string_view name) {
  for (const auto& rule : kRules) {
    if (rule.name == name) return &(options.*rule.slot);
  }
  return nullptr;
}

bool is_conventionnement_group(std::string_view word) {
  return word == "merchant" || word == "evaluation" || word == "decision";
}

bool is_conventionnement(Command command) {
  return words_of(command) != nullptr;
}

std::string conventionnement_command_name(Command command) {
  const Words* words = words_of(command);
  return words == nullptr ? std::string()
                          : std::string(words->group) + " " + std::string(words->action);
}

Result<std::size_t> parse_conventionnement_words(const std::vector<std::string>& words,
                                                 Invocation& out) {
  const std::string& group = words.at(0);
  const char* actions = group == "merchant" ? "add, list, show or report" : "record";
  if (words.size() < 2) return make_error(group + ": expected " + actions);
  if (group == "merchant" && words[1] == "add") {
    if (words.size() < 3) return make_error("merchant add: expected the FILE (merchants.csv)");
    out.command = Command::import;
    out.import_kind = "merchants";
    out.file = words[2];
    return std::size_t{3};
  }
  auto form = std::find_if(kWords.begin(), kWords.end(), [&](const Words& w) {
    return w.group == group && w.action == words[1];
  });
  if (form == kWords.end()) {
    return make_error(group + ": unknown action '" + words[1] + "' (expected " + actions + ")");
  }
  out.command = form->command;
  if (form->argument.empty()) return std::size_t{2};
  if (words.size() < 3) {
    return make_error(conventionnement_command_name(out.command) + ": expected the " +
                      std::string(form->argument));
  }
  (form->argument == "FILE" ? out.file : out.subject) = words[2];
  return std::size_t{3};
}

Result<void> apply_conventionnement_options(const ConventionnementOptions& options,
                                            std::optional<std::string>& note, Invocation& out) {
  const std::string name = command_name(out);
  for (const auto& rule : kRules) {
    const std::optional<std::string>& given = options.*rule.slot;
    if (!given) {
      if (rule.required && rule.command == out.command) {
        return make_error(name + ": " + std::string(rule.name) + " is required");
      }
      continue;
    }
    if (rule.command != out.command) {
      return make_error(std::string(rule.name) + " does not apply to '" + name + "'");
    }
    if (rule.valid != nullptr && !rule.valid(*given)) {
      return make_error(std::string(rule.name) + " '" + *given + "' is not " + rule.expected);
    }
  }
  out.grid_version = options.grid.value_or("");
  if (out.command != Command::decision_record) return {};
  MerchantDecision& decision = out.merchant_decision;
  decision.decision = *options.decision;
  decision.method = *options.method;
  decision.decided_on = *options.decided_on;
  decision.valid_from = options.valid_from.value_or(decision.decided_on);
  decision.valid_until = options.valid_until;
  decision.next_evaluation_on = options.next_evaluation;
  if (options.evaluations) decision.evaluation_ids = *id_list(*options.evaluations);
  decision.note = std::exchange(note, std::nullopt);
  return read_votes(options, decision);
}

}  // namespace caisse::host::ctl
