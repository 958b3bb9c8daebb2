// The capacity of a variant whose ceiling is known: a pool of P threads with service time S can
// never take more than P/S requests/s. The measured capacity stays below that ceiling and agrees
// with the simulator's for the same SLO.
#include "core/capacity/capacity_probes.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

TEST(CapacityOfAPool, StaysUnderItsCeilingAndAgreesWithTheSimulator) {
  // P = 4 threads, S = 20 ms: the ceiling is 200/s. An SLO of p99 < 3 S breaks well below it.
  const Experiment e =
      test::closed_experiment(test::variant("thread_pool", StepKind::blocking_io, 20, 4), 1, 1);
  std::string error;
  const Slo slo = *parse_slo("p99<60ms", error);
  CapacityLimits limits;
  limits.start_rate_per_s = 60;
  limits.run_duration_s = 1;
  limits.min_requests = 150;
  limits.precision = 0.1;
  const int cores = 2;
  const CapacitySearch predicted = predict_capacity(e, 0, slo, limits, cores, false);
  const CapacitySearch measured =
      search_capacity(slo, limits, in_process_probe(e, 0, slo, cores, {}));
  ASSERT_EQ(predicted.outcome, CapacityOutcome::found) << describe_capacity(predicted);
  ASSERT_EQ(measured.outcome, CapacityOutcome::found) << describe_capacity(measured);
  const double ceiling = 4 / 0.020;
  EXPECT_LT(*predicted.capacity_per_s, ceiling);
  EXPECT_LT(*measured.capacity_per_s, ceiling) << describe_capacity(measured);
  // Runs of a few hundred Poisson arrivals put the p99 of one run within about ±15% of the rate
  // where it crosses the limit; the bisection stops within 10%.
  EXPECT_NEAR(*measured.capacity_per_s / *predicted.capacity_per_s, 1.0, 0.3)
      << "measured: " << describe_capacity(measured)
      << "\npredicted: " << describe_capacity(predicted);
}

} // namespace
} // namespace conlab
