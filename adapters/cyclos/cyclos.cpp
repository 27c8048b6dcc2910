// cyclos: a CURRENCY adapter for Cyclos 4 (REST API, spec 4.16). It credits allocations from the
// system account with POST /system/payments, finds out what became of them with GET /transfers,
// opens or finds members by a custom field holding the household id, lists member-to-merchant
// payments, and moves merchants between groups as the committee accredits or suspends them.
// Every request goes through the host's HTTP client, so the instance's `http_allow` must list
// the Cyclos origin. README.md says what the operator needs and what this cannot do.
#include <caisse/sdk.hpp>

#include <array>
#include <span>
#include <string>
#include <vector>

#include "accreditation.hpp"
#include "allocations.hpp"
#include "cyclos_api.hpp"
#include "members.hpp"
#include "purchases.hpp"
#include "transfer_search.hpp"

namespace {

namespace sdk = caisse::sdk;
namespace cyclos = caisse::adapters::cyclos;

constexpr std::array cyclos_config{
    sdk::field::required(sdk::field::string(
        "base_url", nullptr, "The Cyclos API root, e.g. https://cyclos.example.org/network/api.")),
    sdk::field::string("auth", "access_client", "\"access_client\" or \"basic\"."),
    sdk::field::secret("access_client_token", "Access-Client-Token of the caisse's access client."),
    sdk::field::string("basic_user", "", "Login of the Cyclos user, for auth = \"basic\"."),
    sdk::field::secret("basic_password", "Its password, for auth = \"basic\"."),
    sdk::field::required(
        sdk::field::string("currency", nullptr, "The caisse currency code Cyclos holds (MNK).")),
    sdk::field::integer("decimal_digits", "2", "Decimals of that currency in Cyclos."),
    sdk::field::required(sdk::field::string("payment_type", nullptr,
                                            "System-to-member payment type, e.g. debit.toUser.")),
    sdk::field::required(sdk::field::string("household_field", nullptr,
                                            "User custom field holding the caissed household id.")),
    sdk::field::required(sdk::field::string("operation_field", nullptr,
                                            "Transaction custom field holding the operation id.")),
    sdk::field::string("member_group", "",
                       "Group to open missing member accounts in; empty: never open one."),
    sdk::field::integer("timeout_ms", "10000", "Deadline of one request to Cyclos."),
    sdk::field::integer("page_size", "100", "Results per page when searching transfers."),
    sdk::field::integer("lost_after_seconds", "900",
                        "A payment still not found this long after it was sent never arrived."),
    sdk::field::string("purchase_transfer_types", "",
                       "Member-to-merchant transfer types to list, comma-separated."),
    sdk::field::string("accreditation", "none", "\"group\", \"status\" or \"none\"."),
    sdk::field::string("accredited_group", "", "Group of accredited merchants (mode group)."),
    sdk::field::string("suspended_group", "", "Group of suspended merchants (mode group)."),
};

std::int64_t in_range(const sdk::Host& host, const char* key, std::int64_t low, std::int64_t high) {
  const auto value = host.config<std::int64_t>(key);
  if (value < low || value > high) {
    throw sdk::ConfigError(std::string(key) + " must be from " + std::to_string(low) + " to " +
                           std::to_string(high));
  }
  return value;
}

cyclos::Credentials credentials(const sdk::Host& host) {
  return {host.config<std::string>("auth"), host.config_string("access_client_token").value_or(""),
          host.config<std::string>("basic_user"),
          host.config_string("basic_password").value_or("")};
}

class Cyclos {
 public:
  explicit Cyclos(sdk::Host host)
      : host_(host),
        decimal_digits_(static_cast<int>(in_range(host, "decimal_digits", 0, 6))),
        api_(host, host.config<std::string>("base_url"), credentials(host),
             static_cast<std::uint32_t>(in_range(host, "timeout_ms", 100, 600000))),
        search_(api_, static_cast<int>(in_range(host, "page_size", 1, 1000))),
        members_(api_, host, host.config<std::string>("household_field"),
                 host.config<std::string>("member_group")),
        allocations_(
            api_, host, members_, search_,
            {host.config<std::string>("currency"), decimal_digits_,
             host.config<std::string>("payment_type"), host.config<std::string>("operation_field"),
             in_range(host, "lost_after_seconds", 60, 30 * 86400) * 1000}),
        purchases_{host.config<std::string>("purchase_transfer_types"),
                   host.config<std::string>("currency"), decimal_digits_},
        accreditation_{host.config<std::string>("accreditation"),
                       host.config<std::string>("accredited_group"),
                       host.config<std::string>("suspended_group")} {
    cyclos::check(accreditation_);
  }

  std::vector<sdk::OperationResult> credit(std::span<const sdk::CreditLine> lines) {
    return allocations_.credit(lines);
  }

  sdk::OperationResult status(std::string_view operation_id) {
    return allocations_.status(operation_id);
  }

  void list_purchases(std::int64_t from_ms, std::int64_t to_ms, const sdk::PurchaseSink& emit) {
    cyclos::list_purchases(search_, members_, purchases_, from_ms, to_ms, emit);
  }

  void sync_merchants(std::span<const sdk::Merchant> merchants) {
    cyclos::sync_merchants(api_, host_, accreditation_, merchants);
  }

 private:
  sdk::Host host_;
  int decimal_digits_;
  cyclos::CyclosApi api_;
  cyclos::TransferSearch search_;
  cyclos::Members members_;
  cyclos::Allocations allocations_;
  cyclos::PurchaseSettings purchases_;
  cyclos::AccreditationSettings accreditation_;
};

}  // namespace

CAISSE_PLUGIN(Cyclos, "cyclos", "1.0.0",
              "Cyclos 4: credits allocations, lists purchases, syncs merchant accreditation.",
              cyclos_config)
