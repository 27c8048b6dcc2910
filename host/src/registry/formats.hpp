// The CSV formats of the registry, shared by import and export so that they cannot drift apart
// (docs/registry.md describes them for operators). Internal to caisse_registry.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caisse::host::registry::format {

// Amounts of the registry are euros with two decimals.
constexpr const char* kEuro = "EUR";
constexpr int kEuroMinorUnit = 2;

// Every column is required in the header (its cells may be empty where the format says so):
// a file that leaves one out is refused rather than read as "all empty".
inline const std::vector<std::string> kHouseholdColumns = {"household_id", "adults",    "children",
                                                           "joined_via",   "joined_on", "left_on"};
inline const std::vector<std::string> kMemberColumns = {"member_id", "household_id", "name",
                                                        "email", "iban"};
inline const std::vector<std::string> kMemberColumnsWithoutPersonalData = {"member_id",
                                                                           "household_id"};
inline const std::vector<std::string> kContributionColumns = {"household_id", "amount", "method",
                                                              "lock_in_months", "from"};
inline const std::vector<std::string> kFunderColumns = {"funder_id", "name",           "kind",
                                                        "earmark",   "pledged_amount", "note"};
inline const std::vector<std::string> kReceiptColumns = {"reference",    "date",      "source",
                                                         "household_id", "funder_id", "amount"};
// merchants.csv has these, then one optional column "ref:<instance>" per currency instance of
// the caisse: how that backend knows the merchant. A ref column left out of the file leaves that
// instance's references as they are, so no column can be erased by omission.
inline const std::vector<std::string> kMerchantColumns = {"merchant_id", "name", "accredited"};
// Optional too, for the same reason: whether purchases at the merchant earn a bonus (yes or no,
// docs/bonus.md). A file without it leaves every merchant's flag as it is; a new merchant
// starts without.
constexpr std::string_view kMerchantBonusColumn = "bonus";
// Optional as well (docs/conventionnement.md): what kind of place it is, where, and the
// onboarding checklist, each step yes or no. A file without one of these columns leaves it as it
// is; a new merchant starts as a shop, with no location, and every step done (a caisse that does
// not track onboarding keeps paying its merchants as before).
constexpr std::string_view kMerchantKindColumn = "kind";
constexpr std::string_view kMerchantLocationColumn = "location";
inline const std::vector<std::string_view> kMerchantOnboardingColumns = {
    "account_opened", "documents_received", "qr_issued"};
inline const std::vector<std::string_view> kMerchantKinds = {
    "shop", "producer", "market_stall", "amap", "cooperative_grocery", "supermarket"};
constexpr std::string_view kMerchantRefPrefix = "ref:";

inline const std::vector<std::string_view> kJoinedVia = {"self",           "association", "ccas",
                                                         "social_service", "lottery",     "other"};
inline const std::vector<std::string_view> kMethods = {"card", "sepa_debit", "transfer", "cash"};
inline const std::vector<std::string_view> kFunderKinds = {"public", "private", "foundation",
                                                           "other"};
inline const std::vector<std::string_view> kEarmarks = {"allocations", "operations"};
inline const std::vector<std::string_view> kReceiptSources = {"contribution", "grant"};
inline const std::vector<std::string_view> kAccredited = {"yes", "no"};

constexpr int kMaxPeople = 99;         // adults or children in one household
constexpr int kMaxLockInMonths = 120;  // ten years
constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxReferenceLength = 100;
constexpr std::size_t kMaxBackendRefLength = 100;  // a merchant's ref:<instance> cell
constexpr std::size_t kMaxTextLength = 500;        // names, notes

}  // namespace caisse::host::registry::format
