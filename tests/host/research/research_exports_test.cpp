// The research exports against a real PostgreSQL: a caisse seeded by hand with contributions,
// an allocation cycle, a bonus cycle and purchases, every expected figure worked out below.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>

#include "pg_test_env.hpp"
#include "research/indicators_export.hpp"
#include "research/pseudonym_secret.hpp"
#include "research/transactions_export.hpp"
#include "store/migrations.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::research {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The households of nantes-ouest and where their money went:
//   contributions (EUR cents)  2026-09-30 H-0001 999 (before the period)
//                              2026-10-05 H-0001..H-0004 1000 each: 4 households
//                              2026-11-05 H-0001 500 twice, H-0002 2000, H-0003 3000,
//                                         H-0004 4000, H-0005 5000: 5 households, 15000
//   allocation cycle 2026-11   H-0001..H-0005 10000 SUCCEEDED (credited: 5 households, 50000),
//                              H-0006 10000 DECLINED, H-0007 0 SUCCEEDED (credits nothing)
//   bonus cycle 2026-11        H-0001 625 SUCCEEDED: a bonus, not an allocation
//   purchases (MNK)            2026-10-31T23:30Z H-0001 shop 1000 (00:30 on 1 November in Paris:
//                                UTC says October)
//                              2026-11-05 shop     H-0001..H-0006 1000 each: 6 households, 6000
//                              2026-11-05 shop     no household 9999 (not exported)
//                              2026-11-12 producer H-0001..H-0005 2000 each: 5, 10000
//                              2026-11-20 stall    H-0001, H-0002 500 each: 2, 1000
//                              2026-11-28 amap     H-0001..H-0005 300 each: 5, 1500
//                              2026-12-01 H-0007 at a merchant the registry does not know, 700
// montpellier, the other caisse of the database, has 5 contributing households in October:
// counted there, they would publish nantes-ouest's October.
constexpr const char* kSeed = R"sql(
INSERT INTO registry_households (caisse_id, id, adults, children, joined_via, joined_on)
SELECT c, 'H-000' || n, 1, 0, 'self', '2025-01-01'
  FROM unnest(ARRAY['nantes-ouest', 'montpellier']) c, generate_series(1, 7) n;
INSERT INTO registry_merchants (caisse_id, id, name, accredited, listed_accredited, kind) VALUES
  ('nantes-ouest', 'M-SHOP', 'Épicerie Dupont', true, true, 'shop'),
  ('nantes-ouest', 'M-PROD', 'Ferme de Jeanne Martin', true, true, 'producer'),
  ('nantes-ouest', 'M-STALL', 'Étal de Paul Durand', true, true, 'market_stall'),
  ('nantes-ouest', 'M-AMAP', 'AMAP du quartier', true, true, 'amap');
INSERT INTO ledger_entries (caisse_id, idempotency_key, entry_date, description, source_ref)
VALUES ('nantes-ouest', 'seed', '2026-10-01', 'seed', 'test'),
       ('montpellier', 'seed', '2026-10-01', 'seed', 'test');
INSERT INTO registry_receipts (caisse_id, reference, received_on, source, household_id,
                               amount_minor, entry_id)
SELECT r.caisse, r.ref, r.day::date, 'contribution', r.household, r.amount,
       (SELECT id FROM ledger_entries e WHERE e.caisse_id = r.caisse)
  FROM (VALUES
    ('nantes-ouest', 'C-09-1', '2026-09-30', 'H-0001', 999),
    ('nantes-ouest', 'C-10-1', '2026-10-05', 'H-0001', 1000),
    ('nantes-ouest', 'C-10-2', '2026-10-05', 'H-0002', 1000),
    ('nantes-ouest', 'C-10-3', '2026-10-05', 'H-0003', 1000),
    ('nantes-ouest', 'C-10-4', '2026-10-05', 'H-0004', 1000),
    ('nantes-ouest', 'C-11-1a', '2026-11-05', 'H-0001', 500),
    ('nantes-ouest', 'C-11-1b', '2026-11-05', 'H-0001', 500),
    ('nantes-ouest', 'C-11-2', '2026-11-05', 'H-0002', 2000),
    ('nantes-ouest', 'C-11-3', '2026-11-05', 'H-0003', 3000),
    ('nantes-ouest', 'C-11-4', '2026-11-05', 'H-0004', 4000),
    ('nantes-ouest', 'C-11-5', '2026-11-30', 'H-0005', 5000),
    ('montpellier', 'C-10-1', '2026-10-05', 'H-0001', 1000),
    ('montpellier', 'C-10-2', '2026-10-05', 'H-0002', 1000),
    ('montpellier', 'C-10-3', '2026-10-05', 'H-0003', 1000),
    ('montpellier', 'C-10-4', '2026-10-05', 'H-0004', 1000),
    ('montpellier', 'C-10-5', '2026-10-05', 'H-0005', 1000)
  ) AS r(caisse, ref, day, household, amount);
