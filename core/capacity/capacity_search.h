// The highest arrival rate that meets an SLO. The search grows the open-load rate (×2) until the
// SLO breaks, then bisects between the last rate that met it and the first that did not, with
// several runs at each rate near the boundary; it stops cleanly at any of its limits with the
// best answer so far. What a run is (the lab's own variant, a real server over HTTP, or the
// simulator) is the caller's: a function from a rate to one run's outcome.
#pragma once

#include "core/capacity/slo.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace conlab {

struct CapacityLimits {
  double start_rate_per_s = 10; // the lowest rate tried; missing the SLO there is an outcome
  double max_rate_per_s = 100'000;
  double max_total_s = 600;      // the whole search, estimated before each run
  int runs_per_step = 3;         // at each rate near the boundary; the median decides
  double precision = 0.05;       // stop bisecting when (breaking − meeting) / breaking is below
  double run_duration_s = 5;     // each run sends for at least this long…
  std::int64_t min_requests = 0; // …at least this many requests (0: fewest_requests(slo))…
  // …and at least ten times the SLO's limit (see run_duration_s()), but never longer than this.
  double max_run_duration_s = 60;
};

// One run at one rate.
struct CapacityRun {
  double rate_per_s = 0; // asked
  double duration_s = 0; // of sending
  std::int64_t requests = 0;
  double value_s = 0; // the SLO's metric (infinity when too many requests failed)
  // The requests due late in the run waited clearly longer than those due in its middle: the
  // rate is past what the target can sustain, whatever this run's percentile says.
  bool queue_growing = false;
  bool met = false;
  std::uint64_t failed = 0;                    // not answered well
  double achieved_rate_per_s = 0;              // sent per second
  double send_lag_p99_s = 0;                   // HTTP: how late the generator sent, p99
  std::vector<std::string> generator_warnings; // the generator, not the target, may have limited it
  double wall_s = 0;                           // how long the run took, settling included
};

enum class CapacityOutcome {
  found,               // met at `capacity`, broken at `breaking`
  misses_at_lowest,    // broken at the start rate already: no capacity
  generator_saturated, // the generator could not send the rate; the target met the SLO up to it
  meets_at_max_rate,   // still met at max_rate_per_s: the capacity is at least that
  time_budget,         // stopped by max_total_s: the best so far
  cancelled,           // stopped by the caller: the best so far
  failed,              // a run could not be made (see `error`)
};

struct CapacitySearch {
  Slo slo;
  CapacityLimits limits;
  CapacityOutcome outcome = CapacityOutcome::found;
  std::optional<double> capacity_per_s; // the highest rate whose runs met the SLO
  std::optional<double> breaking_per_s; // the lowest rate above it whose runs did not
  std::vector<CapacityRun> runs;        // in the order they ran
  double total_s = 0;
  std::string error; // outcome failed
};

// The median of the runs at `rate` (their SLO value), and how many there were.
struct RateVerdict {
  double rate_per_s = 0;
  double median_value_s = 0;
  int runs = 0;
  bool met = false;
  bool queue_growing = false; // it missed, and most of its runs' queues kept growing
};
std::vector<RateVerdict> verdicts_by_rate(const CapacitySearch &search); // ascending by rate

// How long a run at `rate` sends under `limits`: the longest of run_duration_s, the time for
// min_requests, and ten times the SLO's limit; at most max_run_duration_s.
double run_duration_s(const Slo &slo, const CapacityLimits &limits, double rate_per_s);

// One run at a rate: fills every field but `met` (the search decides that from value_s and
// queue_growing). May
// throw std::runtime_error, which ends the search as `failed` with what was found so far.
using CapacityProbe = std::function<CapacityRun(double rate_per_s, double duration_s)>;

// Problems with the limits, each naming its flag ("--max-rate: ..."); empty when they are fine.
std::vector<std::string> check_limits(const CapacityLimits &limits);

CapacitySearch search_capacity(const Slo &slo, const CapacityLimits &limits,
                               const CapacityProbe &probe, std::stop_token stop = {},
                               const std::function<void(const CapacityRun &)> &on_run = {});

// One sentence: "the highest rate that keeps p99<200ms is 1,450 req/s (between 1,450 and
// 1,520 req/s; 14 runs in 2 min)", or what kept the search from a capacity.
std::string describe_capacity(const CapacitySearch &search);

const char *to_string(CapacityOutcome outcome);
std::optional<CapacityOutcome> capacity_outcome_from_string(std::string_view text);

} // namespace conlab
