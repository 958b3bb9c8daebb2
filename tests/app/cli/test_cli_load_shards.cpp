// One load from several generators, as people run it across machines: conlab-cli load --shard
// I/N --start-at T in separate processes against the lab's own server (`serve`, in a child),
// then conlab-cli merge. The generators begin together, the merge holds every request and
// percentiles of all of them (equal to the percentiles of the parts' requests put together, not
// an average), the same load from one generator agrees with it, and bad input is refused with
// exit code 2, naming the argument.
#include "core/analysis/summary.h"
#include "core/results/results_json.h"
#include "core/util/format.h"

#include "tests/app/cli/cli_fixture.h"

#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <memory>
#include <regex>

namespace conlab::test {
namespace {

using namespace std::chrono_literals;

// An endpoint whose every request waits 20 ms on an event loop: 20 ms whatever the load here.
constexpr const char *kServed = R"({"schema": "conlab.experiment/1", "name": "served",
  "load": {"kind": "closed", "tasks": 1, "clients": 1},
  "variants": [{"label": "/wait", "model": "event_loop", "steps": [{"kind": "io", "ms": 20}]}]})";
constexpr double kServerLatencyS = 0.020;

class LoadShardsCli : public CliDirTest {
protected:
  void SetUp() override {
    CliDirTest::SetUp();
    write_file(path("served.json"), kServed);
    m_server = std::make_unique<ChildProcess>(
        CONLAB_CLI, std::vector<std::string>{"serve", "served.json", "--listen", "127.0.0.1:0"},
        m_dir);
    ASSERT_TRUE(m_server->wait_for_stdout("Ctrl-C stops the server.", 30s)) << m_server->output();
    std::smatch found;
    const std::string banner = m_server->output();
    ASSERT_TRUE(std::regex_search(banner, found, std::regex("at (http://127\\.0\\.0\\.1:[0-9]+)/")))
        << banner;
    m_url = std::string(found[1]) + "/wait";
  }
  void TearDown() override {
    if (m_server)
      m_server->send(SIGINT);
    CliDirTest::TearDown();
  }

  std::unique_ptr<ChildProcess> m_server;
  std::string m_url;
};

std::vector<double> answered_latencies(const RunResults &r) {
  std::vector<double> out;
  for (const TaskSample &t : r.variants.at(0).repeats.at(0).samples)
    if (t.finished() && t.submitted())
      out.push_back(static_cast<double>(t.response_ns()) * 1e-9);
  return out;
}

TEST_F(LoadShardsCli, ThreeGeneratorsBeginTogetherAndMergeIntoTheLoadOneWouldSend) {
  // Long enough ahead for three processes to start on a busy machine.
  const std::int64_t start_at = unix_now_ns() + 2'000'000'000;
  std::vector<std::unique_ptr<ChildProcess>> generators;
  for (int i = 0; i < 3; ++i)
    generators.push_back(std::make_unique<ChildProcess>(
        CONLAB_CLI,
        std::vector<std::string>{"load", m_url, "--rate", "150", "--duration", "2s", "--shard",
                                 std::to_string(i) + "/3", "--start-at", utc_time(start_at),
                                 "--out", "part-" + std::to_string(i) + ".json", "-q"},
        m_dir));
  for (auto &g : generators) {
    const ProcessResult r = g->wait(60s);
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  const ProcessResult merged_run =
      cli({"merge", "part-0.json", "part-1.json", "part-2.json", "--out", "load.json"});
  ASSERT_EQ(merged_run.exit_code, 0) << merged_run.out << merged_run.err;
  EXPECT_TRUE(contains(merged_run.out, "all 3 generators: sent")) << merged_run.out;
  const RunResults merged = load_results(path("load.json").string());
  const RepeatResult &r = merged.variants.at(0).repeats.at(0);

  // Every request of the load, from the three generators that sent it.
  EXPECT_EQ(merged.variants[0].summary.tasks, 300u); // 150/s for 2 s
  EXPECT_EQ(merged.variants[0].summary.completed, 300u);
  ASSERT_EQ(r.generators.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.generators[i].shard, (Shard{i, 3}));
    EXPECT_EQ(r.generators[i].sent, 100u);
    EXPECT_DOUBLE_EQ(r.generators[i].target_rate_per_s, 50);
  }
  // They began at the agreed time, together: generator I's first request was due I/150 s after
  // it (so that the three interleave), and each was sent within a few milliseconds of then.
  EXPECT_LT(start_spread_s(r.generators), 0.05);
  for (const GeneratorCheck &g : r.generators) {
    EXPECT_NEAR(static_cast<double>(g.arrival_phase_ns) * 1e-9,
                static_cast<double>(g.shard.index) / 150, 1e-6);
    const std::int64_t began = g.clock_zero_unix_ns + g.first_send_ns - g.arrival_phase_ns;
    EXPECT_NEAR(static_cast<double>(began - start_at) * 1e-9, 0.0, 0.05);
  }
  EXPECT_NEAR(total_achieved_rate(r.generators), 150, 15);

  // Percentiles of every request, as if one list held them all.
  std::vector<double> every;
  for (int i = 0; i < 3; ++i) {
    const std::vector<double> part =
        answered_latencies(load_results(path("part-" + std::to_string(i) + ".json").string()));
    every.insert(every.end(), part.begin(), part.end());
  }
  ASSERT_EQ(every.size(), 300u);
  const Percentiles expected = percentiles(every);
  const Percentiles &got = merged.variants[0].summary.latency_s;
  EXPECT_DOUBLE_EQ(got.p50, expected.p50);
  EXPECT_DOUBLE_EQ(got.p99, expected.p99);
  EXPECT_DOUBLE_EQ(got.max, expected.max);
  ASSERT_TRUE(r.latency_by_interval);
  EXPECT_EQ(r.latency_by_interval->count(), 300u);
  // And the server's 20 ms, as the one generator below measures it.
  EXPECT_GE(got.p50, kServerLatencyS);
  EXPECT_LT(got.p50, 1.5 * kServerLatencyS + 0.005);

  const ProcessResult one =
      cli({"load", m_url, "--rate", "150", "--duration", "2s", "--out", "one.json", "-q"});
  ASSERT_EQ(one.exit_code, 0) << one.out << one.err;
  const RunResults single = load_results(path("one.json").string());
  EXPECT_EQ(single.variants.at(0).summary.tasks, merged.variants[0].summary.tasks);
  const double ratio = got.p50 / single.variants[0].summary.latency_s.p50;
  EXPECT_GT(ratio, 0.8);
  EXPECT_LT(ratio, 1.25);
}

