#include "ctl/money_in_command_line.hpp"

#include <algorithm>
#include <array>

namespace caisse::host::ctl {
namespace {

// One money-in command as typed: its two words, and the name of its one argument in messages
// (nullptr: it takes none).
struct Form {
  std::string_view group;
  std::string_view action;
  Command command;
  const char* argument;
};

constexpr std::array<Form, 13> kForms{{
    {"mandates", "import", Command::mandates_import, "FILE"},
    {"mandates", "revoke", Command::mandates_revoke, "HOUSEHOLD"},
    {"mandates", "reinstate", Command::mandates_reinstate, "HOUSEHOLD"},
    {"collection", "draft", Command::collection_draft, nullptr},
    {"collection", "file", Command::collection_file, nullptr},
    {"collection", "submitted", Command::collection_submitted, nullptr},
    {"collection", "status", Command::collection_status, nullptr},
    {"statement", "import", Command::statement_import, "FILE"},
    {"payment-report", "import", Command::payment_report_import, "FILE"},
    {"bank", "queue", Command::bank_queue, nullptr},
    {"bank", "decide", Command::bank_decide, "LINE_ID"},
    {"webhooks", "dead", Command::webhooks_dead, nullptr},
    {"webhooks", "replay", Command::webhooks_replay, "ID"},
}};

const Form* form_of(Command command) {
  for (const auto& form : kForms) {
    if (form.command == command) return &form;
  }
  return nullptr;
}

// "draft, file, submitted or status": the actions of a group, for messages.
std::string actions_of(std::string_view group) {
  std::vector<std::string_view> actions;
  for (const auto& form : kForms) {
    if (form.group == group) actions.push_back(form.action);
  }
  std::string out;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    if (i > 0) out += i + 1 == actions.size() ? " or " : ", ";
    out += actions[i];
  }
  return out;
}

// A database id as the daemon gives it: a positive whole number.
bool is_row_id(std::string_view text) {
  if (text.empty() || text.size() > 18 || text[0] == '0') return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_line_status(std::string_view text) {
  return text == "unmatched" || text == "matched" || text == "ignored";
}

// Where an option applies: to `command`, required or not; `value` names its value in the
// message of a missing option; a value `valid` refuses is "not <what_it_is_not>".
struct OptionUse {
  const char* name;
  std::optional<std::string> MoneyInOptions::*slot;
  Command command;
  bool required;
  const char* value;
  bool (*valid)(std::string_view);
  const char* what_it_is_not;
};

constexpr const char* kNotAnInstance =
    "is not an instance name: expected lowercase letters, digits, '-' or '_', starting with a "
    "letter or digit";

constexpr std::array<OptionUse, 10> kOptionUses{{
    {"--instance", &MoneyInOptions::instance, Command::statement_import, true, "INSTANCE",
     is_caisse_id, kNotAnInstance},
    {"--instance", &MoneyInOptions::instance, Command::payment_report_import, true, "INSTANCE",
     is_caisse_id, kNotAnInstance},
    {"--date", &MoneyInOptions::date, Command::collection_draft, true, "YYYY-MM-DD", is_day,
     "is not a day: expected YYYY-MM-DD, e.g. 2026-12-05"},
    {"--collector", &MoneyInOptions::collector, Command::collection_draft, true, "INSTANCE",
     is_caisse_id, kNotAnInstance},
    {"--status", &MoneyInOptions::status, Command::bank_queue, false, "STATUS", is_line_status,
     "is not a line status: expected unmatched, matched or ignored"},
    {"--household", &MoneyInOptions::household, Command::bank_decide, false, "HOUSEHOLD", nullptr,
     nullptr},
    {"--funder", &MoneyInOptions::funder, Command::bank_decide, false, "FUNDER", nullptr, nullptr},
    {"--provider", &MoneyInOptions::provider, Command::bank_decide, false, "INSTANCE", is_caisse_id,
     kNotAnInstance},
    {"--note", &MoneyInOptions::note, Command::bank_decide, false, "TEXT", nullptr, nullptr},
    {"--out", &MoneyInOptions::out, Command::collection_file, false, "FILE", nullptr, nullptr},
}};

bool applies(std::string_view option, Command command) {
  return std::any_of(kOptionUses.begin(), kOptionUses.end(), [&](const OptionUse& use) {
    return use.name == option && use.command == command;
  });
}

}  // namespace

std::optional<std::string>* money_in_option(MoneyInOptions& options, std::string_view name) {
  for (const auto& use : kOptionUses) {
    if (name == use.name) return &(options.*use.slot);
  }
  return nullptr;
}

bool is_money_in_group(std::string_view word) {
  return std::any_of(kForms.begin(), kForms.end(),
                     [word](const Form& form) { return form.group == word; });
}

bool is_money_in(Command command) {
  return form_of(command) != nullptr;
}

bool money_in_needs_month(Command command) {
  const Form* form = form_of(command);
  return form != nullptr && form->group == "collection";
}

std::string money_in_command_name(Command command) {
  const Form* form = form_of(command);
  if (form == nullptr) return {};
  return std::string(form->group) + " " + std::string(form->action);
}

Result<std::size_t> parse_money_in_words(const std::vector<std::string>& words, Invocation& out) {
  const std::string& group = words.at(0);
  if (words.size() < 2) return make_error(group + ": expected " + actions_of(group));
  const Form* form = nullptr;
  for (const auto& candidate : kForms) {
    if (candidate.group == group && candidate.action == words[1]) form = &candidate;
  }
  if (form == nullptr) {
    return make_error(group + ": unknown action '" + words[1] + "' (expected " + actions_of(group) +
                      ")");
  }
  out.command = form->command;
  if (form->argument == nullptr) return std::size_t{2};
  const std::string name = money_in_command_name(form->command);
  if (words.size() < 3) return make_error(name + ": expected the " + form->argument);
  const std::string& argument = words[2];
  const bool is_id = std::string_view(form->argument).ends_with("ID");
  if (is_id && !is_row_id(argument)) {
    return make_error(name + ": " + form->argument + " '" + argument +
                      "' is not an id: expected a positive whole number");
  }
  (std::string_view(form->argument) == "FILE" ? out.file : out.subject) = argument;
  return std::size_t{3};
}

Result<void> apply_money_in_options(const MoneyInOptions& options, Invocation& out) {
  const std::string name = command_name(out);
  for (const auto& use : kOptionUses) {
    const std::optional<std::string>& given = options.*use.slot;
    const bool this_command = use.command == out.command;
    if (!given) {
      if (this_command && use.required) {
        return make_error(name + ": " + use.name + " " + use.value + " is required");
      }
      continue;
    }
    if (!applies(use.name, out.command)) {
      return make_error(std::string(use.name) + " does not apply to '" + name + "'");
    }
    if (this_command && use.valid != nullptr && !use.valid(*given)) {
      return make_error(std::string(use.name) + " '" + *given + "' " + use.what_it_is_not);
    }
  }
  if (options.ignore && out.command != Command::bank_decide) {
    return make_error("--ignore does not apply to '" + name + "'");
  }
  if (out.command == Command::bank_decide) {
    const int chosen = (options.household ? 1 : 0) + (options.funder ? 1 : 0) +
                       (options.provider ? 1 : 0) + (options.ignore ? 1 : 0);
    if (chosen != 1) {
      return make_error(name +
                        ": expected one of --household HOUSEHOLD, --funder FUNDER, "
                        "--provider INSTANCE or --ignore");
    }
  }
  out.instance = options.instance.value_or("");
  out.collection_date = options.date.value_or("");
  out.collector = options.collector.value_or("");
  out.line_status = options.status.value_or("");
  out.out_file = options.out.value_or("");
  out.decision.household = options.household.value_or("");
  out.decision.funder = options.funder.value_or("");
  out.decision.provider = options.provider.value_or("");
  out.decision.ignore = options.ignore;
  out.decision.note = options.note;
  return {};
}

}  // namespace caisse::host::ctl
