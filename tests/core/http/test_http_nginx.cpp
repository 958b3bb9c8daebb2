// The generator against a server the lab did not write: Debian's nginx, started by the test on
// a free loopback port with a private prefix. Skipped only when nginx is not installed.
#include "tests/core/http/http_test_util.h"
#include "tests/core/http/nginx_process.h"

#include <gtest/gtest.h>

#include <iostream>

namespace conlab {
namespace {

class NginxTarget : public testing::Test {
protected:
  void SetUp() override {
    if (test::NginxProcess::find_binary().empty())
      GTEST_SKIP() << "nginx is not installed: apt-get install nginx (scripts/setup-deps)";
    m_nginx = std::make_unique<test::NginxProcess>(1);
    ASSERT_TRUE(m_nginx->ok()) << "nginx did not start: " << m_nginx->error();
  }
  std::unique_ptr<test::NginxProcess> m_nginx;
};

TEST_F(NginxTarget, ClosedLoadCountsStatusesAndLatencies) {
  const auto ok = http::run_load(test::closed_options(m_nginx->url("/hello"), 300, 8), 2);
  EXPECT_EQ(ok.succeeded, 300u) << ok.first_error;
  EXPECT_EQ(ok.repeat.http_errors->total(), 0u);
  const Summary &s = ok.repeat.summary;
  EXPECT_EQ(s.completed, 300u);
  EXPECT_GT(s.latency_s.p50, 0);
  EXPECT_LT(s.latency_s.p50, 0.05); // loopback, a static reply
  EXPECT_LE(s.latency_s.p50, s.latency_s.p99);
  EXPECT_LE(s.latency_s.p99, s.latency_s.max);
  EXPECT_GE(ok.check().connections_opened, 8);
  EXPECT_LE(ok.check().connections_opened, 16); // keep-alive: connections are reused

  const auto missing = http::run_load(test::closed_options(m_nginx->url("/missing"), 40, 4), 2);
  EXPECT_EQ(missing.succeeded, 0u);
  EXPECT_EQ(missing.repeat.http_errors->status.at(404), 40u);
  EXPECT_EQ(missing.repeat.http_errors->failed(), 0u);
  EXPECT_EQ(missing.repeat.summary.completed, 40u); // a 404 is a complete response
}

TEST_F(NginxTarget, OpenLoadKeepsItsRate) {
  http::GeneratorOptions o = test::closed_options(m_nginx->url("/"), 0, 1);
  o.load.kind = LoadKind::open;
  o.load.rate_per_s = 400;
  o.load.arrivals = ArrivalKind::poisson;
  o.duration_s = 1.0;
  const auto r = http::run_load(o, 2);
  const std::uint64_t planned = http::planned_requests(o);
  EXPECT_NEAR(static_cast<double>(planned), 400, 80);
  EXPECT_EQ(r.succeeded, planned) << r.first_error;
  EXPECT_NEAR(r.check().achieved_rate_per_s, 400, 100);
  EXPECT_TRUE(r.check().open_load);
  // Corrected latency (from the intended time) is never below the uncorrected one.
  for (const TaskSample &t : r.repeat.samples) {
    if (t.finished()) {
      EXPECT_GE(t.response_ns(), t.service_ns());
    }
  }
}

TEST_F(NginxTarget, NoKeepAliveOpensAConnectionPerRequest) {
  http::GeneratorOptions o = test::closed_options(m_nginx->url("/hello"), 30, 3);
  o.keep_alive = false;
  const auto r = http::run_load(o, 2);
  EXPECT_EQ(r.succeeded, 30u) << r.first_error;
  EXPECT_EQ(r.check().connections_opened, 30);
}

} // namespace
} // namespace conlab
