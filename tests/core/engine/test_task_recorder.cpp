// The recorder's sample budget: the first tasks' samples are kept, and every chunk beyond them
// is handed over once, whole, when its last task ended, by whichever thread ended it.
#include "core/engine/task_recorder.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace conlab {
namespace {

void run_task(TaskRecorder &r, std::uint32_t task) {
  r.submitted(task, r.clock().now_ns());
  r.started(task);
  if (task % 97 == 0)
    r.failed(task);
  else
    r.finished(task);
}

TEST(TaskRecorderBudget, KeepsTheFirstChunksAndHandsOverTheRestWhenTheyEnd) {
  const RunClock clock;
  TaskRecorder r(5'000, clock, 10); // chunks of 1,024
  r.keep_first(1'000);
  EXPECT_EQ(r.kept(), 1'024u) << "the budget is rounded up to a whole chunk";
  for (std::uint32_t t = 0; t < 2'047; ++t)
    run_task(r, t);
  EXPECT_TRUE(r.take_ended_chunks().empty()) << "task 2,047 has not ended: its chunk stays";
  run_task(r, 2'047);
  auto chunks = r.take_ended_chunks();
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_EQ(chunks[0][0].task, 1'024u);
  EXPECT_EQ(chunks[0][1'023].task, 2'047u);
  EXPECT_TRUE(chunks[0][1'023].finished());
  EXPECT_TRUE(chunks[0][97 * 11 - 1'024].failed) << "task 1,067 failed";
  EXPECT_TRUE(r.take_ended_chunks().empty()) << "each chunk is handed over once";
  for (std::uint32_t t = 2'048; t < 3'000; ++t)
    run_task(r, t);
  EXPECT_EQ(r.finished_count(), 3'000u);
  const std::vector<TaskSample> kept = r.take_samples(3'000);
  ASSERT_EQ(kept.size(), 1'024u);
  EXPECT_EQ(kept.back().task, 1'023u);
  const std::vector<TaskSample> rest = r.take_unkept(3'000);
  ASSERT_EQ(rest.size(), 3'000u - 2'048u) << "the partly used chunk, up to the tasks asked for";
  EXPECT_EQ(rest.front().task, 2'048u);
  EXPECT_TRUE(rest.back().finished());
}

TEST(TaskRecorderBudget, WithoutABudgetEverySampleIsKept) {
  const RunClock clock;
  TaskRecorder r(3'000, clock, 10);
  for (std::uint32_t t = 0; t < 3'000; ++t)
    run_task(r, t);
  EXPECT_TRUE(r.take_ended_chunks().empty());
  EXPECT_EQ(r.take_samples().size(), 3'000u);
  EXPECT_TRUE(r.take_unkept(3'000).empty());
}

// Four threads end tasks of the same chunks at once: every task beyond the budget is handed
// over exactly once (ThreadSanitizer checks the hand-over's ordering).
TEST(TaskRecorderBudget, ThreadsEndingTheSameChunksHandEachOverOnce) {
  const RunClock clock;
  constexpr std::uint32_t kTasks = 64 * 1'024;
  TaskRecorder r(kTasks, clock, 10);
  r.keep_first(1'024);
  std::atomic<std::uint32_t> next{0};
  std::atomic<std::uint64_t> handed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] {
      for (std::uint32_t t; (t = next.fetch_add(1)) < kTasks;) {
        run_task(r, t);
        if (t % 4'096 == 0)
          for (const auto &chunk : r.take_ended_chunks())
            for (std::uint32_t k = 0; k < r.chunk_size(); ++k)
              handed += chunk[k].finished() ? 1 : 0;
      }
    });
  for (std::thread &t : threads)
    t.join();
  for (const auto &chunk : r.take_ended_chunks())
    for (std::uint32_t k = 0; k < r.chunk_size(); ++k)
      handed += chunk[k].finished() ? 1 : 0;
  EXPECT_EQ(handed.load(), kTasks - 1'024u);
  EXPECT_EQ(r.take_samples().size(), 1'024u);
  EXPECT_TRUE(r.take_unkept(kTasks).empty());
}

} // namespace
} // namespace conlab
