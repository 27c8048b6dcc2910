#include "sample_orders.hpp"

#include <array>
#include <random>

namespace caisse::adapters::sepa::testing {
namespace {

constexpr std::array<std::string_view, 8> kNames = {
    "Françoise Lœwy",
    "Élodie Dupré-Noël",
    "Jürgen Weiß",
    "Zoë O'Hara & fils",
    "Ana-María Núñez",
    "Chloé «Cloclo» Martin",
    "Æsa Øster_Bøgh",
    "Marie-Thérèse de La Rochefoucauld-Montmorency-Laval du Plessis-Bellière et Noël",
};

constexpr std::array<std::int64_t, 8> kAmounts = {1, 1234, 99999, 2500, 1000, 4567, 15, 1};

constexpr std::array<std::string_view, 3> kBics = {"BNPAFRPP", "AGRIFRPP882", ""};

// Digits of `text` with letters as 10..35, then the remainder of that number modulo 97, read
// nine digits at a time (a different route from the adapter's one-character-at-a-time loop).
unsigned remainder97(std::string_view text) {
  std::string digits;
  for (const char c : text) {
    if (c >= 'A' && c <= 'Z') {
      digits += std::to_string(c - 'A' + 10);
    } else {
      digits += c;
    }
  }
  std::uint64_t rest = 0;
  for (std::size_t at = 0; at < digits.size(); at += 9) {
    const std::string chunk = digits.substr(at, 9);
    std::uint64_t scale = 1;
    for (std::size_t i = 0; i < chunk.size(); ++i) scale *= 10;
    rest = (rest * scale + std::stoull(chunk)) % 97;
  }
  return static_cast<unsigned>(rest);
}

std::string eight_digits(std::uint64_t n) {
  std::string text = std::to_string(n % 100000000);
  return std::string(8 - text.size(), '0') + text;
}

// A German IBAN (bank code + 10-digit account, no inner check) numbered `n`.
std::string debtor_iban(std::uint64_t n) {
  return test_iban("DE", "37040044" + std::string("05") + eight_digits(n * 7919));
}

DirectDebit month_debit(DebitMonth& month, std::size_t i, std::int64_t amount, Sequence sequence) {
  DirectDebit debit;
  debit.end_to_end_id = month.keep("2026-11-H" + std::to_string(100000 + i));
  debit.mandate_id = month.keep("RUM-H" + std::to_string(100000 + i));
  debit.mandate_signed_on = i % 2 == 0 ? "2024-02-29" : "2026-11-24";
  debit.sequence = sequence;
  debit.debtor_name = kNames[i % kNames.size()];
  debit.debtor_iban = month.keep(debtor_iban(i));
  debit.debtor_bic = kBics[i % kBics.size()];
  debit.amount.minor = amount;
  debit.amount.currency = "EUR";
  debit.remittance = i % 9 == 0 ? "" : "Contribution novembre 2026 – caisse alimentaire";
  return debit;
}

}  // namespace

std::string test_iban(std::string_view country, std::string_view bban) {
  const unsigned check = 98 - remainder97(std::string(bban) + std::string(country) + "00");
  return std::string(country) + (check < 10 ? "0" : "") + std::to_string(check) + std::string(bban);
}

CaisseAccount test_caisse(bool with_bic) {
  CaisseAccountSettings settings;
  settings.name = "Caisse alimentaire commune de Nantes Ouest";
  settings.iban = "FR76 3000 6000 0112 3456 7890 189";
  settings.bic = with_bic ? "AGRIFRPP882" : "";
  settings.creditor_id = "FR72ZZZ123456";
  return checked_account(settings);
}

DebitMonth sample_month(std::size_t count) {
  DebitMonth month;
  month.debits.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    Sequence sequence = Sequence::recurring;
    if (i % 5 == 0) sequence = Sequence::first;
    if (i % 61 == 7) sequence = Sequence::one_off;
    if (i % 97 == 3) sequence = Sequence::final;
    std::int64_t amount = kAmounts[i % kAmounts.size()];
    if (i == 42) amount = 99'999'999'999;  // the SEPA maximum, 999 999 999.99
    DirectDebit debit = month_debit(month, i, amount, sequence);
    if (i % 40 == 11) debit.amended_mandate_id = month.keep("OLD-RUM-" + std::to_string(i));
    if (i % 40 == 31) debit.amended_debtor_iban = month.keep(debtor_iban(i + 100000));
    month.debits.push_back(debit);
  }
  return month;
}

DebitMonth random_month(std::uint32_t seed) {
  std::mt19937_64 random(seed);
  DebitMonth month;
  const std::size_t count = 1 + random() % 300;
  for (std::size_t i = 0; i < count; ++i) {
    // Small amounts mostly, sometimes anything up to the maximum.
    const std::int64_t amount = random() % 4 == 0
                                    ? 1 + static_cast<std::int64_t>(random() % 99'999'999'999)
                                    : 1 + static_cast<std::int64_t>(random() % 50'000);
    const auto sequence = static_cast<Sequence>(1 + random() % 4);
    DirectDebit debit = month_debit(month, random() % 1000 * 1000 + i, amount, sequence);
    if (random() % 10 == 0) debit.amended_mandate_id = month.keep("OLD-" + std::to_string(i));
    month.debits.push_back(debit);
  }
  return month;
}

PayoutRun sample_payouts(std::size_t count) {
  PayoutRun run;
  for (std::size_t i = 0; i < count; ++i) {
    CreditTransfer transfer;
    transfer.end_to_end_id = run.keep("PAY-2026-11-M" + std::to_string(1000 + i));
    transfer.creditor_name = kNames[(i + 3) % kNames.size()];
    transfer.creditor_iban = run.keep(debtor_iban(i + 5000));
    transfer.creditor_bic = kBics[(i + 1) % kBics.size()];
    transfer.amount.minor = i == 7 ? 99'999'999'999 : kAmounts[i % kAmounts.size()] * 37;
    transfer.amount.currency = "EUR";
    transfer.remittance =
        run.keep("Reconversion MonA novembre 2026, commerce n° " + std::to_string(i));
    run.transfers.push_back(transfer);
  }
  return run;
}

PayoutRun random_payouts(std::uint32_t seed) {
  std::mt19937_64 random(seed);
  PayoutRun run = sample_payouts(1 + random() % 120);
  for (CreditTransfer& transfer : run.transfers) {
    transfer.amount.minor = 1 + static_cast<std::int64_t>(random() % 99'999'999'999);
  }
  return run;
}

}  // namespace caisse::adapters::sepa::testing
