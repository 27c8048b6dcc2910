// Counters and gauges the daemon exposes on GET /metrics, rendered in the Prometheus text
// exposition format 0.0.4. One registry per daemon, passed to whoever records; every member
// function is safe to call from any thread.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace caisse::host::observability {

enum class MetricType { counter, gauge };

// Label name/value pairs of one series. The order given does not matter: a series is identified
// by its labels sorted by name, so {a,b} and {b,a} address the same series. Metric and label
// names are written as given: callers use Prometheus names ([a-zA-Z_:][a-zA-Z0-9_:]*, labels
// without ':') and each label name once per series. Label values may be any text.
using Labels = std::vector<std::pair<std::string, std::string>>;

class MetricsRegistry {
 public:
  // Declares a family's help text and type. Describing again replaces both. Series recorded
  // before the description keep their values.
  void describe(const std::string& name, const std::string& help, MetricType type);

  // Adds delta to a counter series, creating it at 0. Counters never go down: a negative delta
  // is ignored. A name never described is still rendered, as `# TYPE name untyped` with no
  // HELP line, so a forgotten describe() shows up instead of losing data.
  void counter_add(const std::string& name, const Labels& labels, std::int64_t delta);

  // Sets a gauge series to value, creating it. Undescribed names render as untyped, as above.
  void gauge_set(const std::string& name, const Labels& labels, std::int64_t value);

  // The whole registry in text format 0.0.4: for each family, sorted by name, `# HELP` (when
  // described), `# TYPE`, then one line per series sorted by labels. Label values escape
  // backslash, double quote and newline; help text escapes backslash and newline. Families
  // described but never recorded print only their HELP and TYPE lines.
  std::string render() const;

 private:
  struct Family {
    std::string help;
    bool described = false;
    MetricType type = MetricType::counter;
    std::map<Labels, std::int64_t> series;  // labels sorted by name
  };

  mutable std::mutex mutex_;
  std::map<std::string, Family> families_;
};

}  // namespace caisse::host::observability
