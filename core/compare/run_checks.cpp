// Kendall's trend test and the two-group check are a few dozen lines each: Boost.Math has the
// normal distribution used below, but neither test.
#include "core/compare/run_checks.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <vector>

namespace conlab {
namespace {

// Beyond this many values the exact distribution is no better than the normal approximation,
// and its table (n² entries) stops being small.
constexpr std::size_t kExactTrendMax = 60;

// P(inversions = k) over the n! orders of n distinct values (the Mahonian distribution), built
// one value at a time: inserting the i-th value adds 0 to i−1 inversions, equally likely.
std::vector<double> inversion_distribution(std::size_t n) {
  std::vector<double> p{1.0};
  for (std::size_t i = 2; i <= n; ++i) {
    std::vector<double> next(p.size() + i - 1, 0.0);
    for (std::size_t k = 0; k < p.size(); ++k)
      for (std::size_t added = 0; added < i; ++added)
        next[k + added] += p[k] / static_cast<double>(i);
    p = std::move(next);
  }
  return p;
}

double normal_two_sided(double z) {
  const boost::math::normal standard;
  return std::min(1.0, 2 * boost::math::cdf(boost::math::complement(standard, std::fabs(z))));
}

struct GapScore {
  double score = 0;
  std::size_t low_count = 0;
};

// The widest-gap score of sorted values, in one pass with running sums.
GapScore gap_score(std::span<const double> sorted) {
  const std::size_t n = sorted.size();
  double total = 0, total_sq = 0;
  for (double v : sorted) {
    total += v;
    total_sq += v * v;
  }
  GapScore best;
  double left = 0, left_sq = 0;
  for (std::size_t k = 1; k < n; ++k) {
    left += sorted[k - 1];
    left_sq += sorted[k - 1] * sorted[k - 1];
    if (k < 2 || n - k < 2)
      continue;
    const double right = total - left, right_sq = total_sq - left_sq;
    const double within = std::max(0.0, left_sq - left * left / static_cast<double>(k)) +
                          std::max(0.0, right_sq - right * right / static_cast<double>(n - k));
    const double sd = std::sqrt(within / static_cast<double>(n - 2));
    const double gap = sorted[k] - sorted[k - 1];
    // Below this the within-group spread is rounding, not spread.
    const double flat = 1e-12 * std::max(std::fabs(sorted.front()), std::fabs(sorted.back()));
    const double score =
        sd > flat ? gap / sd : (gap > flat ? std::numeric_limits<double>::infinity() : 0.0);
    if (score > best.score)
      best = {score, k};
  }
  return best;
}

// The 99th percentile of the score for n values from one normal distribution, simulated once per
// n with a fixed seed.
double critical_gap_score(std::size_t n) {
  static std::mutex lock;
  static std::map<std::size_t, double> cache;
  const std::lock_guard guard(lock);
  if (const auto it = cache.find(n); it != cache.end())
    return it->second;
  constexpr int kDraws = 4000;
  boost::random::mt19937 generator(static_cast<std::uint32_t>(n));
  boost::random::normal_distribution<double> normal;
  std::vector<double> scores(kDraws), values(n);
  for (double &score : scores) {
    for (double &v : values)
      v = normal(generator);
    std::sort(values.begin(), values.end());
    score = gap_score(values).score;
  }
  std::sort(scores.begin(), scores.end());
  const double critical = scores[static_cast<std::size_t>(0.99 * kDraws)];
  cache.emplace(n, critical);
  return critical;
}

} // namespace

std::optional<TrendTest> trend_test(std::span<const double> values) {
  const std::size_t n = values.size();
  if (n < 3)
    return std::nullopt;
  long long s = 0; // concordant − discordant pairs (run order, value)
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      s += (values[j] > values[i]) - (values[j] < values[i]);
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  double tied_pairs = 0, tie_variance = 0; // Σ t(t−1)/2 and Σ t(t−1)(2t+5) over tie groups
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && sorted[j] == sorted[i])
      ++j;
    const auto t = static_cast<double>(j - i);
    tied_pairs += t * (t - 1) / 2;
    tie_variance += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  const auto nd = static_cast<double>(n);
  const double pairs = nd * (nd - 1) / 2;
  TrendTest out;
  out.n = n;
  if (tied_pairs >= pairs) // every value the same: no order to speak of
    return out;
  out.tau = static_cast<double>(s) / std::sqrt(pairs * (pairs - tied_pairs)); // τ-b
  if (tied_pairs == 0 && n <= kExactTrendMax) {
    const std::vector<double> p = inversion_distribution(n);
    const long long observed = std::llabs(s);
    double tail = 0;
    for (std::size_t k = 0; k < p.size(); ++k)
      if (std::llabs(static_cast<long long>(pairs) - 2 * static_cast<long long>(k)) >= observed)
        tail += p[k];
    out.p_value = std::min(1.0, tail);
    return out;
  }
  const double variance = (nd * (nd - 1) * (2 * nd + 5) - tie_variance) / 18;
  const double corrected = std::max(0.0, std::fabs(static_cast<double>(s)) - 1); // continuity
  out.p_value = normal_two_sided(corrected / std::sqrt(variance));
  return out;
}

std::optional<TwoGroups> two_groups(std::span<const double> values) {
  const std::size_t n = values.size();
  if (n < 5)
    return std::nullopt;
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const GapScore best = gap_score(sorted);
  TwoGroups out;
  out.n = n;
  out.gap_score = best.score;
  out.critical_score = critical_gap_score(n);
  out.low_count = best.low_count;
  if (best.low_count > 0) {
    const auto mid = sorted.begin() + static_cast<std::ptrdiff_t>(best.low_count);
    out.low_mean = std::accumulate(sorted.begin(), mid, 0.0) / static_cast<double>(best.low_count);
    out.high_mean =
        std::accumulate(mid, sorted.end(), 0.0) / static_cast<double>(n - best.low_count);
  }
  return out;
}

} // namespace conlab