TEST_F(LoadShardsCli, AMissingGeneratorIsNamedAndMergedOnlyWhenAllowed) {
  // A closed load of 40 requests on 4 connections, split in two: 20 requests on 2 each.
  const ProcessResult part =
      cli({"load", m_url, "-n", "40", "-c", "4", "--shard", "0/2", "--out", "p0.json", "-q"});
  ASSERT_EQ(part.exit_code, 0) << part.out << part.err;
  const RunResults p0 = load_results(path("p0.json").string());
  EXPECT_EQ(p0.variants.at(0).summary.tasks, 20u);
  EXPECT_EQ(p0.experiment.load.clients, 2);

  const ProcessResult refused = cli({"merge", "p0.json", "--out", "load.json"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_TRUE(contains(refused.err, "1 of the 2 parts is missing: generator 1/2")) << refused.err;
  EXPECT_FALSE(std::filesystem::exists(path("load.json")));

  const ProcessResult allowed = cli({"merge", "p0.json", "--allow-missing", "--out", "load.json"});
  ASSERT_EQ(allowed.exit_code, 0) << allowed.out << allowed.err;
  EXPECT_TRUE(contains(allowed.err, "missing: generator 1/2")) << allowed.err;
  EXPECT_TRUE(contains(allowed.out, "generator 1/2 is missing")) << allowed.out;

  // The other half of a different load is refused, naming what differs.
  const ProcessResult other =
      cli({"load", m_url, "-n", "60", "-c", "4", "--shard", "1/2", "--out", "p1.json", "-q"});
  ASSERT_EQ(other.exit_code, 0) << other.out << other.err;
  const ProcessResult mixed = cli({"merge", "p0.json", "p1.json", "--out", "mixed.json"});
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_TRUE(
      contains(mixed.err, "p1.json is a part of a different load from p0.json (-n: 40 and 60)"))
      << mixed.err;
}

TEST_F(LoadShardsCli, CtrlCWhileWaitingToBeginStopsAtOnceAndLeavesAPartThatSentNothing) {
  ChildProcess g(CONLAB_CLI,
                 {"load", m_url, "--rate", "100", "--duration", "1s", "--shard", "1/2",
                  "--start-at", utc_time(unix_now_ns() + 60'000'000'000), "--out", "p1.json"},
                 m_dir);
  ASSERT_TRUE(g.wait_for_stderr("waiting until", 30s));
  g.send(SIGINT);
  const ProcessResult r = g.wait(10s);
  EXPECT_EQ(r.exit_code, 130) << r.out << r.err;
  EXPECT_LT(r.elapsed.count(), 5.0);
  const RunResults part = load_results(path("p1.json").string());
  EXPECT_EQ(part.status, RunStatus::cancelled);
  const RepeatResult &rep = part.variants.at(0).repeats.at(0);
  ASSERT_EQ(rep.generators.size(), 1u);
  EXPECT_EQ(rep.generators[0].shard, (Shard{1, 2}));
  EXPECT_EQ(rep.generators[0].sent, 0u);
  ASSERT_FALSE(rep.generator_warnings.empty());
  EXPECT_TRUE(contains(rep.generator_warnings[0], "stopped before --start-at"));
}

struct BadLoad {
  std::vector<std::string> args; // after "load URL"
  std::string says;
};

class LoadShardRefused : public CliDirTest, public ::testing::WithParamInterface<BadLoad> {};

TEST_P(LoadShardRefused, WithExit2NamingTheArgument) {
  std::vector<std::string> args = {"load", "http://127.0.0.1:9/"};
  args.insert(args.end(), GetParam().args.begin(), GetParam().args.end());
  const ProcessResult r = cli(args);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, GetParam().says)) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Args, LoadShardRefused,
    ::testing::Values(
        BadLoad{{"--shard", "3/3"}, "--shard 3/3: I must be 0…2 for N = 3"},
        BadLoad{{"--shard", "0/0"}, "--shard 0/0: N must be at least 1"},
        BadLoad{{"--shard", "one"}, "--shard one: expected I/N"},
        BadLoad{{"--start-at", "2020-01-01T00:00:00Z"}, "--start-at 2020-01-01T00:00:00Z: is "},
        BadLoad{{"--start-at", "2099-01-01T00:00:00Z"}, "is more than a day ahead"},
        BadLoad{{"--start-at", "2026-12-07T12:00:00"}, "has no zone"},
        BadLoad{{"-c", "2", "--shard", "0/4"},
                "-c 2: too few connections for the 4 generators of --shard 0/4"},
        BadLoad{{"-n", "3", "--rate", "10", "--shard", "0/4"}, "-n 3: too few requests"},
        BadLoad{{"http://127.0.0.1:9/b", "--shard", "0/2"}, "--shard: one URL at a time"},
        BadLoad{{"--shard", "0/2", "--spawn", "true"}, "--shard: not with --spawn"}));

} // namespace
} // namespace conlab::test
