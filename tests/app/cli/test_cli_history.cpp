// conlab-cli and the history as a person uses them: every run is recorded (a cancelled one too,
// with its partial results), --no-history records nothing, CONLAB_HISTORY_DIR and --history-dir
// choose the place, a history that cannot be used stops the run before it starts, and the history
// command lists, shows, renames, tags, marks and deletes.
#include "core/history/run_history.h"
#include "core/results/results_json.h"
#include "tests/app/cli/cli_fixture.h"

#include <gmock/gmock.h>

#include <signal.h>

namespace conlab::history {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using conlab::test::ProcessResult;
using ::testing::HasSubstr;

// Two variants of 6 tasks of 10 ms: a run of a fraction of a second.
constexpr const char *kQuick = R"({
  "schema": "conlab.experiment/1", "name": "quick",
  "load": { "kind": "closed", "tasks": 6, "clients": 3 },
  "variants": [
    { "label": "/io", "model": "event_loop", "steps": [ { "kind": "io", "ms": 10 } ] },
    { "label": "/pool", "model": "thread_pool", "pool_size": 2,
      "steps": [ { "kind": "blocking_io", "ms": 10 } ] } ] })";

// A quick variant, then one of 40 s that the test interrupts.
constexpr const char *kInterrupted = R"({
  "schema": "conlab.experiment/1", "name": "interrupted",
  "load": { "kind": "closed", "tasks": 400, "clients": 4 },
  "variants": [
    { "label": "/quick", "model": "event_loop", "steps": [ { "kind": "io", "ms": 1 } ] },
    { "label": "/long", "model": "thread_pool", "pool_size": 1,
      "steps": [ { "kind": "blocking_io", "ms": 100 } ] } ] })";

// A pool of P = 1 or 2 threads for 4 blocking waits of 5 ms: two runs.
constexpr const char *kSweep = R"({
  "schema": "conlab.experiment/1", "name": "tiny sweep",
  "load": { "kind": "closed", "tasks": 4, "clients": 4 },
  "variants": [ { "label": "/pool", "model": "thread_pool", "pool_size": 1,
                  "steps": [ { "kind": "blocking_io", "ms": 50 } ] } ],
  "sweep": { "parameters": [ { "parameter": "pool_size", "values": [1, 2] } ] } })";
// (50 ms waits, not 5: under TSan a thread's start-up is milliseconds, and two threads sharing
// four 5 ms waits were once no faster than one.)

// The fixture points CONLAB_HISTORY_DIR at the test's directory; the tests name the history with
// --history-dir all the same, but for the one about the environment.
class CliHistory : public conlab::test::CliDirTest {
protected:
  void SetUp() override {
    CliDirTest::SetUp();
    file("quick.json", kQuick);
    file("interrupted.json", kInterrupted);
    file("sweep.json", kSweep);
  }
  std::string history_dir() const { return (m_dir / "history").string(); }
  ProcessResult history(std::vector<std::string> args) {
    args.insert(args.begin(), "history");
    args.insert(args.end(), {"--history-dir", history_dir()});
    return cli(args);
  }
};

TEST_F(CliHistory, ARunIsRecordedWithItsResultsFile) {
  const ProcessResult run = cli({"run", "quick.json", "--history-dir", history_dir()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("recorded as run 1 in the history"));

  RunHistory h(history_dir());
  const std::vector<RunRecord> runs = h.list();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].experiment, "quick");
  EXPECT_EQ(runs[0].status, RunStatus::completed);
  ASSERT_EQ(runs[0].variants.size(), 2u);
  EXPECT_EQ(runs[0].variants[1].label, "/pool");
  EXPECT_EQ(runs[0].variants[1].completed, 6u);
  EXPECT_LE(runs[0].started, runs[0].finished);
  const RunResults saved = load_results(runs[0].results_file);
  EXPECT_EQ(saved.variants[1].repeats.at(0).samples.size(), 6u);

  const ProcessResult list = history({});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("quick"));
  EXPECT_THAT(list.out, HasSubstr("/io "));
  EXPECT_THAT(list.out, HasSubstr("1 run in " + history_dir()));
}

