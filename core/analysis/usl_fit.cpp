#include "core/analysis/usl_fit.h"

#include <boost/numeric/ublas/lu.hpp>
#include <boost/numeric/ublas/matrix.hpp>
#include <boost/numeric/ublas/vector.hpp>

#include <cmath>
#include <limits>
#include <set>

namespace conlab {
namespace {

namespace ublas = boost::numeric::ublas;

// N/X(N) = 1/λ + (σ/λ)(N − 1) + (κ/λ)N(N − 1) is linear in its three coefficients, so the fit
// is ordinary least squares on the transformed points (Gunther's own method), solved with
// Boost.uBLAS. Terms can be left out to keep σ and κ ≥ 0.
struct Terms {
  bool sigma, kappa;
};

std::optional<UslFit> fit_terms(const std::vector<std::pair<double, double>> &points, Terms terms) {
  const std::size_t k = 1 + (terms.sigma ? 1 : 0) + (terms.kappa ? 1 : 0);
  ublas::matrix<double> normal(k, k, 0.0);
  ublas::vector<double> rhs(k, 0.0);
  for (const auto &[n, x] : points) {
    std::vector<double> row{1.0};
    if (terms.sigma)
      row.push_back(n - 1);
    if (terms.kappa)
      row.push_back(n * (n - 1));
    const double y = n / x;
    for (std::size_t i = 0; i < k; ++i) {
      rhs(i) += row[i] * y;
      for (std::size_t j = 0; j < k; ++j)
        normal(i, j) += row[i] * row[j];
    }
  }
  ublas::permutation_matrix<std::size_t> pivots(k);
  if (ublas::lu_factorize(normal, pivots) != 0)
    return std::nullopt; // singular: not enough distinct N for these terms
  ublas::lu_substitute(normal, pivots, rhs);
  const double a = rhs(0);
  const double b = terms.sigma ? rhs(1) : 0;
  const double c = terms.kappa ? rhs(k - 1) : 0;
  if (!(a > 0) || b < 0 || c < 0 || !std::isfinite(b) || !std::isfinite(c))
    return std::nullopt;
  UslFit fit;
  fit.lambda = 1 / a;
  fit.sigma = b / a;
  fit.kappa = c / a;
  if (fit.kappa > 0 && fit.sigma < 1)
    fit.peak_n = std::sqrt((1 - fit.sigma) / fit.kappa);
  return fit;
}

double residual_squares(const UslFit &fit, const std::vector<std::pair<double, double>> &points) {
  double sum = 0;
  for (const auto &[n, x] : points)
    sum += std::pow(x - usl_throughput(fit, n), 2);
  return sum;
}

} // namespace

double usl_throughput(const UslFit &fit, double n) {
  return fit.lambda * n / (1 + fit.sigma * (n - 1) + fit.kappa * n * (n - 1));
}

std::optional<UslFit> fit_usl(const std::vector<std::pair<double, double>> &input) {
  std::vector<std::pair<double, double>> points;
  std::set<double> distinct;
  for (const auto &[n, x] : input)
    if (std::isfinite(n) && std::isfinite(x) && n >= 1 && x > 0) {
      points.emplace_back(n, x);
      distinct.insert(n);
    }
  if (distinct.size() < 3)
    return std::nullopt;
  // The full fit, and the fits that drop a term a negative coefficient asked for; the best of
  // those that keep σ, κ ≥ 0 measured on throughput itself.
  std::optional<UslFit> best;
  double best_error = std::numeric_limits<double>::infinity();
  for (const Terms terms : {Terms{true, true}, Terms{true, false}, Terms{false, true},
                            Terms{false, false}}) {
    const std::optional<UslFit> fit = fit_terms(points, terms);
    if (!fit)
      continue;
    const double error = residual_squares(*fit, points);
    if (error < best_error * (1 - 1e-12)) {
      best = fit;
      best_error = error;
    }
  }
  if (!best)
    return std::nullopt;
  double mean = 0;
  for (const auto &p : points)
    mean += p.second / static_cast<double>(points.size());
  double total = 0;
  for (const auto &p : points)
    total += std::pow(p.second - mean, 2);
  best->r_squared = total > 0 ? 1 - best_error / total : 1;
  return best;
}

} // namespace conlab
