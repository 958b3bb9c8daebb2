// The closed forms of DESIGN.md, including the article's numbers on 2 and on 64 cores.
#include "core/analysis/prediction.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

Load closed(std::int64_t n, std::int64_t c) {
  Load l;
  l.tasks = n;
  l.clients = c;
  return l;
}

Variant named_pool(Variant v, const char *name) {
  v.pool_size = PoolSize{name, 0};
  return v;
}

struct Case {
  const char *name;
  Variant variant;
  Load load;
  int cores;
  double makespan_s;
};

class ClosedForm : public testing::TestWithParam<Case> {};

TEST_P(ClosedForm, Makespan) {
  const Case &c = GetParam();
  const Prediction p = predict(c.variant, c.load, 1.0, c.cores);
  ASSERT_TRUE(p.makespan_s.has_value()) << p.formula;
  EXPECT_NEAR(*p.makespan_s, c.makespan_s, 1e-9) << p.formula;
  EXPECT_NEAR(*p.throughput_per_s, static_cast<double>(c.load.tasks) / c.makespan_s, 1e-9);
}

using test::variant;
constexpr auto io = StepKind::io;
constexpr auto blocking = StepKind::blocking_io;
constexpr auto cpu = StepKind::cpu;

INSTANTIATE_TEST_SUITE_P(
    Design, ClosedForm,
    testing::Values(
        // The article on a 2-core machine: /a 100 s, /b ⌈100/6⌉ = 17 s, /c 1 s, /d 3 s.
        Case{"article_a", variant("event_loop", blocking, 1000), closed(100, 100), 2, 100},
        Case{"article_b", named_pool(variant("event_loop_offload", blocking, 1000),
                                     "python_default_executor"),
             closed(100, 100), 2, 17},
        Case{"article_c", variant("event_loop", io, 1000), closed(100, 100), 2, 1},
        Case{"article_d", named_pool(variant("thread_pool", blocking, 1000), "anyio_default"),
             closed(100, 100), 2, 3},
        // On 64 cores the executor has 32 threads: ⌈100/32⌉ = 4 s.
        Case{"article_b_64_cores", named_pool(variant("event_loop_offload", blocking, 1000),
                                              "python_default_executor"),
             closed(100, 100), 64, 4},
        Case{"loop_cpu", variant("event_loop", cpu, 10), closed(50, 50), 2, 0.5},
        Case{"offload_cpu_cores_cap", variant("event_loop_offload", cpu, 10, 8), closed(50, 50), 2,
             0.25},
        Case{"offload_io_overlaps", variant("event_loop_offload", io, 10, 8), closed(50, 50), 2,
             0.01},
        Case{"pool_io_waves", variant("thread_pool", io, 10, 8), closed(50, 50), 2, 0.07},
        Case{"pool_cpu_one_thread", variant("thread_pool", cpu, 10, 1), closed(50, 50), 4, 0.5},
        Case{"thread_per_task_blocking", variant("thread_per_task", blocking, 10), closed(50, 50),
             2, 0.01},
        Case{"thread_per_task_cpu", variant("thread_per_task", cpu, 10), closed(50, 50), 2, 0.25},
        Case{"multi_loop_blocking", variant("multi_loop", blocking, 10, 0, 4), closed(50, 50), 2,
             0.13},
        Case{"multi_loop_cpu", variant("multi_loop", cpu, 10, 0, 4), closed(50, 50), 2, 0.25},
        Case{"qt_blocking", variant("qt_event_loop", blocking, 10), closed(50, 50), 2, 0.5},
        Case{"qt_offload_blocking", variant("qt_event_loop", blocking, 10, 5, 0, true),
             closed(50, 50), 2, 0.1},
        // Fewer clients than tasks cap concurrency: ⌈N / min(C, P)⌉·S and ⌈N / C⌉·S.
        Case{"pool_clients_cap", variant("thread_pool", blocking, 10, 40), closed(100, 10), 2, 0.1},
        Case{"loop_io_clients_cap", variant("event_loop", io, 10), closed(100, 30), 2, 0.04},
        Case{"cpu_clients_cap", variant("thread_per_task", cpu, 10), closed(10, 1), 2, 0.1}),
    [](const testing::TestParamInfo<Case> &p) { return std::string(p.param.name); });

TEST(Prediction, TimeScaleScalesTheMakespan) {
  const Prediction p = predict(variant("event_loop", blocking, 1000), closed(100, 100), 0.05, 2);
  EXPECT_NEAR(*p.makespan_s, 5, 1e-9);
}

TEST(Prediction, SameLimitStepsAddUp) {
  Variant v = variant("thread_pool", blocking, 10, 4);
  v.steps.push_back(test::step(io, 30));
  const Prediction p = predict(v, closed(8, 8), 1.0, 2);
  EXPECT_NEAR(*p.makespan_s, 0.08, 1e-9);
  EXPECT_DOUBLE_EQ(p.waves, 2);
}

TEST(Prediction, SaysWhenThereIsNoClosedForm) {
  Variant mixed = variant("event_loop", io, 10);
  mixed.steps.push_back(test::step(cpu, 10));
  const Prediction p = predict(mixed, closed(10, 10), 1.0, 2);
  EXPECT_FALSE(p.makespan_s.has_value());
  EXPECT_NE(p.formula.find("no closed form"), std::string::npos);

  Variant random = variant("thread_pool", blocking, 10, 4);
  random.steps[0].duration.distribution = DistributionKind::exponential;
  const Prediction q = predict(random, closed(10, 10), 1.0, 2);
  EXPECT_FALSE(q.makespan_s.has_value());
  EXPECT_NE(q.formula.find("drawn"), std::string::npos);
}

TEST(Prediction, OpenLoadBelowCapacityEndsWithTheLastArrival) {
  Load open;
  open.kind = LoadKind::open;
  open.tasks = 101;
  open.rate_per_s = 100;
  // Capacity 4 / 10 ms = 400/s > 100/s: the last task arrives at 1 s and takes 10 ms.
  const Prediction p = predict(variant("thread_pool", blocking, 10, 4), open, 1.0, 2);
  EXPECT_NEAR(*p.makespan_s, 1.01, 1e-9);
}

TEST(Prediction, ArticleFormulaShowsTheWaves) {
  const Prediction p =
      predict(named_pool(variant("event_loop_offload", blocking, 1000), "python_default_executor"),
              closed(100, 100), 1.0, 2);
  EXPECT_DOUBLE_EQ(p.waves, 17);
  EXPECT_DOUBLE_EQ(p.concurrency, 6);
  EXPECT_NE(p.formula.find("⌈100/6⌉"), std::string::npos) << p.formula;
}

} // namespace
} // namespace conlab
