// hello: the caissed tutorial plugin.
//
// A RULE plugin: every month the host asks it how much to credit each household, and it answers
// a flat amount per household member. Read it top to bottom; it shows every host service a
// plugin gets (configuration, logging, errors, key/value state, metrics). To start your own,
// copy this folder, rename the class and the "hello" string at the bottom (the name must match
// the .so file's), and build it with the CMakeLists.txt next to this file.
#include <caisse/sdk.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

// The configuration schema: what an operator may write in this plugin's `config` table. The
// host checks every instance's table against it before the plugin sees anything, fills in the
// defaults, and shows it with `caissectl plugin describe hello`.
constexpr std::array hello_config{
    caisse::sdk::field::integer("amount_per_person", "10000",
                                "Minor units credited each month per household member."),
    caisse::sdk::field::string("greeting", "Bonjour", "Logged once when an instance starts."),
};

// A ceiling that keeps amount × members far from int64 overflow (2^32 members at most).
constexpr std::int64_t max_amount_per_person = 100'000'000;

// One object per `[[plugin]]` block of one caisse: keep state here, never in globals, since two
// caisses may run two instances at the same time.
class Hello {
 public:
  // Shows init: read the validated configuration (defaults already applied), refuse a value the
  // schema cannot call wrong with a ConfigError, log once, and read state kept across restarts.
  explicit Hello(caisse::sdk::Host host)
      : host_(host),
        amount_per_person_(host.config<std::int64_t>("amount_per_person")),
        last_month_(host.kv_get("last_month").value_or("")) {
    if (amount_per_person_ < 0 || amount_per_person_ > max_amount_per_person) {
      throw caisse::sdk::ConfigError("amount_per_person must be between 0 and " +
                                     std::to_string(max_amount_per_person) + ", got " +
                                     std::to_string(amount_per_person_));
    }
    host_.info(host.config<std::string>("greeting") +
               " from hello: " + std::to_string(amount_per_person_) + " per person");
  }

  // Shows the RULE role: the same household always gets the same amount. Refusing an input is
  // a thrown StatusError; its message reaches the operator next to the household id.
  std::int64_t allocate(const caisse::sdk::AllocationInput& household) {
    const std::int64_t members = std::int64_t{household.adults} + household.children;
    if (members == 0) {
      throw caisse::sdk::StatusError(
          CAISSE_STATUS_INVALID_ARGUMENT,
          "household " + std::string(household.household_id) + " has no members");
    }
    host_.metric_add("allocations");
    remember(household.month);
    return amount_per_person_ * members;
  }

 private:
  // Shows key/value state: the host keeps it in PostgreSQL per caisse and instance. Writing only
  // when the month changes costs one write per cycle, not one per household.
  void remember(std::string_view month) {
    if (month == last_month_) return;
    host_.kv_put("last_month", month);
    host_.info("first allocation for " + std::string(month) + ", previous month was " +
               (last_month_.empty() ? std::string("none") : last_month_));
    last_month_ = month;
  }

  caisse::sdk::Host host_;
  std::int64_t amount_per_person_;
  std::string last_month_;
};

}  // namespace

// Registration, the only boilerplate: the class, its name (= the file name hello.so), version,
// one sentence for operators, and the schema. The role (RULE) is deduced from allocate().
CAISSE_PLUGIN(Hello, "hello", "1.0.0", "Tutorial rule: a flat monthly amount per household member.",
              hello_config)
