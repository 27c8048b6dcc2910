// The cyclos adapter loaded as in production (the real loader, the host's callbacks and HTTP
// client) against the Cyclos test peer on a real socket: what it sends, how it reads every kind
// of answer, and what it concludes when an answer is lost, malformed or refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cyclos_adapter_fixture.hpp"

namespace caisse::host::plugins {
namespace {

using caisse::testing::cyclos::Fault;
using caisse::testing::cyclos::RouteKind;
using ::testing::HasSubstr;

class CyclosAdapter : public CyclosAdapterFixture {};

TEST_F(CyclosAdapter, CreditsAHouseholdFromTheSystemAccount) {
  const std::string user = peer().add_user("H-1", "consumers", "H-1");
  auto adapter = instance();
  auto results = adapter->credit({line("H-1", 12050)});
  ASSERT_TRUE(results.ok()) << results.error().message;
  ASSERT_EQ(results->size(), 1u);
  EXPECT_EQ((*results)[0].outcome, Outcome::succeeded) << (*results)[0].message;

  const auto transfers = peer().transfers();
  ASSERT_EQ(transfers.size(), 1u);
  EXPECT_EQ(transfers[0].to_user_id, user);
  EXPECT_EQ(transfers[0].from_user_id, "");
  EXPECT_EQ(transfers[0].amount_minor, 12050);
  EXPECT_EQ(transfers[0].type, "debit.toUser");
  EXPECT_EQ(transfers[0].custom_values.at("caisse_operation"), operation("H-1"));
  EXPECT_THAT(transfers[0].description, HasSubstr(operation("H-1")));
  EXPECT_EQ((*results)[0].external_ref, transfers[0].transaction_number);
}

TEST_F(CyclosAdapter, OpensAMissingAccountInTheMemberGroupWithoutAName) {
  auto adapter = instance({{"member_group", std::string("consumers")}});
  auto results = adapter->credit({line("H-7", 5000)});
  ASSERT_TRUE(results.ok()) << results.error().message;
  EXPECT_EQ((*results)[0].outcome, Outcome::succeeded) << (*results)[0].message;
  const auto users = peer().users();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].household, "H-7");
  EXPECT_EQ(users[0].name, "H-7");
  EXPECT_EQ(users[0].group, "consumers");
  // The second month finds the account instead of opening another.
  auto again = adapter->credit({line("H-7", 5000, "2026-12")});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)[0].outcome, Outcome::succeeded);
  EXPECT_EQ(peer().users().size(), 1u);
}

TEST_F(CyclosAdapter, DeclinesAHouseholdWithoutAnAccountWhenItMayNotOpenOne) {
  auto adapter = instance();
  auto results = adapter->credit({line("H-404", 5000)});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].outcome, Outcome::declined);
  EXPECT_THAT((*results)[0].message, HasSubstr("no Cyclos user has caisse_household = H-404"));
  EXPECT_TRUE(peer().transfers().empty());
}

TEST_F(CyclosAdapter, OnlyAnExactHouseholdValueCounts) {
  peer().add_user("H-10", "consumers", "H-10");
  const std::string h1 = peer().add_user("H-1", "consumers", "H-1");
  auto adapter = instance();
  auto results = adapter->credit({line("H-1", 100)});
  ASSERT_TRUE(results.ok());
  ASSERT_EQ((*results)[0].outcome, Outcome::succeeded) << (*results)[0].message;
  EXPECT_EQ(peer().transfers().at(0).to_user_id, h1);
}

TEST_F(CyclosAdapter, InsufficientBalanceIsDeclinedAndNothingMoves) {
  caisse::testing::cyclos::CyclosPeerOptions poor;
  poor.system_balance_minor = 1000;
  use_peer(poor);
  peer().add_user("H-1", "consumers", "H-1");
  auto adapter = instance();
  auto results = adapter->credit({line("H-1", 5000)});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].outcome, Outcome::declined);
  EXPECT_THAT((*results)[0].message, HasSubstr("insufficientBalance"));
  EXPECT_TRUE(peer().transfers().empty());
}

