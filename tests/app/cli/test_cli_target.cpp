// conlab-cli run FILE --target URL: every variant measured at a real server (here the lab's own
// `serve`, at full scale, in a child process), each beside its model's prediction; and what is
// refused, naming the argument or the field.
#include "core/results/results_json.h"

#include "tests/app/cli/cli_fixture.h"
#include <boost/json/parse.hpp>

#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <regex>

namespace conlab::test {
namespace {

using namespace std::chrono_literals;

// A file at time scale 0.5, which a real server cannot follow: --target runs it at full scale.
constexpr const char *kTwoWays = R"({"schema": "conlab.experiment/1", "name": "two-ways",
  "load": {"kind": "closed", "tasks": 8, "clients": 8}, "time_scale": 0.5,
  "variants": [
    {"label": "/loop", "model": "event_loop", "steps": [{"kind": "io", "ms": 100}]},
    {"label": "/pool", "model": "thread_pool", "pool_size": 2,
     "steps": [{"kind": "blocking_io", "ms": 100}]}]})";

class TargetCli : public CliDirTest {
protected:
  void SetUp() override {
    CliDirTest::SetUp();
    write_file(path("two-ways.json"), kTwoWays);
  }
};

TEST_F(TargetCli, EveryVariantIsMeasuredAtTheServerBesideItsPrediction) {
  ChildProcess server(CONLAB_CLI,
                      {"serve", "two-ways.json", "--listen", "127.0.0.1:0", "--time-scale", "1"},
                      m_dir);
  ASSERT_TRUE(server.wait_for_stdout("Ctrl-C stops the server.", 30s)) << server.output();
  std::smatch found;
  const std::string banner = server.output();
  ASSERT_TRUE(std::regex_search(banner, found, std::regex("at (http://127\\.0\\.0\\.1:[0-9]+)/")))
      << banner;
  const std::string base = found[1];

  const ProcessResult r = cli({"run", "two-ways.json", "--target", base, "--out", "r.json"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "two-ways's time scale ×0.5 does not apply to a real server"))
      << r.err;
  const RunResults results = load_results(path("r.json").string());
  EXPECT_EQ(results.experiment.time_scale, 1);
  ASSERT_EQ(results.variants.size(), 2u);
  // The event loop overlaps the eight 100 ms waits; two threads take four waves of them.
  const double predicted[] = {0.1, 0.4};
  for (std::size_t i = 0; i < 2; ++i) {
    const VariantResult &v = results.variants[i];
    ASSERT_TRUE(results.experiment.variants[i].target) << v.label;
    EXPECT_EQ(results.experiment.variants[i].target->url, base + v.label);
    ASSERT_TRUE(v.prediction.makespan_s) << v.label;
    EXPECT_NEAR(*v.prediction.makespan_s, predicted[i], 1e-9) << v.label;
    EXPECT_GT(v.summary.makespan_s, 0.95 * predicted[i]) << v.label;
    EXPECT_LT(v.summary.makespan_s, 1.5 * predicted[i]) << v.label << ": HTTP adds little";
    EXPECT_EQ(v.summary.completed, 8u) << v.label;
  }
  server.send(SIGINT);
  EXPECT_EQ(server.wait(10s).exit_code, 0);
}

// A port that was free a moment ago, for a server the run itself starts.
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), size) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &size) != 0)
    ADD_FAILURE() << "no free port";
  ::close(fd);
  return ntohs(address.sin_port);
}

// Processes still alive (not zombies) whose command line contains `marker`.
int processes_with(const std::string &marker) {
  int found = 0;
  for (const auto &entry : std::filesystem::directory_iterator("/proc")) {
    const std::string pid = entry.path().filename();
    if (pid.find_first_not_of("0123456789") != std::string::npos || std::stoi(pid) == ::getpid())
      continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    std::getline(stat, line);
    const std::size_t close = line.rfind(')');
    if (close == std::string::npos || close + 2 >= line.size() || line[close + 2] == 'Z')
      continue;
    std::string cmdline = read_file(entry.path() / "cmdline");
    std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
    found += contains(cmdline, marker) ? 1 : 0;
  }
  return found;
}

