// What a caisse expects to see on its bank account, loaded once per statement import so that
// matching a million lines costs no query per line: the direct debits it presented (by
// EndToEndId and by run), its funders and its households.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::bank {

struct ExpectedDebit {
  std::string end_to_end_id;
  std::string household_id;
  std::string mandate_id;
  std::string month;
  std::int64_t amount_minor = 0;
  std::string state;  // collection_debits.state: to_collect, submitted, paid, rejected, returned
};

// Ids and names lower-cased, as line_matching compares them.
struct KnownFunder {
  std::string id;
  std::string id_word;
  std::string name_lowered;
};

struct ExpectedMoney {
  std::map<std::string, ExpectedDebit> debits;                 // by end_to_end_id
  std::map<std::string, std::vector<std::string>> run_debits;  // message id -> end_to_end_ids
  std::vector<KnownFunder> funders;
  std::map<std::string, std::string> households;  // lower-cased id -> id
};

// ASCII lower case, as bank labels are compared.
std::string ascii_lowered(std::string_view text);

Result<ExpectedMoney> load_expected_money(store::PgConnection& db, const std::string& caisse_id);

}  // namespace caisse::host::bank
