#include "core/analysis/interval_histograms.h"

#include <bit>
#include <stdexcept>

namespace conlab {

LatencyHistogram &IntervalHistograms::at(std::int64_t offset_ns) {
  auto index = static_cast<std::size_t>(std::max<std::int64_t>(offset_ns, 0) / m_interval_ns);
  while (index >= kMaxIntervals) {
    merge_pairs();
    index /= 2;
  }
  if (index >= m_intervals.size())
    m_intervals.resize(index + 1);
  return m_intervals[index];
}

void IntervalHistograms::add(std::int64_t end_ns, std::int64_t latency_ns) {
  at(end_ns - m_origin_ns).add(latency_ns);
}

void IntervalHistograms::add_finished(std::span<const TaskSample> samples) {
  for (const TaskSample &t : samples)
    if (t.finished() && t.submitted() && !t.failed)
      add(t.end_ns, t.response_ns());
}

void IntervalHistograms::merge_pairs() {
  std::vector<LatencyHistogram> merged((m_intervals.size() + 1) / 2);
  for (std::size_t i = 0; i < m_intervals.size(); ++i)
    merged[i / 2] += m_intervals[i];
  m_intervals = std::move(merged);
  m_interval_ns *= 2;
}

void IntervalHistograms::widen_to(std::int64_t interval_ns) {
  while (m_interval_ns < interval_ns)
    merge_pairs();
}

void IntervalHistograms::add_shifted(const IntervalHistograms &other, std::int64_t shift_ns) {
  widen_to(other.m_interval_ns);
  const std::int64_t base = shift_ns + other.m_origin_ns - m_origin_ns;
  for (std::size_t i = 0; i < other.m_intervals.size(); ++i)
    if (other.m_intervals[i].count() > 0)
      at(base + static_cast<std::int64_t>(i) * other.m_interval_ns) += other.m_intervals[i];
}

LatencyHistogram IntervalHistograms::total() const {
  LatencyHistogram sum;
  for (const LatencyHistogram &h : m_intervals)
    sum += h;
  return sum;
}

std::uint64_t IntervalHistograms::count() const {
  std::uint64_t n = 0;
  for (const LatencyHistogram &h : m_intervals)
    n += h.count();
  return n;
}

void IntervalHistograms::restore(std::int64_t origin_ns, std::int64_t interval_ns,
                                 std::vector<LatencyHistogram> intervals) {
  const std::int64_t ratio = interval_ns / kFirstIntervalNs;
  if (interval_ns % kFirstIntervalNs != 0 || ratio < 1 ||
      !std::has_single_bit(static_cast<std::uint64_t>(ratio)))
    throw std::invalid_argument("must be 1 s times a power of two");
  if (intervals.size() > kMaxIntervals)
    throw std::invalid_argument("has more than " + std::to_string(kMaxIntervals) + " intervals");
  m_origin_ns = origin_ns;
  m_interval_ns = interval_ns;
  m_intervals = std::move(intervals);
}

} // namespace conlab