// --spawn: the run starts the server under test, waits until it answers, and leaves nothing
// behind whatever happens.
class SpawnCli : public TargetCli {
protected:
  void SetUp() override {
    TargetCli::SetUp();
    m_port = std::to_string(free_port());
    m_base = "http://127.0.0.1:" + m_port;
    m_listen = "127.0.0.1:" + m_port;
    write_file(path("slow.json"), std::regex_replace(std::string(kTwoWays),
                                                     std::regex("\"ms\": 100"), "\"ms\": 6000"));
  }
  // The lab's own server over `file`, as a shell command.
  std::string serve(const std::string &file) const {
    return std::string(CONLAB_CLI) + " serve " + file + " --listen " + m_listen + " --time-scale 1";
  }
  std::string m_port, m_base, m_listen;
};

TEST_F(SpawnCli, TheServerIsStartedMeasuredAndStoppedWithItsLogReferenced) {
  const ProcessResult r = cli({"run", "two-ways.json", "--target", m_base, "--spawn",
                               serve("two-ways.json"), "--out", "r.json", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const RunResults results = load_results(path("r.json").string());
  ASSERT_TRUE(results.server);
  EXPECT_EQ(results.server->command, serve("two-ways.json"));
  EXPECT_EQ(results.server->log_path, "r.server.log");
  EXPECT_TRUE(results.server->ended_on_its_own.empty()) << results.server->ended_on_its_own;
  EXPECT_TRUE(contains(read_file(path("r.server.log")), "Ctrl-C stops the server."))
      << read_file(path("r.server.log"));
  EXPECT_TRUE(contains(r.out, "server under test: " + serve("two-ways.json"))) << r.out;
  for (const VariantResult &v : results.variants)
    EXPECT_EQ(v.summary.completed, 8u) << v.label;
  EXPECT_EQ(processes_with("--listen " + m_listen), 0);
}

TEST_F(SpawnCli, ACommandThatExitsIsBadInputWithTheEndOfItsLog) {
  const ProcessResult r = cli({"run", "two-ways.json", "--target", m_base, "--spawn",
                               "echo no such server here; exit 3", "--spawn-log", "s.log"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "--spawn: the server exited with code 3 before it answered at " +
                                  m_base + "/"))
      << r.err;
  EXPECT_TRUE(contains(r.err, "no such server here")) << r.err;
}

TEST_F(SpawnCli, APortThatAnswersAlreadyIsRefusedBeforeAnythingStarts) {
  ChildProcess other(CONLAB_CLI, {"serve", "two-ways.json", "--listen", m_listen}, m_dir);
  ASSERT_TRUE(other.wait_for_stdout("Ctrl-C stops the server.", 30s)) << other.output();
  const std::string marker = "sleep 32." + m_port;
  const ProcessResult r =
      cli({"run", "two-ways.json", "--target", m_base, "--spawn", marker, "--no-history"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "--spawn: something already answers at " + m_base + "/")) << r.err;
  EXPECT_EQ(processes_with(marker), 0) << "nothing was started";
  other.send(SIGINT);
  EXPECT_EQ(other.wait(10s).exit_code, 0);
}

TEST_F(SpawnCli, AServerThatNeverAnswersIsStoppedAfterTheTimeout) {
  const std::string marker = "sleep 31." + m_port; // unique to this test
  const ProcessResult r = cli({"run", "two-ways.json", "--target", m_base, "--spawn",
                               marker + " & " + marker, "--spawn-timeout", "1s"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "--spawn: the server did not answer at " + m_base + "/ within 1 s"))
      << r.err;
  EXPECT_EQ(processes_with(marker), 0) << "the shell and both of its children are gone";
}

TEST_F(SpawnCli, CtrlCStopsTheRunAndTheServerKeepingWhatWasMeasured) {
  ChildProcess run(CONLAB_CLI,
                   {"run", "slow.json", "--target", m_base, "--spawn", serve("slow.json"), "--out",
                    "r.json", "--variant", "/pool"},
                   m_dir);
  // The server is up once it says so, and the run has begun once the progress shows.
  ASSERT_TRUE(run.wait_for_stderr("start /pool", 30s)) << read_file(path("r.server.log"));
  run.send(SIGINT);
  const ProcessResult r = run.wait(30s);
  EXPECT_EQ(r.exit_code, 130) << r.out << r.err;
  EXPECT_EQ(load_results(path("r.json").string()).status, RunStatus::cancelled);
  EXPECT_EQ(processes_with("--listen " + m_listen), 0);
}

TEST_F(SpawnCli, ASecondCtrlCQuitsAtOnceAndStillTakesTheServerAlong) {
  ChildProcess run(CONLAB_CLI,
                   {"run", "slow.json", "--target", m_base, "--spawn", serve("slow.json")}, m_dir);
  ASSERT_TRUE(run.wait_for_stderr("start /pool", 30s));
  run.send(SIGINT);
  ASSERT_TRUE(run.wait_for_stderr("stopping", 10s));
  run.send(SIGINT);
  EXPECT_EQ(run.wait(30s).exit_code, 130);
  EXPECT_EQ(processes_with("--listen " + m_listen), 0);
}

TEST_F(SpawnCli, AServerThatDiesMidRunFailsTheRunAndKeepsWhatWasMeasured) {
  // The shell starts the server, kills it once the first requests are in flight, and exits 4.
  const std::string dies = serve("slow.json") + " & server=$!; sleep 3; kill -9 $server; exit 4";
  const ProcessResult r = cli({"run", "slow.json", "--target", m_base, "--spawn", dies, "--out",
                               "r.json", "--variant", "/pool", "--quiet"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "the server under test exited with code 4 during the run")) << r.err;
  const RunResults results = load_results(path("r.json").string());
  ASSERT_TRUE(results.server);
  EXPECT_EQ(results.server->ended_on_its_own, "exited with code 4");
  ASSERT_EQ(results.variants.size(), 1u);
  EXPECT_EQ(results.variants[0].summary.completed, 0u) << "every request was cut off";
  EXPECT_EQ(processes_with("--listen " + m_listen), 0);
}

// The article's four endpoints at a tenth of their length (WAIT_S=0.1), 40 concurrent requests.
constexpr const char *kArticleAtATenth = R"({"schema": "conlab.experiment/1",
  "name": "fastapi-article-tenth", "load": {"kind": "closed", "tasks": 40, "clients": 40},
  "variants": [
    {"label": "/a", "model": "event_loop", "claimed_makespan_s": 10,
     "steps": [{"kind": "blocking_io", "ms": 100}]},
    {"label": "/b", "model": "event_loop_offload", "pool_size": "python_default_executor",
     "claimed_makespan_s": 0.1, "steps": [{"kind": "blocking_io", "ms": 100}]},
    {"label": "/c", "model": "event_loop", "claimed_makespan_s": 0.1,
     "steps": [{"kind": "io", "ms": 100}]},
    {"label": "/d", "model": "thread_pool", "pool_size": "anyio_default",
     "claimed_makespan_s": 0.3, "steps": [{"kind": "blocking_io", "ms": 100}]}]})";

