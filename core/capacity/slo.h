// A service-level objective on response time, as capacity reviews state it: `p99<200ms`,
// `p99.9<1s`, `p50<=20ms`, `mean<50ms`. The lab's capacity is the highest arrival rate that
// still meets one.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace conlab {

struct Slo {
  bool mean = false;   // the mean response time, instead of a percentile
  double quantile = 0; // 0.99 for p99 (when !mean)
  double limit_s = 0;  // must stay below this
  std::string text;    // as written, normalised: "p99<200ms"

  // "p99", "p99.9", "mean".
  std::string metric() const;
};

// nullopt, with `error` saying what is wrong, for anything else than
// (pNN[.N]|mean) (<|<=) NUMBER (us|µs|ms|s), spaces allowed.
std::optional<Slo> parse_slo(std::string_view text, std::string &error);

// The SLO's metric over one run: the response times of the answered requests (in any order)
// and how many requests were not answered well (failed, timed out, or answered with an error
// status when `answered` includes them). An unanswered request counts as infinitely slow, so a
// run with more failures than the percentile allows misses any SLO; the mean of a run with one
// failure is infinite. Infinity for a run with no requests at all.
double slo_value(const Slo &slo, std::span<const double> answered_s, std::uint64_t unanswered);

inline bool meets(const Slo &slo, double value_s) { return value_s < slo.limit_s; }

// The fewest requests a run needs for its percentile to be more than its maximum: 2 / (1 − q)
// (200 for p99), and 50 for the mean.
std::int64_t fewest_requests(const Slo &slo);

} // namespace conlab
