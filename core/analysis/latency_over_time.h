// Response times over the run, as a grid of counts: time (when the task ended) across, latency
// (log buckets, ten to a decade) up. What the latency heatmap draws, and what a run keeps of
// the timing of tasks beyond its sample budget. A grid never grows beyond kMaxColumns columns:
// when time runs past the last, neighbouring columns merge and the interval doubles, so a run
// of an hour costs no more than one of a second.
#pragma once

#include "core/engine/task_sample.h"

#include <array>
#include <cstdint>
#include <vector>

namespace conlab {

class LatencyOverTime {
public:
  static constexpr int kRowsPerDecade = 10;
  static constexpr double kLowestS = 1e-6;         // row 0 starts here (and holds anything faster)
  static constexpr int kRows = 9 * kRowsPerDecade; // 1 µs … 1,000 s; slower goes in the top row
  static constexpr std::size_t kMaxColumns = 256;
  static constexpr double kFirstIntervalS = 0.001; // 1 ms: a 256 ms run keeps it
  using Column = std::array<std::uint32_t, kRows>;

  void add(std::int64_t end_ns, std::int64_t latency_ns);
  void add_finished(const std::vector<TaskSample> &samples); // each finished one
  LatencyOverTime &operator+=(const LatencyOverTime &other);
  // Adds `other`'s counts as if its clock started `shift_ns` after this one's: each of its
  // columns lands in the column that holds its middle (the parts of a load run on several
  // machines, whose clocks started apart).
  void add_shifted(const LatencyOverTime &other, std::int64_t shift_ns);

  bool empty() const { return m_total == 0; }
  std::uint64_t total() const { return m_total; }
  double interval_s() const { return m_interval_s; }
  // Column c spans [c · interval, (c + 1) · interval) s of the run's clock.
  const std::vector<Column> &columns() const { return m_columns; }
  static double row_lower_s(int row); // row's latency range: [lower(row), lower(row + 1))
  static int row_of(double latency_s);

  // Merges neighbouring columns until they are at least `interval_s` wide (grids of several
  // runs drawn on one colour scale must count over the same time per cell).
  void widen_to(double interval_s);

  // Rebuilt from a results file: the interval and the counts as they were.
  void restore(double interval_s, std::vector<Column> columns);

private:
  void widen_until(std::size_t column);
  void merge_pairs(); // halves the columns, doubling the interval

  double m_interval_s = kFirstIntervalS;
  std::vector<Column> m_columns;
  std::uint64_t m_total = 0;
};

} // namespace conlab