// The real FastAPI server of docs/examples under uvicorn, with Debian's python3 (not a python3
// that PATH may find first): every endpoint within its model's prediction, and then no uvicorn.
TEST_F(SpawnCli, TheArticlesFastApiServerMatchesEachEndpointsModel) {
  write_file(path("tenth.json"), kArticleAtATenth);
  const std::string uvicorn = std::string("cd ") + CONLAB_EXAMPLES_DIR +
                              "/fastapi-article && WAIT_S=0.1 exec /usr/bin/python3 -m uvicorn "
                              "server:app --host 127.0.0.1 --port " +
                              m_port;
  const ProcessResult r = cli(
      {"run", "tenth.json", "--target", m_base, "--spawn", uvicorn, "--out", "r.json", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err << read_file(path("r.server.log"));
  EXPECT_TRUE(contains(read_file(path("r.server.log")), "Uvicorn running on " + m_base))
      << read_file(path("r.server.log"));
  const RunResults results = load_results(path("r.json").string());
  ASSERT_EQ(results.variants.size(), 4u);
  for (const VariantResult &v : results.variants) {
    ASSERT_TRUE(v.prediction.makespan_s) << v.label;
    EXPECT_EQ(v.summary.completed, 40u) << v.label;
    // Python's own overhead is a few ms a request; a wrong model is off by 4× or more.
    EXPECT_GT(v.summary.makespan_s, 0.9 * *v.prediction.makespan_s) << v.label;
    EXPECT_LT(v.summary.makespan_s, 2.0 * *v.prediction.makespan_s) << v.label;
  }
  EXPECT_EQ(processes_with("--port " + m_port), 0);
}

// P = 4 threads, S = 20 ms: never more than 200 requests/s.
constexpr const char *kPoolOfFour = R"({"schema": "conlab.experiment/1", "name": "pool4",
  "load": {"kind": "closed", "tasks": 8, "clients": 8},
  "variants": [{"label": "/pool", "model": "thread_pool", "pool_size": 4,
                "steps": [{"kind": "blocking_io", "ms": 20}]}]})";

