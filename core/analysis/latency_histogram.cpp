#include "core/analysis/latency_histogram.h"

#include <boost/histogram/make_histogram.hpp>

#include <algorithm>
#include <bit>
#include <cmath>

namespace conlab {
namespace {

constexpr double kNs = 1e-9;

// The power of two a bin index above the unit bins falls in, and its place inside it.
struct Octave {
  int bit;       // the values' highest set bit
  double within; // 0 … kHalf
};

Octave octave_of(double index) {
  const double k = index - LogLinearNsAxis::kUnitBins;
  const double octave = std::floor(k / LogLinearNsAxis::kHalf);
  return {11 + static_cast<int>(octave), k - octave * LogLinearNsAxis::kHalf};
}

} // namespace

boost::histogram::axis::index_type LogLinearNsAxis::index(double ns) const {
  if (!(ns > 0))
    return 0;
  if (ns >= 0x1p44)
    return kSize;
  const auto v = static_cast<std::uint64_t>(ns);
  if (v < kUnitBins)
    return static_cast<int>(v);
  const int bit = 63 - std::countl_zero(v); // 11 … 43
  const int shift = bit - 10;
  return kUnitBins + (bit - 11) * kHalf + static_cast<int>((v >> shift) - kHalf);
}

double LogLinearNsAxis::value(double index) const {
  if (index < kUnitBins)
    return index;
  if (index >= kSize)
    return 0x1p44;
  const Octave o = octave_of(index);
  return std::ldexp(kHalf + o.within, o.bit - 10);
}

double LatencyHistogram::bin_middle_s(std::int32_t index) {
  const LogLinearNsAxis axis;
  const double lower = axis.value(index);
  const double width = axis.value(index + 1) - lower;
  // Bins hold whole nanoseconds: a bin of width w holds lower … lower + w − 1.
  return (lower + (width - 1) / 2) * kNs;
}

LatencyHistogram::LatencyHistogram()
    : m_histogram(std::make_tuple(LogLinearNsAxis{}), boost::histogram::unlimited_storage<>{}) {}

void LatencyHistogram::add(std::int64_t ns) {
  ns = std::max<std::int64_t>(ns, 0);
  m_histogram(static_cast<double>(ns));
  m_min_ns = m_count ? std::min(m_min_ns, ns) : ns;
  m_max_ns = m_count ? std::max(m_max_ns, ns) : ns;
  m_sum_s += static_cast<double>(ns) * kNs;
  ++m_count;
}

LatencyHistogram &LatencyHistogram::operator+=(const LatencyHistogram &other) {
  if (!other.m_count)
    return *this;
  m_histogram += other.m_histogram;
  m_min_ns = m_count ? std::min(m_min_ns, other.m_min_ns) : other.m_min_ns;
  m_max_ns = m_count ? std::max(m_max_ns, other.m_max_ns) : other.m_max_ns;
  m_sum_s += other.m_sum_s;
  m_count += other.m_count;
  return *this;
}

double LatencyHistogram::quantile_s(double q) const {
  if (!m_count)
    return 0;
  const auto rank =
      static_cast<std::uint64_t>(std::floor(std::clamp(q, 0.0, 1.0) * double(m_count - 1)));
  double seen = 0;
  for (int i = 0; i <= LogLinearNsAxis::kSize; ++i) { // kSize: the overflow bin
    seen += static_cast<double>(m_histogram.at(i));
    if (seen > static_cast<double>(rank)) {
      const double middle = i < LogLinearNsAxis::kSize ? bin_middle_s(i) : max_s();
      return std::clamp(middle, min_s(), max_s());
    }
  }
  return max_s();
}

std::vector<std::pair<std::int32_t, std::uint64_t>> LatencyHistogram::nonzero_bins() const {
  std::vector<std::pair<std::int32_t, std::uint64_t>> out;
  for (int i = 0; i <= LogLinearNsAxis::kSize; ++i)
    if (const auto n = static_cast<std::uint64_t>(static_cast<double>(m_histogram.at(i))))
      out.emplace_back(i, n);
  return out;
}

void LatencyHistogram::add_bin(std::int32_t index, std::uint64_t count) {
  index = std::clamp<std::int32_t>(index, 0, LogLinearNsAxis::kSize);
  m_histogram.at(index) += count;
  m_count += count;
}

void LatencyHistogram::restore_extremes(std::int64_t min_ns, std::int64_t max_ns, double sum_s) {
  m_min_ns = min_ns;
  m_max_ns = max_ns;
  m_sum_s = sum_s;
}

} // namespace conlab
