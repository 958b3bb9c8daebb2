// The explanation of a variant from its pooled summary: with repeats, counts add up over the runs
// while times stay per run, and the words must count one run (its waves, its tasks at once).
#include "core/analysis/explanation.h"
#include "core/analysis/explanation_facts.h"
#include "core/analysis/summary.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

constexpr std::int64_t kMs = 1'000'000;

// One run of the article's /b at 1/100 scale: 100 tasks submitted at once, 6 threads, 10 ms
// each: 17 waves, the last ending at 170 ms.
std::vector<TaskSample> one_run() {
  std::vector<TaskSample> samples;
  for (std::uint32_t task = 0; task < 100; ++task) {
    const std::int64_t start = (task / 6) * 10 * kMs;
    samples.push_back({0, start, start + 10 * kMs, task, task % 6});
  }
  return samples;
}

Variant pool_of_six() {
  Variant v{.label = "/b", .model = "thread_pool", .pool_size = PoolSize{.value = 6}};
  v.claimed_makespan_s = 1; // the article's claim, at scale 1
  return v;
}

Prediction seventeen_waves() {
  return {.makespan_s = 0.17, .formula = "⌈N/P⌉·S", .concurrency = 6, .waves = 17};
}

TEST(Explanation, CountsOneRunWhenTheSummaryPoolsRepeats) {
  const std::vector<TaskSample> run = one_run();
  const Summary single = summarize(run, {}, {}, {}, 2);
  const Summary pooled = combine_repeats({single, single, single}, {run, run, run});
  ASSERT_EQ(pooled.tasks, 300u);

  for (const auto &[summary, repeats] :
       {std::pair{single, std::size_t{1}}, std::pair{pooled, std::size_t{3}}}) {
    const ExplanationFacts f =
        explanation_facts(pool_of_six(), summary, seventeen_waves(), 0.01, 2, repeats);
    EXPECT_EQ(f.cause, ExplanationCause::queue_bound);
    EXPECT_EQ(f.tasks_per_repeat, 100u);
    EXPECT_NEAR(f.overlap, 100 * 0.01 / 0.17, 1e-9) << "Little's law over one run";
    const std::string text = explain(f);
    EXPECT_NE(text.find("about 5.88 ran at once"), std::string::npos) << text;
    EXPECT_NE(text.find("100 tasks took 17 waves"), std::string::npos) << text;
    EXPECT_NE(text.find("100 tasks need ⌈100/6⌉ = 17 waves"), std::string::npos) << text;
    EXPECT_EQ(text.find("300"), std::string::npos) << text;
  }
}

// The same queue on a thread per task is the wait for each task's own thread to start (slow on
// a saturated CPU), not for a free worker; a pool's queue stays a pool's.
TEST(Explanation, AThreadPerTaskWaitsForItsOwnThreadNotForAWorker) {
  const Summary s = summarize(one_run(), {}, {}, {}, 2);
  const Variant threads{.label = "threads", .model = "thread_per_task"};
  const ExplanationFacts f = explanation_facts(threads, s, {}, 0.01, 2, 1);
  ASSERT_EQ(f.cause, ExplanationCause::queue_bound);
  EXPECT_TRUE(f.own_thread);
  EXPECT_NE(explain(f).find("waiting for their own thread to start"), std::string::npos)
      << explain(f);
  const ExplanationFacts pool = explanation_facts(pool_of_six(), s, seventeen_waves(), 0.01, 2, 1);
  EXPECT_FALSE(pool.own_thread);
  EXPECT_NE(explain(pool).find("queued for a worker"), std::string::npos) << explain(pool);
}

// Ten clients for a pool of twenty: the waves are the clients', and the claim sentence must not
// blame a number of threads; with a pool of six, the pool's.
TEST(Explanation, NamesThePoolsWavesOnlyWhenThePoolIsTheLimit) {
  const std::vector<TaskSample> run = one_run();
  const Summary s = summarize(run, {}, {}, {}, 2);
  Variant twenty = pool_of_six();
  twenty.pool_size = PoolSize{.value = 20};
  Prediction by_clients = seventeen_waves();
  by_clients.concurrency = 10; // ten clients
  by_clients.waves = 10;
  const ExplanationFacts f = explanation_facts(twenty, s, by_clients, 0.01, 2, 1);
  ASSERT_TRUE(f.claim);
  EXPECT_FALSE(f.claim->by_waves);
  const std::string text = explain(f);
  EXPECT_EQ(text.find("with 10 threads"), std::string::npos) << text;
  EXPECT_NE(text.find("does not hold here (measured 170 ms)"), std::string::npos) << text;
  const ExplanationFacts six = explanation_facts(pool_of_six(), s, seventeen_waves(), 0.01, 2, 1);
  ASSERT_TRUE(six.claim);
  EXPECT_TRUE(six.claim->by_waves);
}

// A real server is timed from outside: no queue or loop of its own is seen, so the words set the
// measurement against the model the variant names, and say so when the server does not follow it.
TEST(Explanation, ARealServerIsSetAgainstItsModel) {
  const Summary s = summarize(one_run(), {}, {}, {}, 2);
  Variant server = pool_of_six();
  server.model = "event_loop_offload";
  server.pool_size = PoolSize{.named = "python_default_executor", .value = 6};
  server.target = HttpTarget{.url = "http://127.0.0.1:8000/b"};
  const ExplanationFacts f = explanation_facts(server, s, seventeen_waves(), 1, 2, 1);
  EXPECT_EQ(f.cause, ExplanationCause::external_server);
  const std::string text = explain(f);
  EXPECT_EQ(text.rfind("The server took 170 ms, as its model predicts (170 ms, +0%), "
                       "event_loop_offload: Python's default executor has min(32, cores + 4) = "
                       "6 threads on 2 cores.",
                       0),
            0u)
      << text;
  EXPECT_EQ(text.find("queued"), std::string::npos) << "its queue is out of sight: " << text;
  EXPECT_NE(text.find("The reported 1.00 s does not hold here"), std::string::npos) << text;

  Prediction one_wave = seventeen_waves();
  one_wave.makespan_s = 0.01; // a model with 100 threads: the server is 17× slower
  const std::string slower = explain(explanation_facts(server, s, one_wave, 1, 2, 1));
  EXPECT_NE(slower.find("The server took 170 ms where its model"), std::string::npos) << slower;
  EXPECT_NE(slower.find("it does not work as that model says; it overlapped less"),
            std::string::npos)
      << slower;
}

} // namespace
} // namespace conlab
