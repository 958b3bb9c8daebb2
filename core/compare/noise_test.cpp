// The resampling and rank arithmetic is written here: Boost has the distributions (normal,
// Student's t — used below) but no bootstrap or rank-sum test, and the lab needs both to be
// deterministic and to cope with a million samples.
#include "core/compare/noise_test.h"

#include "core/analysis/summary.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/random/mersenne_twister.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace conlab {
namespace {

// A uniform index below n from one 64-bit draw (Lemire's multiply-shift): one multiplication
// instead of a distribution object's rejection loop, which matters at a hundred million draws.
// The bias, under n / 2⁶⁴, is far below anything a bootstrap could show.
__extension__ using Uint128 = unsigned __int128; // GCC and Clang; __extension__: no -Wpedantic
std::size_t uniform_index(boost::random::mt19937_64 &generator, std::size_t n) {
  return static_cast<std::size_t>((static_cast<Uint128>(generator()) * n) >> 64);
}

// A resample of `sorted` held as how many times each value was drawn: its order statistics come
// from one pass over the counts, with no sort per resample.
class Resample {
public:
  Resample(std::span<const double> sorted, std::span<const SampleStatistic> statistics)
      : m_sorted(sorted), m_counts(sorted.size()) {
    for (const SampleStatistic &s : statistics)
      if (s.kind == SampleStatistic::Kind::quantile) {
        const QuantileRank rank = quantile_rank(sorted.size(), s.q);
        m_ranks.push_back(rank.lo);
        m_ranks.push_back(rank.hi);
      }
    std::sort(m_ranks.begin(), m_ranks.end());
    m_ranks.erase(std::unique(m_ranks.begin(), m_ranks.end()), m_ranks.end());
    m_order_statistics.resize(m_ranks.size());
  }

  void draw(boost::random::mt19937_64 &generator) {
    std::fill(m_counts.begin(), m_counts.end(), 0u);
    for (std::size_t i = 0; i < m_sorted.size(); ++i)
      ++m_counts[uniform_index(generator, m_sorted.size())];
    // Every order statistic the quantiles need, and the mean, in one pass over the counts.
    std::size_t seen = 0, next = 0;
    double sum = 0;
    for (std::size_t i = 0; i < m_sorted.size(); ++i) {
      seen += m_counts[i];
      sum += m_sorted[i] * m_counts[i];
      while (next < m_ranks.size() && m_ranks[next] < seen)
        m_order_statistics[next++] = m_sorted[i];
    }
    m_mean = sum / static_cast<double>(m_sorted.size());
  }

  double statistic(const SampleStatistic &s) const {
    if (s.kind == SampleStatistic::Kind::mean)
      return m_mean;
    const QuantileRank rank = quantile_rank(m_sorted.size(), s.q);
    const double lo = order_statistic(rank.lo);
    return lo + (order_statistic(rank.hi) - lo) * rank.fraction;
  }

private:
  // The k-th smallest drawn value (counting from 0), for a k the constructor was told about.
  double order_statistic(std::size_t k) const {
    const auto it = std::lower_bound(m_ranks.begin(), m_ranks.end(), k);
    return m_order_statistics[static_cast<std::size_t>(it - m_ranks.begin())];
  }

  std::span<const double> m_sorted;
  std::vector<std::uint32_t> m_counts;
  std::vector<std::size_t> m_ranks;       // sorted, distinct
  std::vector<double> m_order_statistics; // the drawn value at each of m_ranks
  double m_mean = 0;
};

int resamples_within_budget(const BootstrapOptions &options, std::size_t draws_per_resample) {
  const std::uint64_t affordable =
      options.max_draws / std::max<std::uint64_t>(1, draws_per_resample);
  const auto wanted = static_cast<std::uint64_t>(std::max(1, options.resamples));
  const auto floor = static_cast<std::uint64_t>(std::max(1, options.min_resamples));
  return static_cast<int>(std::min(wanted, std::max(affordable, floor)));
}

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

double SampleStatistic::of_sorted(std::span<const double> sorted) const {
  if (sorted.empty())
    return 0;
  return kind == Kind::mean ? mean_of(sorted) : sorted_quantile(sorted, q);
}

std::vector<BootstrapInterval> bootstrap_differences(std::vector<double> a, std::vector<double> b,
                                                     std::span<const SampleStatistic> statistics,
                                                     const BootstrapOptions &options) {
  std::vector<BootstrapInterval> out(statistics.size());
  if (a.empty() || b.empty())
    return out;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  const int resamples = resamples_within_budget(options, a.size() + b.size());
  boost::random::mt19937_64 generator(options.seed);
  Resample resample_a(a, statistics), resample_b(b, statistics);
  std::vector<std::vector<double>> differences(statistics.size());
  for (auto &d : differences)
    d.reserve(static_cast<std::size_t>(resamples));
  for (int r = 0; r < resamples; ++r) {
    resample_a.draw(generator);
    resample_b.draw(generator);
    for (std::size_t s = 0; s < statistics.size(); ++s)
      differences[s].push_back(resample_b.statistic(statistics[s]) -
                               resample_a.statistic(statistics[s]));
  }
  const double tail = (1 - options.confidence) / 2;
  for (std::size_t s = 0; s < statistics.size(); ++s) {
    std::sort(differences[s].begin(), differences[s].end());
    out[s].difference = statistics[s].of_sorted(b) - statistics[s].of_sorted(a);
    out[s].interval = {sorted_quantile(differences[s], tail),
                       sorted_quantile(differences[s], 1 - tail)};
    out[s].resamples = resamples;
    out[s].confidence = options.confidence;
  }
  return out;
}

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
  return out;
}

} // namespace conlab
