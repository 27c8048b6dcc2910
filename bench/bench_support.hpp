// What the standalone money-in benchmarks (statement_bench, pain008_bench) share: stopping with
// a message, unwrapping a Result, the process's peak memory, and a clock that prints one row
// per phase: wall seconds, items per second, peak RSS (VmHWM) after the phase.
#pragma once

#include <errno.h>  // program_invocation_short_name (glibc)

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/result.hpp"

namespace caisse::bench {

[[noreturn]] inline void stop(const std::string& what) {
  std::cerr << program_invocation_short_name << ": " << what << "\n";
  std::exit(1);
}

template <class T>
T must(Result<T> result, const std::string& what) {
  if (!result) stop(what + ": " + result.error().message);
  if constexpr (!std::is_void_v<T>) return std::move(result.value());
}

// One "Name:   123 kB" field of /proc/self/status, in KiB (0 when absent).
inline long proc_status_kib(std::string_view field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.size() > field.size() && line.compare(0, field.size(), field) == 0 &&
        line[field.size()] == ':') {
      return std::strtol(line.c_str() + field.size() + 1, nullptr, 10);
    }
  }
  return 0;
}

inline double peak_rss_mib() {
  return static_cast<double>(proc_status_kib("VmHWM")) / 1024.0;
}

// Times phases one after the other. A phase's body returns how many items it went through
// (lines, debits); 0 prints no rate.
class PhaseClock {
 public:
  explicit PhaseClock(const char* items) {
    std::printf("%-8s %9s %12s %14s\n", "phase", "seconds", items, "peak RSS MiB");
  }
  template <class Body>
  double run(const char* name, Body&& body) {
    const auto start = std::chrono::steady_clock::now();
    const std::size_t items = body();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double rate = items > 0 && seconds > 0 ? static_cast<double>(items) / seconds : 0;
    std::printf("%-8s %9.2f %12.0f %14.1f\n", name, seconds, rate, peak_rss_mib());
    std::fflush(stdout);
    return seconds;
  }
};

}  // namespace caisse::bench