INSERT INTO cycles (caisse_id, kind, month, state, currency, rule_version, household_count,
                    total_minor, computed_by, computed_at, due_on) VALUES
  ('nantes-ouest', 'allocation', '2026-11', 'settled', 'MNK', 'r1', 7, 60000, 'op', now(), NULL),
  ('nantes-ouest', 'bonus', '2026-11', 'settled', 'MNK', 'b1', 1, 625, 'op', now(),
   '2026-12-10');
INSERT INTO cycle_lines (caisse_id, kind, month, household_id, amount_minor, rule_version,
                         operation_id, status) VALUES
  ('nantes-ouest', 'allocation', '2026-11', 'H-0001', 10000, 'r1', 'a1', 'SUCCEEDED'),
  ('nantes-ouest', 'allocation', '2026-11', 'H-0002', 10000, 'r1', 'a2', 'SUCCEEDED'),
  ('nantes-ouest', 'allocation', '2026-11', 'H-0003', 10000, 'r1', 'a3', 'SUCCEEDED'),
  ('nantes-ouest', 'allocation', '2026-11', 'H-0004', 10000, 'r1', 'a4', 'SUCCEEDED'),
  ('nantes-ouest', 'allocation', '2026-11', 'H-0005', 10000, 'r1', 'a5', 'SUCCEEDED'),
  ('nantes-ouest', 'allocation', '2026-11', 'H-0006', 10000, 'r1', 'a6', 'DECLINED'),
  ('nantes-ouest', 'allocation', '2026-11', 'H-0007', 0, 'r1', 'a7', 'SUCCEEDED'),
  ('nantes-ouest', 'bonus', '2026-11', 'H-0001', 625, 'b1', 'b1', 'SUCCEEDED');
INSERT INTO purchases (caisse_id, instance, external_ref, household_id, merchant_ref,
                       merchant_id, amount_minor, currency, paid_at, merchant_accredited)
SELECT 'nantes-ouest', 'app', p.merchant || '-' || p.day || '-' || coalesce(h, 'none'), h,
       'ref-' || p.merchant, p.merchant, p.amount, 'MNK', p.paid_at::timestamptz, true
  FROM (VALUES
    ('M-SHOP', '10-31', 1000, '2026-10-31T23:30:00Z', ARRAY['H-0001']),
    ('M-SHOP', '11-05', 1000, '2026-11-05T10:00:00Z',
     ARRAY['H-0001', 'H-0002', 'H-0003', 'H-0004', 'H-0005', 'H-0006']),
    ('M-SHOP', '11-05', 9999, '2026-11-05T11:00:00Z', ARRAY[NULL]),
    ('M-PROD', '11-12', 2000, '2026-11-12T10:00:00Z',
     ARRAY['H-0001', 'H-0002', 'H-0003', 'H-0004', 'H-0005']),
    ('M-STALL', '11-20', 500, '2026-11-20T10:00:00Z', ARRAY['H-0001', 'H-0002']),
    ('M-AMAP', '11-28', 300, '2026-11-28T10:00:00Z',
     ARRAY['H-0001', 'H-0002', 'H-0003', 'H-0004', 'H-0005'])
  ) AS p(merchant, day, amount, paid_at, households), unnest(p.households) h;
INSERT INTO purchases (caisse_id, instance, external_ref, household_id, merchant_ref,
                       merchant_id, amount_minor, currency, paid_at, merchant_accredited)
VALUES ('nantes-ouest', 'app', 'unknown-1', 'H-0007', 'acc-9', NULL, 700, 'MNK',
        '2026-12-01T00:00:00Z', false);
)sql";

class ResearchExportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = caisse::testing::fresh_database("research");
    auto connected = store::PgConnection::connect(url_);
    if (!connected) throw std::runtime_error(connected.error().message);
    db_.emplace(std::move(connected.value()));
    auto migrated = store::migrate(db(), store::builtin_migrations());
    if (!migrated) throw std::runtime_error(migrated.error().message);
    auto seeded = db().exec(kSeed);
    if (!seeded) throw std::runtime_error(seeded.error().message);
    caisse_.id = "nantes-ouest";
    caisse_.currency.code = "MNK";
    caisse_.currency.minor_unit = 2;
    caisse_.currency.parity_eur = "1.00";
  }

  store::PgConnection& db() { return *db_; }

  std::string indicators(Month from, Month to, std::int64_t min_group_size = 5) {
    auto csv = indicators_csv(db(), caisse_, {from, to}, min_group_size);
    if (!csv) throw std::runtime_error(csv.error().message);
    return *csv;
  }

  std::string transactions(const std::string& key, const std::string& secret) {
    auto csv = transactions_csv(db(), "nantes-ouest", {{{2026, 10}, {2026, 12}}, key}, secret);
    if (!csv) throw std::runtime_error(csv.error().message);
    return *csv;
  }

  config::CaisseConfig caisse_;
  std::string url_;

 private:
  std::optional<store::PgConnection> db_;
};

