// The command line of the conventionnement commands (merchant, evaluation, decision): their
// words and the options only they take. parse_command_line (command_line.hpp) reads the shared
// options and hands these over. Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ctl/command_line.hpp"

namespace caisse::host::ctl {

// The conventionnement options as typed (nullopt: not given).
struct ConventionnementOptions {
  std::optional<std::string> grid;             // --grid VERSION
  std::optional<std::string> decision;         // --decision accredit|refuse|suspend
  std::optional<std::string> method;           // --method consensus|vote
  std::optional<std::string> in_favour;        // --for N
  std::optional<std::string> against;          // --against N
  std::optional<std::string> abstaining;       // --abstain N
  std::optional<std::string> decided_on;       // --decided-on YYYY-MM-DD
  std::optional<std::string> valid_from;       // --valid-from YYYY-MM-DD
  std::optional<std::string> valid_until;      // --valid-until YYYY-MM-DD
  std::optional<std::string> next_evaluation;  // --next-evaluation YYYY-MM-DD
  std::optional<std::string> evaluations;      // --evaluation ID[,ID...]
};

// Where the value of option `name` ("--grid") goes, or null when it is not a conventionnement
// option.
std::optional<std::string>* conventionnement_option(ConventionnementOptions& options,
                                                    std::string_view name);

// Whether `word` is the first word of a conventionnement command: merchant, evaluation,
// decision. (`merchants sync`, plural, is the older push command.)
bool is_conventionnement_group(std::string_view word);

// Whether the command is one of the conventionnement commands (they all take --caisse).
bool is_conventionnement(Command command);

// "merchant show", "decision record"; "" for another command.
std::string conventionnement_command_name(Command command);

// Reads the words of a conventionnement command (words[0] is its group) into out.command and
// its argument (out.file or out.subject); returns how many words it uses. `merchant add FILE`
// becomes `import merchants FILE`: the same route, answer and exit code.
Result<std::size_t> parse_conventionnement_words(const std::vector<std::string>& words,
                                                 Invocation& out);

// Checks the options against out.command (each applies to its command only, the required ones
// are given, values well formed, vote counts given for a vote and only then) and copies them into
// `out`. `note` is the shared --note (bank decide takes it too): for decision record it is taken
// from there and reset, so that the money-in check does not refuse it.
Result<void> apply_conventionnement_options(const ConventionnementOptions& options,
                                            std::optional<std::string>& note, Invocation& out);

}  // namespace caisse::host::ctl
