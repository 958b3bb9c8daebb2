#include "core/analysis/latency_over_time.h"

#include <algorithm>
#include <cmath>

namespace conlab {

// Hand-written rather than a Boost.Histogram: its growing axis adds bins of the same width, and
// here the number of columns must stay bounded however long the run, so the bins widen instead.

int LatencyOverTime::row_of(double latency_s) {
  if (!(latency_s > kLowestS))
    return 0;
  const int row = static_cast<int>(std::floor(std::log10(latency_s / kLowestS) * kRowsPerDecade));
  return std::clamp(row, 0, kRows - 1);
}

double LatencyOverTime::row_lower_s(int row) {
  return kLowestS * std::pow(10.0, static_cast<double>(row) / kRowsPerDecade);
}

void LatencyOverTime::merge_pairs() {
  std::vector<Column> merged((m_columns.size() + 1) / 2, Column{});
  for (std::size_t c = 0; c < m_columns.size(); ++c)
    for (int r = 0; r < kRows; ++r)
      merged[c / 2][r] += m_columns[c][r];
  m_columns = std::move(merged);
  m_interval_s *= 2;
}

void LatencyOverTime::widen_to(double interval_s) {
  while (m_interval_s * (1 + 1e-9) < interval_s)
    merge_pairs();
}

void LatencyOverTime::widen_until(std::size_t column) {
  while (column >= kMaxColumns) {
    merge_pairs();
    column /= 2;
  }
  if (column >= m_columns.size())
    m_columns.resize(column + 1, Column{});
}

void LatencyOverTime::add(std::int64_t end_ns, std::int64_t latency_ns) {
  const double end_s = std::max<double>(0, static_cast<double>(end_ns) * 1e-9);
  auto column = static_cast<std::size_t>(end_s / m_interval_s);
  if (column >= m_columns.size()) {
    widen_until(column);
    column = std::min(static_cast<std::size_t>(end_s / m_interval_s), m_columns.size() - 1);
  }
  ++m_columns[column][row_of(static_cast<double>(latency_ns) * 1e-9)];
  ++m_total;
}

void LatencyOverTime::add_finished(const std::vector<TaskSample> &samples) {
  std::int64_t last_end = -1;
  for (const TaskSample &t : samples)
    last_end = std::max(last_end, t.end_ns);
  if (last_end >= 0) // widen once for the whole run instead of on the way
    widen_until(static_cast<std::size_t>(static_cast<double>(last_end) * 1e-9 / m_interval_s));
  for (const TaskSample &t : samples)
    if (t.finished() && t.submitted())
      add(t.end_ns, t.response_ns());
}

LatencyOverTime &LatencyOverTime::operator+=(const LatencyOverTime &other) {
  if (other.empty())
    return *this;
  // Bring both to the wider interval, then add column by column.
  LatencyOverTime rhs = other;
  while (rhs.m_interval_s < m_interval_s)
    rhs.widen_until(std::max<std::size_t>(rhs.m_columns.size(), kMaxColumns));
  while (m_interval_s < rhs.m_interval_s)
    widen_until(std::max<std::size_t>(m_columns.size(), kMaxColumns));
  if (rhs.m_columns.size() > m_columns.size())
    widen_until(rhs.m_columns.size() - 1);
  for (std::size_t c = 0; c < rhs.m_columns.size(); ++c)
    for (int r = 0; r < kRows; ++r)
      m_columns[c][r] += rhs.m_columns[c][r];
  m_total += rhs.m_total;
  return *this;
}

void LatencyOverTime::add_shifted(const LatencyOverTime &other, std::int64_t shift_ns) {
  widen_to(other.m_interval_s);
  for (std::size_t c = 0; c < other.m_columns.size(); ++c) {
    const double middle_s =
        static_cast<double>(shift_ns) * 1e-9 + (static_cast<double>(c) + 0.5) * other.m_interval_s;
    auto column = static_cast<std::size_t>(std::max(middle_s, 0.0) / m_interval_s);
    widen_until(column);
    column = std::min(static_cast<std::size_t>(std::max(middle_s, 0.0) / m_interval_s),
                      m_columns.size() - 1);
    for (int r = 0; r < kRows; ++r) {
      m_columns[column][r] += other.m_columns[c][r];
      m_total += other.m_columns[c][r];
    }
  }
}

void LatencyOverTime::restore(double interval_s, std::vector<Column> columns) {
  m_interval_s = interval_s > 0 ? interval_s : kFirstIntervalS;
  m_columns = std::move(columns);
  m_total = 0;
  for (const Column &c : m_columns)
    for (std::uint32_t n : c)
      m_total += n;
}

} // namespace conlab
