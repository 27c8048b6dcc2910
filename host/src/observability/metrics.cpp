#include "observability/metrics.hpp"

#include <algorithm>
#include <limits>

namespace caisse::host::observability {
namespace {

// A series is keyed by its labels sorted by name, whatever order the caller gave.
Labels sorted(const Labels& labels) {
  Labels out = labels;
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

// Counters saturate instead of wrapping: a wrapped counter would look like a restart.
std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) {
    return b > 0 ? std::numeric_limits<std::int64_t>::max()
                 : std::numeric_limits<std::int64_t>::min();
  }
  return sum;
}

void append_escaped_help(std::string& out, const std::string& help) {
  for (char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
}

void append_escaped_label_value(std::string& out, const std::string& value) {
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
}

const char* type_name(MetricType type) {
  return type == MetricType::counter ? "counter" : "gauge";
}

}  // namespace

void MetricsRegistry::describe(const std::string& name, const std::string& help, MetricType type) {
  std::lock_guard lock(mutex_);
  Family& family = families_[name];
  family.help = help;
  family.type = type;
  family.described = true;
}

void MetricsRegistry::counter_add(const std::string& name, const Labels& labels,
                                  std::int64_t delta) {
  if (delta < 0) return;  // counters never go down
  Labels key = sorted(labels);
  std::lock_guard lock(mutex_);
  std::int64_t& value = families_[name].series[std::move(key)];
  value = saturating_add(value, delta);
}

void MetricsRegistry::gauge_set(const std::string& name, const Labels& labels, std::int64_t value) {
  Labels key = sorted(labels);
  std::lock_guard lock(mutex_);
  families_[name].series[std::move(key)] = value;
}

std::string MetricsRegistry::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& [name, family] : families_) {
    if (family.described) {
      out += "# HELP " + name;
      if (!family.help.empty()) out += ' ';
      append_escaped_help(out, family.help);
      out += '\n';
    }
    out += "# TYPE " + name + ' ' + (family.described ? type_name(family.type) : "untyped") + '\n';
    for (const auto& [labels, value] : family.series) {
      out += name;
      if (!labels.empty()) {
        out += '{';
        bool first = true;
        for (const auto& [label, label_value] : labels) {
          if (!first) out += ',';
          first = false;
          out += label + "=\"";
          append_escaped_label_value(out, label_value);
          out += '"';
        }
        out += '}';
      }
      out += ' ' + std::to_string(value) + '\n';
    }
  }
  return out;
}

}  // namespace caisse::host::observability
