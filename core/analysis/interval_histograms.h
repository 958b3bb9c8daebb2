// Response times by the interval of the run they ended in, a LatencyHistogram per interval
// (what HdrHistogram's interval logs keep): every percentile of every second to 3 significant
// digits, for any number of requests. Unlike the latency grid over time, whose cells are tenths
// of a decade, these merge into exact percentiles: the parts of a load run by several
// generators (load --shard I/N) join by adding the histograms of each interval, never by
// averaging percentiles.
//
// Intervals start at an origin on the run's clock: the time the load was to begin, which the
// generators of one load agree on (--start-at), so that their intervals line up. A run never
// keeps more than kMaxIntervals of them: when time runs past the last, neighbouring intervals
// merge and the width doubles, so an hour's run costs as much as four minutes'.
#pragma once

#include "core/analysis/latency_histogram.h"
#include "core/engine/task_sample.h"

#include <cstdint>
#include <span>
#include <vector>

namespace conlab {

class IntervalHistograms {
public:
  static constexpr std::int64_t kFirstIntervalNs = 1'000'000'000; // 1 s, as wrk2 and k6 report
  static constexpr std::size_t kMaxIntervals = 256;

  explicit IntervalHistograms(std::int64_t origin_ns = 0) : m_origin_ns(origin_ns) {}

  // A value that ended before the origin counts in the first interval.
  void add(std::int64_t end_ns, std::int64_t latency_ns);
  void add_finished(std::span<const TaskSample> samples); // each finished, submitted one
  // Adds `other`'s intervals as if its origin lay `shift_ns` after this one's. Counts are exact;
  // when the shift is not a whole number of intervals, each of other's lands in the interval its
  // start falls in.
  void add_shifted(const IntervalHistograms &other, std::int64_t shift_ns);

  std::int64_t origin_ns() const { return m_origin_ns; }
  std::int64_t interval_ns() const { return m_interval_ns; }
  double interval_s() const { return static_cast<double>(m_interval_ns) * 1e-9; }
  // Interval i spans [origin + i · width, origin + (i + 1) · width) on the run's clock.
  const std::vector<LatencyHistogram> &intervals() const { return m_intervals; }
  LatencyHistogram total() const;
  std::uint64_t count() const;

  // Rebuilt from a results file. Throws std::invalid_argument when the width is not 1 s times a
  // power of two, or there are too many intervals.
  void restore(std::int64_t origin_ns, std::int64_t interval_ns,
               std::vector<LatencyHistogram> intervals);

private:
  void widen_to(std::int64_t interval_ns);
  void merge_pairs(); // halves the intervals, doubling the width
  LatencyHistogram &at(std::int64_t offset_ns);

  std::int64_t m_origin_ns;
  std::int64_t m_interval_ns = kFirstIntervalNs;
  std::vector<LatencyHistogram> m_intervals;
};

} // namespace conlab
