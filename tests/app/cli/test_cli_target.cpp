// conlab-cli run FILE --target URL: every variant measured at a real server (here the lab's own
// `serve`, at full scale, in a child process), each beside its model's prediction; and what is
// refused, naming the argument or the field.
#include "core/results/results_json.h"
#include "tests/app/cli/cli_fixture.h"

#include <gtest/gtest.h>

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
                  "variants[1].label: \"a pool\" is not a URL path"}),
    [](const ::testing::TestParamInfo<BadTarget> &param) { return param.param.what; });

} // namespace
} // namespace conlab::test