std::string bytes_0_to_31() {
  std::string secret;
  for (int i = 0; i < 32; ++i) secret += static_cast<char>(i);
  return secret;
}

RandomBytes fixed(std::string bytes) {
  return [bytes](std::size_t) -> Result<std::string> { return bytes; };
}

Result<std::string> must_not_draw(std::size_t) {
  ADD_FAILURE() << "a secret was drawn although one is stored";
  return make_error("drawn");
}

TEST_F(ResearchExportsTest, SecretIsDrawnOnceAndKept) {
  auto first = pseudonym_secret(db(), "nantes-ouest", fixed(bytes_0_to_31()));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(*first, bytes_0_to_31());
  // Another connection, as after a restart: the stored secret, nothing drawn.
  auto again = store::PgConnection::connect(url_);
  ASSERT_TRUE(again.ok()) << again.error().message;
  auto second = pseudonym_secret(*again, "nantes-ouest", must_not_draw);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(*second, *first);
}

TEST_F(ResearchExportsTest, EachCaisseHasItsOwnRandomSecret) {
  auto nantes = pseudonym_secret(db(), "nantes-ouest");
  auto montpellier = pseudonym_secret(db(), "montpellier");
  ASSERT_TRUE(nantes.ok() && montpellier.ok());
  EXPECT_EQ(nantes->size(), 32u);
  EXPECT_NE(*nantes, *montpellier);
  EXPECT_NE(*nantes, std::string(32, '\0'));
}

// Pseudonyms of H-0001..H-0006 under bytes 0..31 and key etude-2026, worked out with Python's
// hmac (see pseudonym_test.cpp), sorted: H-0001 016e…, H-0004 78ea…, H-0006 9b4a…,
// H-0003 ad93…, H-0002 cf68…, H-0005 ddb6…; H-0007 7718….
TEST_F(ResearchExportsTest, TransactionsArePseudonymisedAndOrderedByDayThenPseudonym) {
  EXPECT_EQ(transactions("etude-2026", bytes_0_to_31()),
            "household,merchant,merchant_kind,day,amount_minor,currency\n"
            "h_016e5abee21cfd7d,M-SHOP,shop,2026-10-31,1000,MNK\n"
            "h_016e5abee21cfd7d,M-SHOP,shop,2026-11-05,1000,MNK\n"
            "h_78ea7c45af3fe204,M-SHOP,shop,2026-11-05,1000,MNK\n"
            "h_9b4a5c08a2372d39,M-SHOP,shop,2026-11-05,1000,MNK\n"
            "h_ad935040be4345e6,M-SHOP,shop,2026-11-05,1000,MNK\n"
            "h_cf685f1370309060,M-SHOP,shop,2026-11-05,1000,MNK\n"
            "h_ddb6427d36cb427c,M-SHOP,shop,2026-11-05,1000,MNK\n"
            "h_016e5abee21cfd7d,M-PROD,producer,2026-11-12,2000,MNK\n"
            "h_78ea7c45af3fe204,M-PROD,producer,2026-11-12,2000,MNK\n"
            "h_ad935040be4345e6,M-PROD,producer,2026-11-12,2000,MNK\n"
            "h_cf685f1370309060,M-PROD,producer,2026-11-12,2000,MNK\n"
            "h_ddb6427d36cb427c,M-PROD,producer,2026-11-12,2000,MNK\n"
            "h_016e5abee21cfd7d,M-STALL,market_stall,2026-11-20,500,MNK\n"
            "h_cf685f1370309060,M-STALL,market_stall,2026-11-20,500,MNK\n"
            "h_016e5abee21cfd7d,M-AMAP,amap,2026-11-28,300,MNK\n"
            "h_78ea7c45af3fe204,M-AMAP,amap,2026-11-28,300,MNK\n"
            "h_ad935040be4345e6,M-AMAP,amap,2026-11-28,300,MNK\n"
            "h_cf685f1370309060,M-AMAP,amap,2026-11-28,300,MNK\n"
            "h_ddb6427d36cb427c,M-AMAP,amap,2026-11-28,300,MNK\n"
            "h_7718d9a76e24c54f,,unknown,2026-12-01,700,MNK\n");
}