// Short runs that still hold 150 requests: a search of about ten runs in 15 s.
const std::vector<std::string> kQuickSearch = {"--run-duration", "1s", "--min-requests", "150",
                                               "--start-rate",   "60", "--precision",    "0.1"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string> &more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

boost::json::value read_json(const std::filesystem::path &file) {
  return boost::json::parse(read_file(file));
}

TEST_F(SpawnCli, CapacityOfTheLabsServerStaysUnderThePoolsCeiling) {
  write_file(path("pool.json"), kPoolOfFour);
  const ProcessResult r = cli(with({"capacity", m_base + "/pool", "--slo", "p99<60ms", "--spawn",
                                    serve("pool.json"), "--out", "cap.json", "--quiet"},
                                   kQuickSearch));
  const boost::json::object cap = read_json(path("cap.json")).as_object();
  EXPECT_EQ(cap.at("schema").as_string(), "conlab.capacity/1");
  const boost::json::object &measured = cap.at("measured").as_object();
  EXPECT_EQ(processes_with("--listen " + m_listen), 0);
#ifdef CONLAB_SANITIZED
  // A sanitized generator runs several times slower and may send late before the server reaches
  // its ceiling: the search must then say so, and never call what it saw a capacity.
  if (measured.at("outcome").as_string() == "generator_saturated") {
    EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
    const std::string said(measured.at("summary").as_string());
    EXPECT_TRUE(contains(said, "the generator could not keep up at")) << said;
    EXPECT_TRUE(contains(said, "so its capacity is at least that, not measured")) << said;
    EXPECT_LT(measured.at("capacity_per_s").to_number<double>(), 200);
    return;
  }
#endif
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(measured.at("outcome").as_string(), "found");
  const double found = measured.at("capacity_per_s").to_number<double>();
  const double broke = measured.at("breaking_per_s").to_number<double>();
  EXPECT_LT(found, 200) << "4 threads of 20 ms take at most 200/s";
  // The in-process search of the same variant finds 165/s here; HTTP adds about a millisecond.
  EXPECT_GT(found, 100);
  EXPECT_LE((broke - found) / broke, 0.1);
  EXPECT_GE(measured.at("runs").as_array().size(), 6u);
  EXPECT_TRUE(contains(r.out, "the highest rate that keeps p99<60ms is")) << r.out;
  EXPECT_TRUE(contains(r.out, "kept up")) << "the generator's self-check at the top rate\n"
                                          << r.out;
  EXPECT_EQ(cap.at("server_under_test").at("log").as_string(), "cap.server.log");
  EXPECT_EQ(processes_with("--listen " + m_listen), 0);
}

TEST_F(TargetCli, CapacityOfAVariantStandsBesideTheSimulatorsAndBelowItsCeiling) {
  write_file(path("pool.json"), kPoolOfFour);
  const ProcessResult r = cli(with({"capacity", "pool.json", "--variant", "/pool", "--slo",
                                    "p99<60ms", "--out", "cap.json", "--quiet"},
                                   kQuickSearch));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const boost::json::object cap = read_json(path("cap.json")).as_object();
  const double measured = cap.at("measured").at("capacity_per_s").to_number<double>();
  const double predicted = cap.at("predicted").at("capacity_per_s").to_number<double>();
  EXPECT_LT(measured, 200);
  EXPECT_LT(predicted, 200);
  EXPECT_NEAR(measured / predicted, 1, 0.3) << r.out;
  EXPECT_TRUE(contains(r.out, "predicted (simulator, ideal machine): the highest rate")) << r.out;
  EXPECT_TRUE(contains(r.out, "measured ÷ predicted: ")) << r.out;
}

TEST_F(TargetCli, ACapacityMissedAtTheLowestRateIsNoCapacity) {
  write_file(path("pool.json"), kPoolOfFour);
  // Every request takes 20 ms: p99 under 10 ms is out of reach at any rate.
  const ProcessResult r = cli(with({"capacity", "pool.json", "--variant", "/pool", "--slo",
                                    "p99<10ms", "--out", "cap.json", "--quiet"},
                                   kQuickSearch));
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "p99<10ms is missed even at the lowest rate tried, 60.0/s")) << r.out;
  const boost::json::object cap = read_json(path("cap.json")).as_object();
  EXPECT_EQ(cap.at("measured").at("outcome").as_string(), "misses_at_lowest_rate");
  EXPECT_TRUE(cap.at("measured").at("capacity_per_s").is_null());
}