TEST_F(CyclosAdapter, ALineInAnotherCurrencyIsDeclinedBeforeAnythingIsSent) {
  peer().add_user("H-1", "consumers", "H-1");
  auto adapter = instance();
  CreditLine euros = line("H-1", 100);
  euros.amount.currency = "EUR";
  auto results = adapter->credit({euros});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].outcome, Outcome::declined);
  EXPECT_THAT((*results)[0].message, HasSubstr("this Cyclos holds MNK"));
  EXPECT_EQ(peer().request_count(RouteKind::any), 0u);
}

TEST_F(CyclosAdapter, AnAnswerLostAfterTheCommitIsUnknownUntilTheSearchFindsIt) {
  peer().add_user("H-1", "consumers", "H-1");
  auto adapter = instance();
  server_->fail_next(RouteKind::perform_payment, Fault::drop_after_commit);
  auto results = adapter->credit({line("H-1", 100)});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].outcome, Outcome::unknown);
  EXPECT_THAT((*results)[0].message, HasSubstr("it will be looked up"));
  ASSERT_EQ(peer().payments_with_operation(operation("H-1")), 1u);

  auto status = adapter->status(operation("H-1"));
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(status->outcome, Outcome::succeeded);
  EXPECT_EQ(status->external_ref, peer().transfers().at(0).transaction_number);
}

TEST_F(CyclosAdapter, APaymentThatNeverArrivedIsSentAgainOnlyAfterLostAfter) {
  peer().add_user("H-1", "consumers", "H-1");
  auto adapter = instance();
  server_->fail_next(RouteKind::perform_payment, Fault::timeout_before_commit);
  auto results = adapter->credit({line("H-1", 100)});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].outcome, Outcome::unknown);

  auto soon = adapter->status(operation("H-1"));
  ASSERT_TRUE(soon.ok());
  EXPECT_EQ(soon->outcome, Outcome::unknown);
  EXPECT_THAT(soon->message, HasSubstr("not at Cyclos yet"));

  services_.clock_ms += 901'000;
  auto later = adapter->status(operation("H-1"));
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->outcome, Outcome::not_sent);
  EXPECT_THAT(later->message, HasSubstr("never arrived"));

  auto resent = adapter->credit({line("H-1", 100)});
  ASSERT_TRUE(resent.ok());
  EXPECT_EQ((*resent)[0].outcome, Outcome::succeeded);
  EXPECT_EQ(peer().payments_with_operation(operation("H-1")), 1u);
}

TEST_F(CyclosAdapter, ASecondSendOfAPaymentThatArrivedIsANoOp) {
  peer().add_user("H-1", "consumers", "H-1");
  auto adapter = instance();
  server_->fail_next(RouteKind::perform_payment, Fault::timeout_after_commit);
  ASSERT_EQ(adapter->credit({line("H-1", 100)})->at(0).outcome, Outcome::unknown);
  // A host that resends anyway (it must not) still gets one payment: the adapter searches first.
  auto resent = adapter->credit({line("H-1", 100)});
  ASSERT_TRUE(resent.ok());
  EXPECT_EQ((*resent)[0].outcome, Outcome::succeeded);
  EXPECT_EQ(peer().payments_with_operation(operation("H-1")), 1u);
}

TEST_F(CyclosAdapter, NeverStatusWithoutASendIsNotSent) {
  auto adapter = instance();
  auto status = adapter->status(operation("H-9"));
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->outcome, Outcome::not_sent);
}

TEST_F(CyclosAdapter, MalformedAnswersAreUnknownWithAClearMessageNeverSuccess) {
  peer().add_user("H-1", "consumers", "H-1");
  peer().add_user("H-2", "consumers", "H-2");
  peer().add_user("H-3", "consumers", "H-3");
  auto adapter = instance();
  server_->fail_next(RouteKind::perform_payment, Fault::html_503);
  server_->fail_next(RouteKind::perform_payment, Fault::malformed_after_commit);
  server_->fail_next(RouteKind::perform_payment, Fault::error_500);
  auto results = adapter->credit({line("H-1", 100), line("H-2", 100), line("H-3", 100)});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].outcome, Outcome::unknown);
  EXPECT_THAT((*results)[0].message, HasSubstr("HTTP 503 (an HTML page"));
  EXPECT_EQ((*results)[1].outcome, Outcome::unknown);
  EXPECT_THAT((*results)[1].message, HasSubstr("not JSON"));
  EXPECT_EQ((*results)[2].outcome, Outcome::unknown);
  EXPECT_THAT((*results)[2].message, HasSubstr("HTTP 500"));
  // The search then tells them apart: only the second one was committed.
  EXPECT_EQ(adapter->status(operation("H-2"))->outcome, Outcome::succeeded);
  EXPECT_EQ(adapter->status(operation("H-1"))->outcome, Outcome::unknown);
  EXPECT_EQ(adapter->status(operation("H-3"))->outcome, Outcome::unknown);
}