// A sweep is a run too: recorded with its grid, each variant at its best point, and compared
// point by point with its recorded copy (one repeat a side: no verdict, exit 3).
TEST_F(CliHistory, ASweepIsRecordedAndShownAtItsBestPoint) {
  const ProcessResult sweep =
      cli({"sweep", "sweep.json", "--out", "sweep-results.json", "--history-dir", history_dir()});
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  EXPECT_THAT(sweep.err, HasSubstr("recorded as run 1 in the history"));
  const RunRecord r = RunHistory(history_dir()).get(1);
  EXPECT_EQ(r.sweep, "P: 2 of 2 runs");
  ASSERT_EQ(r.variants.size(), 1u);
  EXPECT_EQ(r.variants[0].best_at, "P = 2") << "two threads halve four 50 ms waits";
  EXPECT_EQ(load_results(r.results_file).sweep->runs_done, 2u);

  const ProcessResult show = history({"show", "1"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("sweep       P: 2 of 2 runs"));
  EXPECT_THAT(show.out, HasSubstr("best at"));
  EXPECT_THAT(history({}).out, HasSubstr("/pool best "));

  const ProcessResult compare = cli({"compare", r.results_file, "sweep-results.json"});
  EXPECT_EQ(compare.exit_code, 3) << compare.err;
  EXPECT_THAT(compare.out, HasSubstr("P = 2"));
  EXPECT_THAT(compare.out, HasSubstr("1 run each: noise unknown"));

  EXPECT_EQ(cli({"sweep", "sweep.json", "--no-history", "-q"}).exit_code, 0);
  EXPECT_EQ(RunHistory(history_dir()).list().size(), 1u) << "--no-history records nothing";
  EXPECT_EQ(cli({"sweep", "sweep.json", "--no-history", "--history-dir", "x"}).exit_code, 2);
}

TEST_F(CliHistory, NoHistoryRecordsNothing) {
  const ProcessResult run = cli({"run", "quick.json", "--no-history", "--out", "results.json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, ::testing::Not(HasSubstr("recorded")));
  EXPECT_TRUE(fs::exists(m_dir / "results.json"));
  EXPECT_FALSE(fs::exists(history_dir()));
  EXPECT_EQ(cli({"run", "quick.json", "--no-history", "--history-dir", "x"}).exit_code, 2);
}

TEST_F(CliHistory, TheEnvironmentChoosesTheHistory) {
  const fs::path elsewhere = m_dir / "from-environment";
  ::setenv("CONLAB_HISTORY_DIR", elsewhere.c_str(), 1); // the child inherits it
  const ProcessResult run = cli({"run", "quick.json", "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "") << "--quiet says nothing about the history either";
  EXPECT_EQ(RunHistory(elsewhere.string()).list().size(), 1u);
  EXPECT_FALSE(fs::exists(history_dir()));
}

TEST_F(CliHistory, ACancelledRunIsRecordedWithWhatWasMeasured) {
  conlab::test::ChildProcess child(
      CONLAB_CLI, {"run", "interrupted.json", "--history-dir", history_dir()}, m_dir);
  ASSERT_TRUE(child.wait_for_stderr("start /long", 60s));
  child.send(SIGINT);
  const ProcessResult r = child.wait(30s);
  ASSERT_EQ(r.exit_code, 130) << r.err;

  RunHistory h(history_dir());
  const std::vector<RunRecord> runs = h.list();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].status, RunStatus::cancelled);
  const RunResults saved = load_results(runs[0].results_file); // a readable partial result
  EXPECT_EQ(saved.status, RunStatus::cancelled);
  ASSERT_EQ(saved.variants.size(), 2u);
  EXPECT_EQ(saved.variants[0].summary.completed, 400u);
  EXPECT_LT(saved.variants[1].summary.completed, 400u);
}

TEST_F(CliHistory, AHistoryThatCannotBeUsedStopsTheRunBeforeItStarts) {
  fs::create_directories(history_dir());
  const fs::path db = fs::path(history_dir()) / "history.sqlite";
  conlab::test::write_file(db, "not a database, not at all, but long enough to look like one\n");
  const ProcessResult run = cli({"run", "quick.json", "--history-dir", history_dir()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr(db.string()));
  EXPECT_THAT(run.err, HasSubstr("not a readable SQLite database"));
  EXPECT_THAT(run.err, HasSubstr("--no-history"));
  EXPECT_EQ(run.out, "") << "nothing was run";
  EXPECT_EQ(conlab::test::read_file(db),
            "not a database, not at all, but long enough to look like one\n");
  EXPECT_EQ(history({}).exit_code, 1);
}

TEST_F(CliHistory, TheHistoryCommandRenamesTagsMarksAndDeletes) {
  ASSERT_EQ(cli({"run", "quick.json", "-q", "--history-dir", history_dir()}).exit_code, 0);
  ASSERT_EQ(cli({"run", "quick.json", "-q", "--history-dir", history_dir()}).exit_code, 0);
  EXPECT_EQ(history({"rename", "1", "before the change"}).exit_code, 0);
  EXPECT_EQ(history({"tag", "1", "laptop"}).exit_code, 0);
  EXPECT_EQ(history({"baseline", "1"}).exit_code, 0);

  const ProcessResult show = history({"show", "1"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("run 1: before the change [baseline]"));
  EXPECT_THAT(show.out, HasSubstr("tags        laptop"));
  EXPECT_THAT(show.out, HasSubstr("/pool"));
  const ProcessResult found = history({"list", "--search", "LAPTOP"});
  EXPECT_THAT(found.out, HasSubstr("before the change"));
  EXPECT_THAT(found.out, HasSubstr("1 run in"));

  const std::string results_file = RunHistory(history_dir()).get(2).results_file;
  const ProcessResult unconfirmed = history({"delete", "2"});
  EXPECT_EQ(unconfirmed.exit_code, 2);
  EXPECT_THAT(unconfirmed.err, HasSubstr("add --yes to delete run 2"));
  EXPECT_TRUE(fs::exists(results_file));
  const ProcessResult deleted = history({"delete", "2", "--yes"});
  EXPECT_EQ(deleted.exit_code, 0) << deleted.err;
  EXPECT_FALSE(fs::exists(results_file));
  EXPECT_EQ(RunHistory(history_dir()).list().size(), 1u);

  for (const std::vector<std::string> &bad : {std::vector<std::string>{"show", "7"},
                                              {"show", "seven"},
                                              {"tag", "1", "a,b"},
                                              {"rename", "1", " "},
                                              {"rename", "1"},
                                              {"frobnicate"}}) {
    const ProcessResult r = history(bad);
    EXPECT_EQ(r.exit_code, 2) << bad.front() << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("error: history")) << r.err;
    EXPECT_THAT(r.err, HasSubstr(bad.front())) << "names the verb: " << r.err;
  }
}

} // namespace
} // namespace conlab::history
