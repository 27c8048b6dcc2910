// A realistic month of one caisse (November 2026), posted through the API:
//   contributions  h1 15.00, h2 40.00, h3 5.00 EUR                       (60.00 EUR)
//   co-funding     CCAS 300.00 EUR
//   allocations    h1 100, h2 150 (two people), h3 100 MONA               (350.00 MONA)
//   purchases      h1 60 and h3 40 at the épicerie, h2 120 at the biocoop  (220.00 MONA)
//   reconversion   the épicerie hands back 80 MONA and is paid 80.00 EUR
// Afterwards: bank 280.00 EUR = 60 + 300 - 80; 350 MONA issued = members 130 + merchants
// (épicerie 20, biocoop 120) + reconverted 80.
#pragma once

#include "ledger_fixture.hpp"

namespace caisse::host::ledger {

inline void post_month(store::PgConnection& db, const std::string& caisse) {
  using K = AccountKind;
  for (const char* merchant : {"epicerie", "biocoop"}) {
    ASSERT_TRUE(open_account(db, caisse, {K::merchant_balances, merchant}, "MONA").ok());
  }
  ASSERT_TRUE(open_account(db, caisse, {K::merchant_reconversions, "epicerie"}, "MONA").ok());
  auto post_ok = [&](NewEntry new_entry) {
    new_entry.caisse_id = caisse;
    auto posted = post(db, new_entry);
    ASSERT_TRUE(posted.ok()) << posted.error().message;
  };
  post_ok(entry("contribution:h1:2026-11", {line(K::bank, 1500), line(K::contributions, -1500)}));
  post_ok(entry("contribution:h2:2026-11", {line(K::bank, 4000), line(K::contributions, -4000)}));
  post_ok(entry("contribution:h3:2026-11", {line(K::bank, 500), line(K::contributions, -500)}));
  post_ok(
      entry("grant:ccas:2026-11", {line(K::bank, 30000), line(K::grant, -30000, "EUR", "ccas")}));
  for (auto [household, amount] : {std::pair{"h1", 10000}, {"h2", 15000}, {"h3", 10000}}) {
    post_ok(
        entry(std::string("cycle:2026-11:") + household,
              {line(K::member_balances, amount, "MONA"), line(K::currency_issued, -amount, "MONA")},
              caisse, day(2026, 11, 10)));
  }
  for (auto [n, merchant, amount] :
       {std::tuple{1, "epicerie", 6000}, {2, "epicerie", 4000}, {3, "biocoop", 12000}}) {
    post_ok(entry("spend:" + std::to_string(n),
                  {line(K::merchant_balances, amount, "MONA", merchant),
                   line(K::member_balances, -amount, "MONA")},
                  caisse, day(2026, 11, 20)));
  }
  post_ok(entry("reconversion:epicerie:1",
                {line(K::merchant_reconversions, 8000, "MONA", "epicerie"),
                 line(K::merchant_balances, -8000, "MONA", "epicerie"),
                 line(K::reconversion_payouts, 8000), line(K::bank, -8000)},
                caisse, day(2026, 11, 30)));
}

}  // namespace caisse::host::ledger
