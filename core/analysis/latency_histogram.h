// A histogram of durations that keeps every percentile to 3 significant digits in a few tens of
// kilobytes, however many values it holds: what a run keeps of the tasks beyond its sample
// budget. Two histograms merge exactly (add the counts), so parts of a run can be joined.
//
// The bins are HdrHistogram's log-linear layout: nanosecond-wide bins below 2,048 ns, then 1,024
// bins per power of two, so a bin is never wider than 1/1,024 of the values in it. Storage and
// merging are Boost.Histogram's; the layout is a small custom axis, since Boost's log axis needs
// a logarithm per value where this one takes a bit scan.
#pragma once

#include <boost/histogram/axis/iterator.hpp>
#include <boost/histogram/histogram.hpp>
#include <boost/histogram/unlimited_storage.hpp>

#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

namespace conlab {

// Boost.Histogram axis over nanoseconds, 0 … 2^44 ns (4.9 hours); longer goes to overflow.
class LogLinearNsAxis : public boost::histogram::axis::iterator_mixin<LogLinearNsAxis> {
public:
  static constexpr int kUnitBins = 2048; // below this, one bin per nanosecond
  static constexpr int kHalf = 1024;     // bins per power of two above it
  static constexpr int kTopBit = 44;
  static constexpr int kSize = kUnitBins + (kTopBit - 11) * kHalf;

  boost::histogram::axis::index_type index(double ns) const;
  boost::histogram::axis::index_type size() const { return kSize; }
  double value(double index) const; // the lower edge of bin `index` (fractions interpolate)
  static constexpr unsigned options() { return boost::histogram::axis::option::overflow_t::value; }
  bool operator==(const LogLinearNsAxis &) const { return true; }
  bool operator!=(const LogLinearNsAxis &) const { return false; }
  template <class Archive> void serialize(Archive &, unsigned) {}
};

class LatencyHistogram {
public:
  LatencyHistogram();

  void add(std::int64_t ns);
  LatencyHistogram &operator+=(const LatencyHistogram &other);

  std::uint64_t count() const { return m_count; }
  double sum_s() const { return m_sum_s; }
  double mean_s() const { return m_count ? m_sum_s / static_cast<double>(m_count) : 0; }
  double min_s() const { return m_count ? static_cast<double>(m_min_ns) * 1e-9 : 0; }
  double max_s() const { return m_count ? static_cast<double>(m_max_ns) * 1e-9 : 0; }
  // The value at rank q·(count − 1), as percentiles() ranks samples: the middle of the bin that
  // holds it, within the recorded min and max. 0 when empty.
  double quantile_s(double q) const;

  // The bins that hold a value, as (index, count), and back: what a results file stores.
  std::vector<std::pair<std::int32_t, std::uint64_t>> nonzero_bins() const;
  void add_bin(std::int32_t index, std::uint64_t count);
  // Exact extremes and sum, restored alongside the bins.
  void restore_extremes(std::int64_t min_ns, std::int64_t max_ns, double sum_s);
  std::int64_t min_ns() const { return m_min_ns; }
  std::int64_t max_ns() const { return m_max_ns; }
  static double bin_middle_s(std::int32_t index);

private:
  using Histogram = boost::histogram::histogram<std::tuple<LogLinearNsAxis>,
                                                boost::histogram::unlimited_storage<>>;
  Histogram m_histogram;
  std::uint64_t m_count = 0;
  std::int64_t m_min_ns = 0, m_max_ns = 0;
  double m_sum_s = 0;
};

} // namespace conlab
