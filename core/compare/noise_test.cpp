// The rank arithmetic is written here: Boost has the distributions (normal, Student's t — used
// below) but no rank-sum test, and the lab needs one that copes with a million samples.
#include "core/compare/noise_test.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace conlab {
namespace {

double mean_of(std::span<const double> values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double variance_of(std::span<const double> values, double mean) {
  double sum = 0;
  for (double v : values)
    sum += (v - mean) * (v - mean);
  return sum / static_cast<double>(values.size() - 1);
}

} // namespace

double RankSumTest::b_greater() const {
  const double pairs = static_cast<double>(n_a) * static_cast<double>(n_b);
  return pairs > 0 ? u_b / pairs : 0.5;
}

std::optional<RankSumTest> mann_whitney(std::span<const double> a, std::span<const double> b) {
  if (a.empty() || b.empty())
    return std::nullopt;
  struct Value {
    double value;
    bool from_b;
  };
  std::vector<Value> all;
  all.reserve(a.size() + b.size());
  for (double v : a)
    all.push_back({v, false});
  for (double v : b)
    all.push_back({v, true});
  std::sort(all.begin(), all.end(),
            [](const Value &x, const Value &y) { return x.value < y.value; });

  const auto n = static_cast<double>(all.size());
  double rank_sum_b = 0, tie_term = 0;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j].value == all[i].value)
      ++j;
    const double mid_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    const auto tied = static_cast<double>(j - i);
    tie_term += tied * tied * tied - tied;
    for (std::size_t k = i; k < j; ++k)
      if (all[k].from_b)
        rank_sum_b += mid_rank;
    i = j;
  }
  RankSumTest test;
  test.n_a = a.size();
  test.n_b = b.size();
  const auto na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  test.u_b = rank_sum_b - nb * (nb + 1) / 2;
  const double mean = na * nb / 2;
  const double variance = na * nb / 12 * ((n + 1) - tie_term / (n * (n - 1)));
  if (!(variance > 0))
    return test; // every value tied: no evidence of a shift
  const double distance = std::max(0.0, std::fabs(test.u_b - mean) - 0.5); // continuity
  const boost::math::normal standard;
  test.p_value = std::min(
      1.0, 2 * boost::math::cdf(boost::math::complement(standard, distance / std::sqrt(variance))));
  return test;
}

std::optional<WelchInterval> welch_interval(std::span<const double> a, std::span<const double> b,
                                            double confidence) {
  if (a.size() < 2 || b.size() < 2)
    return std::nullopt;
  const double mean_a = mean_of(a), mean_b = mean_of(b);
  const double share_a = variance_of(a, mean_a) / static_cast<double>(a.size());
  const double share_b = variance_of(b, mean_b) / static_cast<double>(b.size());
  WelchInterval out;
  out.difference = mean_b - mean_a;
  out.confidence = confidence;
  const double standard_error = std::sqrt(share_a + share_b);
  if (!(standard_error > 0)) {
    out.interval = {out.difference, out.difference}; // identical repeats: no spread to allow for
    return out;
  }
  out.degrees_of_freedom = (share_a + share_b) * (share_a + share_b) /
                           (share_a * share_a / static_cast<double>(a.size() - 1) +
                            share_b * share_b / static_cast<double>(b.size() - 1));
  const boost::math::students_t t(out.degrees_of_freedom);
  const double half_width = boost::math::quantile(t, (1 + confidence) / 2) * standard_error;
  out.interval = {out.difference - half_width, out.difference + half_width};
  // Values that differ have a spread, however small beside the difference: an interval of zero
  // width would claim a certainty they do not give. Keep it at least one ulp wide each way.
  if (!(out.interval.low < out.difference))
    out.interval.low = std::nextafter(out.difference, -std::numeric_limits<double>::infinity());
  if (!(out.interval.high > out.difference))
    out.interval.high = std::nextafter(out.difference, std::numeric_limits<double>::infinity());
  return out;
}

} // namespace conlab
