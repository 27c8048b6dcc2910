// The cycle's view of the registry: households active in a month, in batches ordered by id.
#include "registry/household_source.hpp"

#include "registry_fixture.hpp"

namespace caisse::host::registry {
namespace {

class registry_household_source : public RegistryTest {
 protected:
  std::vector<cycle::Household> all(Month month, std::size_t batch_size,
                                    std::vector<std::size_t>* sizes = nullptr) {
    RegistryHouseholdSource source(db(), "nantes-ouest");
    std::vector<cycle::Household> out;
    auto done = source.for_each_batch(month, batch_size, [&](const auto& batch) {
      if (sizes) sizes->push_back(batch.size());
      out.insert(out.end(), batch.begin(), batch.end());
      return Result<void>{};
    });
    EXPECT_TRUE(done) << done.error().message;
    return out;
  }

  std::string ids(const std::vector<cycle::Household>& households) {
    std::string out;
    for (const auto& h : households) out += (out.empty() ? "" : " ") + h.id;
    return out;
  }
};

TEST_F(registry_household_source, AHouseholdTakesPartFromItsJoiningMonthToItsLeavingMonth) {
  // H-001 joined 2026-01-15; H-002 2026-02-01 and left 2026-10-31; H-003 joined 2026-11-30.
  must_import(ImportKind::households, kHouseholds);
  RegistryHouseholdSource source(db(), "nantes-ouest");
  EXPECT_EQ(*source.count(Month{2025, 12}), 0u);
  EXPECT_EQ(ids(all(Month{2026, 1}, 10)), "H-001");  // joined mid-month: in
  EXPECT_EQ(ids(all(Month{2026, 2}, 10)), "H-001 H-002");
  EXPECT_EQ(ids(all(Month{2026, 10}, 10)), "H-001 H-002");  // left on the last day: in
  EXPECT_EQ(ids(all(Month{2026, 11}, 10)), "H-001 H-003");  // joined on the last day: in
  EXPECT_EQ(*source.count(Month{2026, 11}), 2u);
  auto november = all(Month{2026, 11}, 10);
  ASSERT_EQ(november.size(), 2u);
  EXPECT_EQ(november[1].adults, 1u);
  EXPECT_EQ(november[1].children, 2u);
}

TEST_F(registry_household_source, ReadsTwelveHundredHouseholdsInBatchesOrderedById) {
  std::string file = "household_id,adults,children,joined_via,joined_on,left_on\n";
  for (int i = 1200; i >= 1; --i) {  // written in reverse: the order comes from the source
    char id[16];
    std::snprintf(id, sizeof id, "F-%04d", i);
    // Every tenth household left in October 2026.
    file += std::string(id) + "," + std::to_string(1 + i % 3) + "," + std::to_string(i % 4) +
            ",self,2026-01-01," + (i % 10 == 0 ? "2026-10-15" : "") + "\n";
  }
  auto report = must_import(ImportKind::households, file);
  ASSERT_EQ(report.inserted, 1200u);
  // Another caisse's households never show up.
  must_import(ImportKind::households, kHouseholds, retz_);

  RegistryHouseholdSource source(db(), "nantes-ouest");
  EXPECT_EQ(*source.count(Month{2026, 10}), 1200u);
  EXPECT_EQ(*source.count(Month{2026, 11}), 1080u);

  std::vector<std::size_t> sizes;
  auto october = all(Month{2026, 10}, 500, &sizes);
  EXPECT_EQ(sizes, (std::vector<std::size_t>{500, 500, 200}));
  ASSERT_EQ(october.size(), 1200u);
  EXPECT_EQ(october.front().id, "F-0001");
  EXPECT_EQ(october.back().id, "F-1200");
  EXPECT_TRUE(std::is_sorted(october.begin(), october.end(),
                             [](const auto& a, const auto& b) { return a.id < b.id; }));
  EXPECT_EQ(october[6].id, "F-0007");  // 7 % 3 = 1 -> 2 adults, 7 % 4 = 3 children
  EXPECT_EQ(october[6].adults, 2u);
  EXPECT_EQ(october[6].children, 3u);

  sizes.clear();
  auto november = all(Month{2026, 11}, 1080, &sizes);
  EXPECT_EQ(sizes, (std::vector<std::size_t>{1080}));  // a full last batch, then none
  EXPECT_EQ(november.size(), 1080u);
  for (const auto& h : november) EXPECT_NE(h.id.back(), '0') << h.id;
}

TEST_F(registry_household_source, StopsAtTheFirstErrorOfTheCallback) {
  must_import(ImportKind::households, kHouseholds);
  RegistryHouseholdSource source(db(), "nantes-ouest");
  int calls = 0;
  auto done = source.for_each_batch(Month{2026, 11}, 1, [&](const auto&) {
    ++calls;
    return Result<void>(make_error("stop"));
  });
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().message, "stop");
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace caisse::host::registry
