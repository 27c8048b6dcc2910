// A CURRENCY plugin with the optional ABI 1.3 hooks, whose backend is two plain files, so a test
// can put purchases on one side of the boundary and read what the host pushed on the other:
//   list_purchases reads `purchases_file`, one purchase a line,
//     external_ref;household_id;merchant_ref;amount_minor;currency;paid_at_ms
//   and hands over those paid in [from_ms, to_ms);
//   sync_merchants writes the list it received to `synced_file` (replacing it), one a line,
//     merchant_id;name;backend_ref;yes|no
// `fail = "list"` makes a listing fail after handing over its first purchase, `fail = "sync"`
// makes a push fail, both as an unreachable backend does (UNAVAILABLE).
#include <caisse/sdk.hpp>

#include <array>
#include <fstream>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace sdk = caisse::sdk;

constexpr std::array merchant_currency_config{
    sdk::field::string("purchases_file", "", "Purchases to list, one per line."),
    sdk::field::string("synced_file", "", "Where the pushed merchant list is written."),
    sdk::field::string("fail", "",
                       "\"list\" or \"sync\": that hook fails; \"unsupported\": both answer "
                       "UNSUPPORTED, as a plugin configured without them does."),
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ';')) fields.push_back(field);
  if (!line.empty() && line.back() == ';') fields.emplace_back();
  return fields;
}

class MerchantCurrency {
 public:
  explicit MerchantCurrency(sdk::Host host)
      : purchases_file_(host.config<std::string>("purchases_file")),
        synced_file_(host.config<std::string>("synced_file")),
        fail_(host.config<std::string>("fail")) {}

  std::vector<sdk::OperationResult> credit(std::span<const sdk::CreditLine> lines) {
    return std::vector<sdk::OperationResult>(lines.size(),
                                             {sdk::Outcome::declined, "", "test backend"});
  }

  sdk::OperationResult status(std::string_view) {
    return {sdk::Outcome::not_sent, "", "test backend"};
  }

  void list_purchases(std::int64_t from_ms, std::int64_t to_ms, const sdk::PurchaseSink& emit) {
    refuse_if_unsupported();
    std::ifstream in(purchases_file_);
    std::string line;
    std::size_t handed = 0;
    while (std::getline(in, line)) {
      const std::vector<std::string> f = split(line);
      if (f.size() != 6) throw sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT, "bad line " + line);
      sdk::Purchase purchase{f[0], f[1], f[2], std::stoll(f[3]), f[4], std::stoll(f[5])};
      if (purchase.paid_at_ms < from_ms || purchase.paid_at_ms >= to_ms) continue;
      if (fail_ == "list" && handed == 1) {
        throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE, "backend lost after 1 purchase");
      }
      emit(purchase);
      ++handed;
    }
  }

  void sync_merchants(std::span<const sdk::Merchant> merchants) {
    refuse_if_unsupported();
    if (fail_ == "sync") {
      throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE, "backend refused the merchant list");
    }
    std::ofstream out(synced_file_, std::ios::trunc);
    for (const sdk::Merchant& m : merchants) {
      out << m.merchant_id << ';' << m.name << ';' << m.backend_ref << ';'
          << (m.accredited ? "yes" : "no") << '\n';
    }
  }

 private:
  void refuse_if_unsupported() const {
    if (fail_ == "unsupported") {
      throw sdk::StatusError(CAISSE_STATUS_UNSUPPORTED, "not configured for this");
    }
  }

  std::string purchases_file_;
  std::string synced_file_;
  std::string fail_;
};

}  // namespace

CAISSE_PLUGIN(MerchantCurrency, "merchant_currency", "0.0.1",
              "Test backend: purchases from a file, merchant list pushed to a file.",
              merchant_currency_config)
