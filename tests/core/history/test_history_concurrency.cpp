// Two lab instances writing one history at once — as threads with their own connections and as
// separate processes — lose no run and never surface "database is locked". They start together
// on a history that does not exist yet, so creating and migrating it is raced too.
#include "core/history/run_history.h"
#include "core/results/results_json.h"
#include "tests/core/history/history_fixtures.h"
#include "tests/support/child_process.h"

#include <gmock/gmock.h>

#include <signal.h>

#include <latch>
#include <set>
#include <thread>

namespace conlab::history::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr int kRunsPerWriter = 60;

// How often the sequence of ids changes hands between writers: 1 when they took turns, more
// when their writes interleaved.
int handovers(const std::vector<RunRecord> &runs) {
  std::vector<RunRecord> by_id = runs;
  std::sort(by_id.begin(), by_id.end(), [](auto &a, auto &b) { return a.id < b.id; });
  int changes = 0;
  for (std::size_t i = 1; i < by_id.size(); ++i)
    changes += by_id[i].experiment != by_id[i - 1].experiment;
  return changes;
}

void expect_every_run(const std::string &dir, const std::vector<std::string> &writers) {
  RunHistory history(dir);
  const std::vector<RunRecord> runs = history.list();
  ASSERT_EQ(runs.size(), writers.size() * kRunsPerWriter);
  std::set<std::int64_t> ids;
  std::map<std::string, int> per_writer;
  for (const RunRecord &r : runs) {
    ids.insert(r.id);
    ++per_writer[r.experiment];
    EXPECT_TRUE(fs::exists(r.results_file)) << r.results_file;
  }
  EXPECT_EQ(ids.size(), runs.size());
  for (const std::string &w : writers)
    EXPECT_EQ(per_writer[w], kRunsPerWriter) << w;
  // Not a requirement of the history, but of this test: the writers did overlap.
  EXPECT_GT(handovers(runs), 1) << "the writers never overlapped; the test proved nothing";
}

using ConcurrentWriters = TempDirTest;

TEST_F(ConcurrentWriters, ThreadsWithTheirOwnConnectionsLoseNoRun) {
  const std::string history_dir = (m_dir / "history").string();
  const std::vector<std::string> writers{"thread-one", "thread-two"};
  std::latch start(static_cast<std::ptrdiff_t>(writers.size()));
  // Half-way, each writer waits for the other, as the processes below do (MEET): however the
  // scheduler orders them, the sequence of ids then changes hands at least twice.
  std::latch halfway(static_cast<std::ptrdiff_t>(writers.size()));
  std::vector<std::string> errors(writers.size());
  std::vector<std::thread> threads;
  for (std::size_t w = 0; w < writers.size(); ++w)
    threads.emplace_back([&, w] {
      bool met = false;
      try {
        start.arrive_and_wait();
        RunHistory history(history_dir); // one connection per thread, as Qt SQL requires
        for (int i = 0; i < kRunsPerWriter; ++i) {
          if (i == kRunsPerWriter / 2) {
            met = true;
            halfway.arrive_and_wait();
          }
          const auto now = Clock::now();
          history.add(fake_results(writers[w], {1.0 + i}), now, now);
        }
      } catch (const std::exception &e) {
        errors[w] = e.what();
        if (!met)
          halfway.count_down(); // the other writer must not wait for this one
      }
    });
  for (std::thread &t : threads)
    t.join();
  for (const std::string &e : errors)
    EXPECT_EQ(e, "");
  expect_every_run(history_dir, writers);
}

TEST_F(ConcurrentWriters, TwoProcessesLoseNoRun) {
  const std::string history_dir = (m_dir / "history").string();
  const std::string go = (m_dir / "go").string();
  const std::vector<std::string> writers{"process-one", "process-two"};
  std::vector<std::unique_ptr<conlab::test::ChildProcess>> children;
  for (const std::string &w : writers) {
    fs::create_directories(m_dir / w); // each child's captured output
    children.push_back(std::make_unique<conlab::test::ChildProcess>(
        HISTORY_WRITER,
        std::vector<std::string>{history_dir, go, std::to_string(kRunsPerWriter), w, "MEET"},
        m_dir / w));
  }
  for (auto &child : children)
    ASSERT_TRUE(child->wait_for_stderr("ready", 60s));
  conlab::test::write_file(go, "");
  for (auto &child : children) {
    const conlab::test::ProcessResult result = child->wait(120s);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.err, ::testing::Not(::testing::HasSubstr("locked")));
  }
  expect_every_run(history_dir, writers);
}

// A lab killed while it records (SIGKILL: no clean-up runs) leaves a history that opens, and every
// run it lists has a results file that loads: the row is added only after the file is complete.
TEST_F(ConcurrentWriters, AWriterKilledMidWayLeavesAReadableHistory) {
  const std::string history_dir = (m_dir / "history").string();
  const std::string go = (m_dir / "go").string();
  conlab::test::write_file(go, "");
  conlab::test::ChildProcess child(HISTORY_WRITER, {history_dir, go, "100000", "killed"}, m_dir);
  ASSERT_TRUE(child.wait_for_stderr("recorded 20\n", 60s));
  child.send(SIGKILL);
  const conlab::test::ProcessResult killed = child.wait(30s);
  ASSERT_EQ(killed.term_signal, SIGKILL);

  RunHistory history(history_dir); // a damaged database would be refused here
  const std::vector<RunRecord> runs = history.list();
  EXPECT_GE(runs.size(), 20u);
  for (const RunRecord &r : runs)
    EXPECT_NO_THROW(load_results(r.results_file)) << r.results_file;
  history.add(fake_results("after the crash", {1}), Clock::now(), Clock::now());
  EXPECT_EQ(history.list().size(), runs.size() + 1);
}

} // namespace
} // namespace conlab::history::test
