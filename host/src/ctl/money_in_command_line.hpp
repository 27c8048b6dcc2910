// The command line of the money-in commands (mandates, collection, statement, payment-report,
// bank, webhooks): their words and the options only they take. parse_command_line
// (command_line.hpp) reads the shared options and hands these over. Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ctl/command_line.hpp"

namespace caisse::host::ctl {

// The money-in options as typed (nullopt: not given).
struct MoneyInOptions {
  std::optional<std::string> instance;   // --instance
  std::optional<std::string> date;       // --date
  std::optional<std::string> collector;  // --collector
  std::optional<std::string> status;     // --status
  std::optional<std::string> household;  // --household
  std::optional<std::string> funder;     // --funder
  std::optional<std::string> provider;   // --provider
  std::optional<std::string> note;       // --note
  std::optional<std::string> out;        // --out
  bool ignore = false;                   // --ignore, a flag
};

// Where the value of option `name` ("--instance") goes, or null when it is not a money-in
// option taking a value.
std::optional<std::string>* money_in_option(MoneyInOptions& options, std::string_view name);

// Whether `word` is the first word of a money-in command ("mandates", "bank"...).
bool is_money_in_group(std::string_view word);

// Whether the command is one of the money-in commands (they all take --caisse).
bool is_money_in(Command command);

// Whether the command works on a month (the collection commands: --month is required).
bool money_in_needs_month(Command command);

// "collection draft", "bank decide"; "" for a command that is not a money-in command.
std::string money_in_command_name(Command command);

// Reads the words of a money-in command (words[0] is its group) into out.command and its
// argument (out.file or out.subject); returns how many words the command uses. Errors: no or an
// unknown action, a missing argument, a LINE_ID or ID that is not a positive whole number.
Result<std::size_t> parse_money_in_words(const std::vector<std::string>& words, Invocation& out);

// Checks the money-in options against out.command (each applies to its commands only; the
// required ones are given; values well formed; bank decide gets exactly one of --household,
// --funder and --ignore) and copies them into `out`.
Result<void> apply_money_in_options(const MoneyInOptions& options, Invocation& out);

}  // namespace caisse::host::ctl
