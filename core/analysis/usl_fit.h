// Gunther's Universal Scalability Law, X(N) = λN / (1 + σ(N − 1) + κN(N − 1)), fitted to
// throughput measured at several concurrencies N (pool size, clients, loops). σ is contention
// (the part that serialises), κ coherency (the cost of keeping N workers in step, which makes
// throughput fall past a peak at N* = √((1 − σ)/κ)).
#pragma once

#include <optional>
#include <utility>
#include <vector>

namespace conlab {

struct UslFit {
  double lambda = 0; // throughput of one worker with no contention
  double sigma = 0;  // contention, 0..1
  double kappa = 0;  // coherency, ≥ 0
  double r_squared = 0;
  std::optional<double> peak_n; // where throughput is highest, when κ > 0
};

// Needs at least three distinct N ≥ 1 with positive throughput; nullopt otherwise.
std::optional<UslFit> fit_usl(const std::vector<std::pair<double, double>> &n_and_throughput);

double usl_throughput(const UslFit &fit, double n);

} // namespace conlab