TEST_F(CyclosAdapter, AMalformedSearchAnswerLeavesTheLineAsItIs) {
  peer().add_user("H-1", "consumers", "H-1");
  auto adapter = instance();
  server_->fail_next(RouteKind::perform_payment, Fault::drop_after_commit);
  ASSERT_EQ(adapter->credit({line("H-1", 100)})->at(0).outcome, Outcome::unknown);
  server_->fail_next(RouteKind::search_transfers, Fault::malformed_after_commit);
  auto status = adapter->status(operation("H-1"));
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.error().message, HasSubstr("GET /transfers page 0"));
  EXPECT_EQ(adapter->status(operation("H-1"))->outcome, Outcome::succeeded);
}

TEST_F(CyclosAdapter, RefusedCredentialsStopTheBatchWithNothingSent) {
  peer().add_user("H-1", "consumers", "H-1");
  peer().add_user("H-2", "consumers", "H-2");
  auto adapter = instance({{"access_client_token", std::string("not-the-token")}});
  auto results = adapter->credit({line("H-1", 100), line("H-2", 100)});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].outcome, Outcome::not_sent);
  EXPECT_THAT((*results)[0].message, HasSubstr("HTTP 401"));
  EXPECT_EQ((*results)[1].outcome, Outcome::not_sent);
  EXPECT_THAT((*results)[1].message, HasSubstr("not tried"));
  EXPECT_EQ(peer().request_count(RouteKind::search_users), 1u);
}

TEST_F(CyclosAdapter, ALoggedOutAnswerToThePaymentIsNotSent) {
  peer().add_user("H-1", "consumers", "H-1");
  auto adapter = instance();
  server_->fail_next(RouteKind::perform_payment, Fault::logged_out);
  auto results = adapter->credit({line("H-1", 100)});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].outcome, Outcome::not_sent);
  EXPECT_THAT((*results)[0].message, HasSubstr("loggedOut"));
  EXPECT_TRUE(peer().transfers().empty());
}

TEST_F(CyclosAdapter, ALineRefusedBeforeAnythingMovedIsSentAgainWithoutWaiting) {
  peer().add_user("H-1", "consumers", "H-1");
  auto adapter = instance();
  server_->fail_next(RouteKind::perform_payment, Fault::logged_out);
  ASSERT_EQ(adapter->credit({line("H-1", 100)})->at(0).outcome, Outcome::not_sent);
  EXPECT_EQ(adapter->status(operation("H-1"))->outcome, Outcome::not_sent);
  auto resent = adapter->credit({line("H-1", 100)});
  ASSERT_TRUE(resent.ok());
  EXPECT_EQ((*resent)[0].outcome, Outcome::succeeded) << (*resent)[0].message;
  EXPECT_EQ(peer().payments_with_operation(operation("H-1")), 1u);
}

TEST_F(CyclosAdapter, BasicAuthenticationWorksToo) {
  caisse::testing::cyclos::CyclosPeerOptions basic;
  basic.basic_user = "caisse";
  basic.basic_password = "s3cret";
  use_peer(basic);
  peer().add_user("H-1", "consumers", "H-1");
  auto adapter = instance({{"auth", std::string("basic")},
                           {"basic_user", std::string("caisse")},
                           {"basic_password", std::string("s3cret")}});
  EXPECT_EQ(adapter->credit({line("H-1", 100)})->at(0).outcome, Outcome::succeeded);
}

TEST_F(CyclosAdapter, AnUnreachableCyclosLeavesEveryLineNotSent) {
  auto adapter = instance({}, "http://127.0.0.1:" + std::to_string(caisse::testing::closed_port()));
  auto results = adapter->credit({line("H-1", 100), line("H-2", 100)});
  ASSERT_TRUE(results.ok());
  EXPECT_EQ((*results)[0].outcome, Outcome::not_sent);
  EXPECT_EQ((*results)[1].outcome, Outcome::not_sent);
  EXPECT_THAT((*results)[1].message, HasSubstr("not tried"));
}