struct BadTarget {
  const char *what;
  std::vector<std::string> args;
  const char *named;
};

class TargetRefused : public TargetCli, public ::testing::WithParamInterface<BadTarget> {};

TEST_P(TargetRefused, WithExit2) {
  write_file(path("spaced.json"),
             std::regex_replace(std::string(kTwoWays), std::regex("/pool"), "a pool"));
  const ProcessResult r = cli(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, GetParam().named)) << "expected " << GetParam().named << " in\n"
                                                 << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, TargetRefused,
    ::testing::Values(
        BadTarget{"time_scale",
                  {"run", "two-ways.json", "--target", "http://127.0.0.1:9", "--time-scale", "0.1"},
                  "--time-scale: a real server at --target runs at its own speed"},
        BadTarget{"not_http", {"run", "two-ways.json", "--target", "ftp://x"}, "--target: "},
        BadTarget{"query",
                  {"run", "two-ways.json", "--target", "http://127.0.0.1:9/?x=1"},
                  "--target: a base URL has no query"},
        BadTarget{"label_not_a_path",
                  {"run", "spaced.json", "--target", "http://127.0.0.1:9"},
                  "variants[1].label: \"a pool\" is not a URL path"},
        BadTarget{"spawn_without_target",
                  {"run", "two-ways.json", "--spawn", "true"},
                  "--spawn: only with --target"},
        BadTarget{"spawn_log_without_spawn",
                  {"run", "two-ways.json", "--target", "http://127.0.0.1:9", "--spawn-log", "x"},
                  "--spawn-log: only with --spawn"},
        BadTarget{"spawn_timeout_malformed",
                  {"run", "two-ways.json", "--target", "http://127.0.0.1:9", "--spawn", "true",
                   "--spawn-timeout", "soon"},
                  "--spawn-timeout: "},
        BadTarget{"slo_missing", {"capacity", "http://127.0.0.1:9/"}, "--slo: say what"},
        BadTarget{"slo_malformed",
                  {"capacity", "http://127.0.0.1:9/", "--slo", "p99 200ms"},
                  "--slo: 'p99 200ms' is not an SLO: it needs a '<'"},
        BadTarget{"capacity_not_http", {"capacity", "ftp://x/", "--slo", "p99<1s"}, "ftp://x/"},
        BadTarget{"capacity_time_scale_with_url",
                  {"capacity", "http://127.0.0.1:9/", "--slo", "p99<1s", "--time-scale", "0.1"},
                  "--time-scale: only for an experiment's variant"},
        BadTarget{"capacity_no_variant",
                  {"capacity", "two-ways.json", "--slo", "p99<1s"},
                  "--variant: name the variant of two-ways.json"},
        BadTarget{"capacity_unknown_variant",
                  {"capacity", "two-ways.json", "--variant", "/x", "--slo", "p99<1s"},
                  "--variant /x: no such variant in two-ways (it has /loop, /pool)"},
        BadTarget{"capacity_max_rate_below_start",
                  {"capacity", "http://127.0.0.1:9/", "--slo", "p99<1s", "--start-rate", "50",
                   "--max-rate", "10"},
                  "--max-rate: must be at least --start-rate"},
        BadTarget{"capacity_max_rate_beyond_memory",
                  {"capacity", "http://127.0.0.1:9/", "--slo", "p99<1s", "--max-rate", "9000000",
                   "--run-duration", "60s"},
                  "--max-rate: a run at 9.00 M/s sends about"}),
    [](const ::testing::TestParamInfo<BadTarget> &param) { return param.param.what; });

} // namespace
} // namespace conlab::test
