#include "observability/metrics.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace caisse::host::observability {
namespace {

TEST(MetricsRegistry, RendersSmallRegistryExactly) {
  MetricsRegistry registry;
  registry.describe("caissed_http_requests_total", "HTTP requests answered.", MetricType::counter);
  registry.describe("caissed_plugins_loaded", "Plugins loaded.", MetricType::gauge);
  registry.counter_add("caissed_http_requests_total", {{"route", "/healthz"}, {"status", "200"}},
                       2);
  registry.counter_add("caissed_http_requests_total",
                       {{"route", "/api/v1/status"}, {"status", "401"}}, 1);
  registry.counter_add("caissed_http_requests_total", {{"route", "/healthz"}, {"status", "200"}},
                       3);
  registry.gauge_set("caissed_plugins_loaded", {}, 4);
  registry.gauge_set("caissed_plugins_loaded", {}, 3);

  EXPECT_EQ(registry.render(),
            "# HELP caissed_http_requests_total HTTP requests answered.\n"
            "# TYPE caissed_http_requests_total counter\n"
            "caissed_http_requests_total{route=\"/api/v1/status\",status=\"401\"} 1\n"
            "caissed_http_requests_total{route=\"/healthz\",status=\"200\"} 5\n"
            "# HELP caissed_plugins_loaded Plugins loaded.\n"
            "# TYPE caissed_plugins_loaded gauge\n"
            "caissed_plugins_loaded 3\n");
}

TEST(MetricsRegistry, EmptyRegistryRendersNothing) {
  MetricsRegistry registry;
  EXPECT_EQ(registry.render(), "");
}

TEST(MetricsRegistry, SortsFamiliesByNameAndSeriesByLabels) {
  MetricsRegistry registry;
  registry.gauge_set("zeta", {{"k", "b"}}, 1);
  registry.gauge_set("alpha", {}, 1);
  registry.gauge_set("zeta", {{"k", "a"}}, 2);
  registry.describe("zeta", "", MetricType::gauge);
  registry.describe("alpha", "", MetricType::gauge);

  EXPECT_EQ(registry.render(),
            "# HELP alpha\n# TYPE alpha gauge\nalpha 1\n"
            "# HELP zeta\n# TYPE zeta gauge\nzeta{k=\"a\"} 2\nzeta{k=\"b\"} 1\n");
}

TEST(MetricsRegistry, LabelOrderDoesNotMatterAndRendersSortedByName) {
  MetricsRegistry registry;
  registry.describe("events_total", "Events.", MetricType::counter);
  registry.counter_add("events_total", {{"name", "x"}, {"caisse", "c"}}, 1);
  registry.counter_add("events_total", {{"caisse", "c"}, {"name", "x"}}, 1);

  EXPECT_EQ(registry.render(),
            "# HELP events_total Events.\n# TYPE events_total counter\n"
            "events_total{caisse=\"c\",name=\"x\"} 2\n");
}

TEST(MetricsRegistry, EscapesLabelValuesAndHelp) {
  MetricsRegistry registry;
  registry.describe("m", "a \\ backslash\nand a \"quote\"", MetricType::gauge);
  registry.gauge_set("m", {{"v", "a\\b\"c\nd"}}, 1);

  EXPECT_EQ(registry.render(),
            "# HELP m a \\\\ backslash\\nand a \"quote\"\n"
            "# TYPE m gauge\n"
            "m{v=\"a\\\\b\\\"c\\nd\"} 1\n");
}

TEST(MetricsRegistry, UndescribedNameIsRenderedAsUntyped) {
  MetricsRegistry registry;
  registry.counter_add("forgotten_total", {{"k", "v"}}, 7);

  EXPECT_EQ(registry.render(), "# TYPE forgotten_total untyped\nforgotten_total{k=\"v\"} 7\n");
}

TEST(MetricsRegistry, DescribedButUnrecordedFamilyRendersHelpAndTypeOnly) {
  MetricsRegistry registry;
  registry.describe("caissed_plugin_events_total", "Events counted by plugin instances.",
                    MetricType::counter);

  EXPECT_EQ(registry.render(),
            "# HELP caissed_plugin_events_total Events counted by plugin instances.\n"
            "# TYPE caissed_plugin_events_total counter\n");
}

TEST(MetricsRegistry, NegativeCounterDeltaIsIgnored) {
  MetricsRegistry registry;
  registry.describe("c_total", "C.", MetricType::counter);
  registry.counter_add("c_total", {}, 5);
  registry.counter_add("c_total", {}, -3);
  registry.counter_add("c_total", {{"fresh", "series"}}, -1);

  EXPECT_EQ(registry.render(), "# HELP c_total C.\n# TYPE c_total counter\nc_total 5\n");
}

TEST(MetricsRegistry, GaugeCanGoDown) {
  MetricsRegistry registry;
  registry.describe("g", "G.", MetricType::gauge);
  registry.gauge_set("g", {}, 5);
  registry.gauge_set("g", {}, -2);

  EXPECT_EQ(registry.render(), "# HELP g G.\n# TYPE g gauge\ng -2\n");
}

TEST(MetricsRegistry, CounterSaturatesInsteadOfWrapping) {
  MetricsRegistry registry;
  registry.counter_add("big", {}, INT64_MAX - 1);
  registry.counter_add("big", {}, 10);

  EXPECT_EQ(registry.render(), "# TYPE big untyped\nbig 9223372036854775807\n");
}

TEST(MetricsRegistry, ConcurrentAddsAreAllCounted) {
  MetricsRegistry registry;
  registry.describe("hits_total", "Hits.", MetricType::counter);
  constexpr int kThreads = 8;
  constexpr int kAddsPerThread = 5000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&registry, t] {
      for (int i = 0; i < kAddsPerThread; ++i) {
        registry.counter_add("hits_total", {{"shared", "yes"}}, 1);
        registry.counter_add("hits_total", {{"thread", std::to_string(t % 2)}}, 2);
        if (i % 1000 == 0) (void)registry.render();
      }
    });
  }
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(registry.render(),
            "# HELP hits_total Hits.\n# TYPE hits_total counter\n"
            "hits_total{shared=\"yes\"} 40000\n"
            "hits_total{thread=\"0\"} 40000\n"
            "hits_total{thread=\"1\"} 40000\n");
}

}  // namespace
}  // namespace caisse::host::observability
