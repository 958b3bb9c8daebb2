// Seeded durations: the same seed gives the same durations, whatever order tasks run in; drawn
// values follow their distribution; the time scale applies to every step.
#include "core/experiment/workload.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace conlab {
namespace {

Variant drawn(DistributionKind kind) {
  Variant v = test::variant("event_loop", StepKind::io, 0);
  v.steps[0].duration.distribution = kind;
  v.steps[0].duration.ms = 20;
  v.steps[0].duration.min_ms = 10;
  v.steps[0].duration.max_ms = 30;
  v.steps.push_back(v.steps[0]);
  return v;
}

TEST(Workload, FixedDurationsAreScaled) {
  const Workload w(test::variant("thread_pool", StepKind::cpu, 1000), 0.05, 1, 0);
  EXPECT_EQ(w.step_count(), 1u);
  EXPECT_EQ(w.kind(0), StepKind::cpu);
  EXPECT_EQ(w.duration_ns(0, 0), 50'000'000);
  EXPECT_EQ(w.duration_ns(99, 0), 50'000'000);
}

TEST(Workload, SameSeedSameDurationsInAnyOrder) {
  const Variant v = drawn(DistributionKind::exponential);
  const Workload a(v, 1.0, 42, 3), b(v, 1.0, 42, 3);
  std::vector<std::int64_t> forward, backward(1000);
  for (std::uint32_t t = 0; t < 1000; ++t)
    forward.push_back(a.duration_ns(t, 1));
  for (std::uint32_t t = 1000; t-- > 0;)
    backward[t] = b.duration_ns(t, 1);
  EXPECT_EQ(forward, backward);
}

TEST(Workload, DifferentSeedsVariantsAndStepsDrawDifferently) {
  const Variant v = drawn(DistributionKind::uniform);
  const Workload base(v, 1.0, 1, 0), other_seed(v, 1.0, 2, 0), other_variant(v, 1.0, 1, 1);
  int same_seed = 0, same_variant = 0, same_step = 0;
  for (std::uint32_t t = 0; t < 200; ++t) {
    same_seed += base.duration_ns(t, 0) == other_seed.duration_ns(t, 0);
    same_variant += base.duration_ns(t, 0) == other_variant.duration_ns(t, 0);
    same_step += base.duration_ns(t, 0) == base.duration_ns(t, 1);
  }
  EXPECT_LT(same_seed, 3);
  EXPECT_LT(same_variant, 3);
  EXPECT_LT(same_step, 3);
}

TEST(Workload, UniformStaysInItsRangeAndCoversIt) {
  const Workload w(drawn(DistributionKind::uniform), 1.0, 7, 0);
  std::int64_t lo = INT64_MAX, hi = 0;
  double sum = 0;
  const int n = 100'000;
  for (std::uint32_t t = 0; t < n; ++t) {
    const auto d = w.duration_ns(t, 0);
    lo = std::min(lo, d);
    hi = std::max(hi, d);
    sum += static_cast<double>(d);
  }
  EXPECT_GE(lo, 10'000'000);
  EXPECT_LE(hi, 30'000'000);
  EXPECT_LT(lo, 10'100'000);
  EXPECT_GT(hi, 29'900'000);
  EXPECT_NEAR(sum / n, 20e6, 0.2e6);
}

TEST(Workload, ExponentialHasItsMeanAndSpread) {
  const Workload w(drawn(DistributionKind::exponential), 1.0, 7, 0);
  const int n = 100'000;
  double sum = 0, sq = 0;
  for (std::uint32_t t = 0; t < n; ++t) {
    const double d = static_cast<double>(w.duration_ns(t, 0)) / 1e6;
    ASSERT_GE(d, 0);
    sum += d;
    sq += d * d;
  }
  const double mean = sum / n;
  EXPECT_NEAR(mean, 20, 0.5);
  EXPECT_NEAR(std::sqrt(sq / n - mean * mean), 20, 1.0); // an exponential's sd equals its mean
}

TEST(CounterUniform, IsInTheUnitInterval) {
  for (std::uint64_t i = 0; i < 10'000; ++i) {
    const double u = counter_uniform(99, i, i * 7);
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
}

} // namespace
} // namespace conlab
