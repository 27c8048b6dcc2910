#include "bank/line_matching.hpp"

#include <algorithm>

namespace caisse::host::bank {
namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

bool has_word(const std::vector<std::string>& words, std::string_view lowered_word) {
  return std::find(words.begin(), words.end(), lowered_word) != words.end();
}

bool open_debit(const ExpectedDebit& debit) {
  return debit.state == "to_collect" || debit.state == "submitted";
}

LineMatch returned_debit(const plugins::StatementEntry& line, const ExpectedMoney& expected) {
  const std::int64_t amount = -line.amount.minor;
  if (auto found = expected.debits.find(line.end_to_end_id); found != expected.debits.end()) {
    if (found->second.state == "paid" && found->second.amount_minor == amount) {
      return {MatchKind::debit_returned, {found->first}, "", "", "end_to_end_id"};
    }
  }
  if (line.return_reason.empty() || line.mandate_id.empty()) return {};
  // A return that lost its EndToEndId: the mandate's paid debit of that amount, the latest.
  const ExpectedDebit* latest = nullptr;
  for (const auto& [id, debit] : expected.debits) {
    if (debit.mandate_id == line.mandate_id && debit.state == "paid" &&
        debit.amount_minor == amount && (latest == nullptr || debit.month > latest->month)) {
      latest = &debit;
    }
  }
  if (latest == nullptr) return {};
  return {MatchKind::debit_returned, {latest->end_to_end_id}, "", "", "mandate and amount"};
}

LineMatch run_credit(const plugins::StatementEntry& line, const std::vector<std::string>& words,
                     const ExpectedMoney& expected) {
  for (const auto& [message_id, ids] : expected.run_debits) {
    if (!has_word(words, ascii_lowered(message_id)) && line.bank_reference != message_id) continue;
    std::int64_t open_sum = 0;
    std::vector<std::string> open;
    for (const std::string& id : ids) {
      const ExpectedDebit& debit = expected.debits.at(id);
      if (!open_debit(debit)) continue;
      open_sum += debit.amount_minor;
      open.push_back(id);
    }
    if (!open.empty() && open_sum == line.amount.minor) {
      return {MatchKind::run_paid, std::move(open), "", "", "run message id " + message_id};
    }
  }
  return {};
}

}  // namespace

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (is_word_char(c)) {
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

LineMatch match_line(const plugins::StatementEntry& line, const ExpectedMoney& expected) {
  if (line.amount.minor < 0) return returned_debit(line, expected);
  if (auto found = expected.debits.find(line.end_to_end_id); found != expected.debits.end()) {
    if (open_debit(found->second) && found->second.amount_minor == line.amount.minor) {
      return {MatchKind::debit_paid, {found->first}, "", "", "end_to_end_id"};
    }
  }
  const std::vector<std::string> words = words_of(line.remittance);
  if (words.empty() && line.counterparty_name.empty()) return {};
  if (LineMatch run = run_credit(line, words, expected); run.kind != MatchKind::none) return run;
  const std::string counterparty = ascii_lowered(line.counterparty_name);
  const std::string remittance = ascii_lowered(line.remittance);
  for (const KnownFunder& funder : expected.funders) {
    if (has_word(words, funder.id_word)) return {MatchKind::grant, {}, funder.id, "", "funder id"};
    const std::string& name = funder.name_lowered;
    if (!name.empty() && (counterparty.find(name) != std::string::npos ||
                          remittance.find(name) != std::string::npos)) {
      return {MatchKind::grant, {}, funder.id, "", "funder name"};
    }
  }
  for (const std::string& word : words) {
    if (auto found = expected.households.find(word); found != expected.households.end()) {
      return {MatchKind::contribution, {}, "", found->second, "household id"};
    }
  }
  return {};
}

}  // namespace caisse::host::bank