TEST_F(CyclosAdapter, AConfigurationItCannotUseIsRefusedAtInit) {
  auto created = try_instance({{"auth", std::string("oauth")}});
  ASSERT_FALSE(created.ok());
  EXPECT_THAT(created.error().message, HasSubstr("auth must be \"access_client\" or \"basic\""));
  created = try_instance({{"accreditation", std::string("group")}});
  ASSERT_FALSE(created.ok());
  EXPECT_THAT(created.error().message, HasSubstr("needs accredited_group and suspended_group"));
}

TEST_F(CyclosAdapter, ListsPurchasesInThePeriodPageAfterPage) {
  const std::string h1 = peer().add_user("H-1", "consumers", "H-1");
  const std::string stranger = peer().add_user("Someone", "consumers");
  const std::string shop = peer().add_user("Epicerie", "merchants");
  for (int day = 1; day <= 25; ++day) {
    peer().add_member_payment(
        h1, shop, 100 + day,
        "2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "T10:00:00Z");
  }
  peer().add_member_payment(stranger, shop, 999, "2026-11-10T10:00:00Z");
  peer().add_member_payment(h1, shop, 777, "2026-12-01T00:00:00Z");  // outside the period
  auto adapter = instance(
      {{"purchase_transfer_types", std::string("user.toPro")}, {"page_size", std::int64_t{10}}});
  auto purchases = adapter->list_purchases(november_start(), december_start());
  ASSERT_TRUE(purchases.ok()) << purchases.error().message;
  ASSERT_EQ(purchases->size(), 26u);
  std::int64_t from_h1 = 0;
  for (const Purchase& p : *purchases) {
    EXPECT_EQ(p.merchant_ref, shop);
    EXPECT_EQ(p.amount.currency, "MNK");
    if (p.household_id == "H-1") from_h1 += p.amount.minor;
  }
  EXPECT_EQ(from_h1, 25 * 100 + 25 * 26 / 2);
  EXPECT_GE(peer().request_count(RouteKind::search_transfers), 3u);
}

TEST_F(CyclosAdapter, PurchasesAreNotListedWithoutTransferTypes) {
  auto adapter = instance();
  auto purchases = adapter->list_purchases(november_start(), december_start());
  ASSERT_FALSE(purchases.ok());
  EXPECT_THAT(purchases.error().message, HasSubstr("purchase_transfer_types"));
}

TEST_F(CyclosAdapter, SyncMovesOnlyTheMerchantsWhoseGroupDiffers) {
  const std::string kept = peer().add_user("Boulangerie", "merchants");
  const std::string back = peer().add_user("Primeur", "merchants_suspended");
  const std::string out = peer().add_user("Supermarché", "merchants");
  auto adapter = instance({{"accreditation", std::string("group")},
                           {"accredited_group", std::string("merchants")},
                           {"suspended_group", std::string("merchants_suspended")}});
  auto synced = adapter->sync_merchants({{"M-1", "Boulangerie", kept, true},
                                         {"M-2", "Primeur", back, true},
                                         {"M-3", "Supermarché", out, false}});
  ASSERT_TRUE(synced.ok()) << synced.error().message;
  EXPECT_EQ(peer().user_group(kept), "merchants");
  EXPECT_EQ(peer().user_group(back), "merchants");
  EXPECT_EQ(peer().user_group(out), "merchants_suspended");
  EXPECT_EQ(peer().request_count(RouteKind::change_group_membership), 2u);
}

TEST_F(CyclosAdapter, SyncNamesTheMerchantsLeftBehind) {
  const std::string shop = peer().add_user("Primeur", "merchants");
  auto adapter = instance({{"accreditation", std::string("status")}});
  auto synced =
      adapter->sync_merchants({{"M-1", "Primeur", shop, false}, {"M-2", "Ghost", "999999", true}});
  ASSERT_FALSE(synced.ok());
  EXPECT_THAT(synced.error().message, HasSubstr("1 of 2 merchants not in step with Cyclos: M-2"));
  EXPECT_EQ(peer().user_status(shop), "blocked");
}

}  // namespace
}  // namespace caisse::host::plugins