TEST_F(ResearchExportsTest, TransactionsHoldNoRegistryIdOrName) {
  const std::string csv = transactions("etude-2026", bytes_0_to_31());
  EXPECT_THAT(csv, Not(HasSubstr("H-000")));
  EXPECT_THAT(csv, Not(HasSubstr("Dupont")));
  EXPECT_THAT(csv, Not(HasSubstr("Martin")));
  EXPECT_THAT(csv, Not(HasSubstr("9999")));  // the purchase without a household
}

TEST_F(ResearchExportsTest, SameKeySamePseudonymsOtherKeyOthers) {
  auto secret = pseudonym_secret(db(), "nantes-ouest");
  ASSERT_TRUE(secret.ok());
  const std::string a = transactions("etude-a", *secret);
  EXPECT_EQ(transactions("etude-a", *secret), a);
  const std::string b = transactions("etude-b", *secret);
  EXPECT_NE(b, a);
  // Not one pseudonym of the first export appears in the second.
  for (std::size_t at = a.find("h_"); at != std::string::npos; at = a.find("h_", at + 1)) {
    EXPECT_THAT(b, Not(HasSubstr(a.substr(at, 18))));
  }
}

// October: 4 contributing households (suppressed), no cycle, H-0001's one purchase.
// November: 5 contributing households (published: the boundary), 15000 EUR cents over 50000
// MNK credited at 1.00: 15000 × 10000 / 50000 = 3000 bp; credited 5 households, 50000;
// spending 6000 + 10000 + 1000 + 1500 = 18500 by H-0001..H-0006. The stall (2 households) is
// suppressed, so the smallest other kind, amap (1500), is suppressed with it.
TEST_F(ResearchExportsTest, IndicatorsOnSeededData) {
  EXPECT_EQ(indicators({2026, 10}, {2026, 11}),
            "indicator,month,group,households,value,unit,suppressed\n"
            "contributing_households,2026-10,,,,households,true\n"
            "contributing_households,2026-11,,5,5,households,false\n"
            "contribution_share_of_allocation,2026-10,,,,basis_points,true\n"
            "contribution_share_of_allocation,2026-11,,5,3000,basis_points,false\n"
            "amounts_redistributed,2026-10,,,,minor:MNK,true\n"
            "amounts_redistributed,2026-11,,5,50000,minor:MNK,false\n"
            "spending_total,2026-10,,,,minor:MNK,true\n"
            "spending_total,2026-11,,6,18500,minor:MNK,false\n"
            "spending_by_merchant_kind,2026-10,shop,,,minor:MNK,true\n"
            "spending_by_merchant_kind,2026-11,amap,,,minor:MNK,true\n"
            "spending_by_merchant_kind,2026-11,market_stall,,,minor:MNK,true\n"
            "spending_by_merchant_kind,2026-11,producer,5,10000,minor:MNK,false\n"
            "spending_by_merchant_kind,2026-11,shop,6,6000,minor:MNK,false\n");
}

// With a threshold of 6, November's 5 contributing (and credited) households are hidden too,
// the shop's 6 are not; the total is published and two kinds are hidden, so no complement.
TEST_F(ResearchExportsTest, ThresholdComesFromTheCaller) {
  const std::string csv = indicators({2026, 11}, {2026, 11}, 6);
  EXPECT_THAT(csv, HasSubstr("contributing_households,2026-11,,,,households,true\n"));
  EXPECT_THAT(csv, HasSubstr("contribution_share_of_allocation,2026-11,,,,basis_points,true\n"));
  EXPECT_THAT(csv, HasSubstr("spending_total,2026-11,,6,18500,minor:MNK,false\n"));
  EXPECT_THAT(csv, HasSubstr("spending_by_merchant_kind,2026-11,shop,6,6000,minor:MNK,false\n"));
  EXPECT_THAT(csv, HasSubstr("spending_by_merchant_kind,2026-11,producer,,,minor:MNK,true\n"));
}

TEST_F(ResearchExportsTest, MonthsWithoutDataAreSuppressedRows) {
  const std::string csv = indicators({2027, 1}, {2027, 1});
  EXPECT_EQ(csv,
            "indicator,month,group,households,value,unit,suppressed\n"
            "contributing_households,2027-01,,,,households,true\n"
            "contribution_share_of_allocation,2027-01,,,,basis_points,true\n"
            "amounts_redistributed,2027-01,,,,minor:MNK,true\n"
            "spending_total,2027-01,,,,minor:MNK,true\n");
}

}  // namespace
}  // namespace caisse::host::research
