// Bad input and faults, both ways: the generator against servers that refuse, stall or reset;
// the embedded server against malformed, oversized, slow and flooding clients. Loopback only,
// every wait bounded.
#include "tests/core/http/http_test_util.h"

#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <thread>
#include <vector>

namespace conlab {
namespace {

using namespace std::chrono_literals;
using test::asio::ip::tcp;

// A loopback listener whose accepted sockets are handled by `on_accept` on its own thread.
class RawServer {
public:
  template <typename F> explicit RawServer(F on_accept) {
    m_acceptor.open(tcp::v4());
    m_acceptor.bind({test::asio::ip::make_address("127.0.0.1"), 0});
    m_acceptor.listen();
    m_port = m_acceptor.local_endpoint().port();
    m_thread = std::thread([this, on_accept] {
      for (;;) {
        boost::system::error_code ec;
        tcp::socket socket = m_acceptor.accept(ec);
        if (ec || m_stopping)
          return;
        on_accept(socket);
        m_held.push_back(std::move(socket));
      }
    });
  }
  ~RawServer() {
    m_stopping = true;
    boost::system::error_code ec;
    tcp::socket poke(m_io); // wakes the blocking accept
    poke.connect({test::asio::ip::make_address("127.0.0.1"), m_port}, ec);
    m_thread.join();
  }
  std::uint16_t port() const { return m_port; }

private:
  test::asio::io_context m_io;
  tcp::acceptor m_acceptor{m_io};
  std::uint16_t m_port = 0;
  std::atomic<bool> m_stopping{false};
  std::vector<tcp::socket> m_held; // accept thread only
  std::thread m_thread;
};

std::uint16_t closed_port() {
  test::asio::io_context io;
  tcp::acceptor a(io, {test::asio::ip::make_address("127.0.0.1"), 0});
  return a.local_endpoint().port(); // closed again when `a` goes
}

std::string url(std::uint16_t port, const char *path = "/") {
  return "http://127.0.0.1:" + std::to_string(port) + path;
}

TEST(HttpGeneratorFaults, ClosedPortIsRefused) {
  const auto r = http::run_load(test::closed_options(url(closed_port()), 5, 2), 2);
  ASSERT_TRUE(r.repeat.http_errors);
  EXPECT_EQ(r.repeat.http_errors->refused, 5u);
  EXPECT_EQ(r.succeeded, 0u);
  EXPECT_EQ(r.repeat.summary.completed, 0u);
  EXPECT_NE(r.first_error.find("refused"), std::string::npos) << r.first_error;
}

// Failures beyond the sample budget are counted like those within it.
TEST(HttpGeneratorFaults, RefusalsBeyondTheSampleBudgetAreCounted) {
  http::GeneratorOptions o = test::closed_options(url(closed_port()), 3'000, 4);
  o.sample_budget = 1;
  const auto r = http::run_load(o, 2);
  EXPECT_EQ(r.repeat.http_errors->refused, 3'000u);
  EXPECT_EQ(r.repeat.samples.size(), 1'024u) << "one chunk kept";
  ASSERT_TRUE(r.repeat.beyond_budget);
  EXPECT_EQ(r.repeat.beyond_budget->tasks, 3'000u - 1'024u);
  EXPECT_EQ(r.repeat.beyond_budget->completed, 0u) << "a refusal has no latency";
  EXPECT_EQ(r.repeat.summary.tasks, 3'000u);
  EXPECT_EQ(r.repeat.summary.completed, 0u);
  EXPECT_EQ(http::failure_headline(r), "3000 of 3000 requests failed: 3000 refused");
}

TEST(HttpGeneratorFaults, StalledServerTimesOut) {
  RawServer server([](tcp::socket &) {}); // accepts, never answers
  const auto started = std::chrono::steady_clock::now();
  const auto r = http::run_load(test::closed_options(url(server.port()), 3, 3, 0.3), 2);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  EXPECT_EQ(r.repeat.http_errors->timeout, 3u);
  EXPECT_NE(r.first_error.find("no answer within"), std::string::npos) << r.first_error;
  // The requests held the run until they gave up: the makespan is the time they were given, not
  // the zero of no answer.
  EXPECT_GE(r.repeat.summary.makespan_s, 0.29);
  EXPECT_LT(r.repeat.summary.makespan_s, 2.0);
  EXPECT_EQ(r.repeat.summary.completed, 0u);
  EXPECT_EQ(http::failure_headline(r), "3 of 3 requests timed out after 300 ms");
  EXPECT_TRUE(http::describe_http_run(r).starts_with("3 of 3 requests timed out after 300 ms: "))
      << http::describe_http_run(r);
  EXPECT_NE(http::describe_http_run(r).find("the server did not: it may still be working on them"),
            std::string::npos)
      << http::describe_http_run(r);
}

// From when sent: end − start of the answered ones only.
TEST(HttpLatency, FromWhenSentLeavesOutTheSendersLateness) {
  std::vector<TaskSample> samples;
  for (std::uint32_t i = 0; i < 10; ++i)
    samples.push_back(TaskSample{0, 40'000'000, 40'000'000 + (i + 1) * 1'000'000LL, i, 0});
  samples.push_back(TaskSample{0, 1'000'000, -1, 10, 0}); // sent, never answered
  const Percentiles sent = http::latency_from_send(samples);
  EXPECT_NEAR(sent.max, 0.010, 1e-12);
  EXPECT_NEAR(sent.p50, 0.0055, 1e-12);
}

TEST(HttpGeneratorFaults, ResettingServerCountsResets) {
  RawServer server([](tcp::socket &socket) {
    char byte;
    boost::system::error_code ec;
    socket.read_some(test::asio::buffer(&byte, 1), ec); // the request has arrived
    socket.set_option(test::asio::socket_base::linger(true, 0), ec);
    socket.close(ec); // linger 0: RST instead of FIN
  });
  const auto r = http::run_load(test::closed_options(url(server.port()), 4, 1, 2), 2);
  EXPECT_EQ(r.repeat.http_errors->reset, 4u) << r.first_error;
  EXPECT_EQ(r.succeeded, 0u);
  EXPECT_EQ(http::failure_headline(r), "4 of 4 requests failed: 4 reset");
}

class EmbeddedServerFaults : public testing::Test {
protected:
  void SetUp() override {
    http::raise_open_file_limit();
    http::ServerOptions options;
    options.read_timeout = 400ms;
    options.max_connections = 1500;
    m_server = std::make_unique<http::EmbeddedServer>(test::endpoints_experiment(),
                                                      test::test_cpu(), 2, options);
    m_server->start();
  }
  std::uint16_t port() const { return m_server->port(); }
  std::unique_ptr<http::EmbeddedServer> m_server;
};

TEST_F(EmbeddedServerFaults, AnswersWellFormedAndUnknown) {
  EXPECT_EQ(test::status_line(test::exchange(port(), "GET /noop HTTP/1.1\r\nHost: x\r\n"
                                                     "Connection: close\r\n\r\n")),
            "HTTP/1.1 200 OK");
  EXPECT_EQ(test::status_line(test::exchange(port(), "GET /nope HTTP/1.1\r\nHost: x\r\n"
                                                     "Connection: close\r\n\r\n")),
            "HTTP/1.1 404 Not Found");
  const std::string index =
      test::exchange(port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(index.find("\"path\":\"/slow\""), std::string::npos) << index;
}

TEST_F(EmbeddedServerFaults, MalformedRequestGets400) {
  EXPECT_EQ(test::status_line(test::exchange(port(), "GARBAGE\x01\r\n\r\n")),
            "HTTP/1.1 400 Bad Request");
}

TEST_F(EmbeddedServerFaults, OversizedHeaderGets431) {
  const std::string request =
      "GET /noop HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(10'000, 'a') + "\r\n\r\n";
  EXPECT_EQ(test::status_line(test::exchange(port(), request)),
            "HTTP/1.1 431 Request Header Fields Too Large");
}

TEST_F(EmbeddedServerFaults, OversizedBodyGets413) {
  const std::string request = "POST /noop HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n" +
                              std::string(64 * 1024, 'b');
  EXPECT_EQ(test::status_line(test::exchange(port(), request)),
            "HTTP/1.1 413 Payload Too Large");
}

TEST_F(EmbeddedServerFaults, SlowClientIsCutOffAndOthersAreServed) {
  const auto started = std::chrono::steady_clock::now();
  std::thread slow([&] {
    // Half a header, then silence: closed by the read timeout, not left hanging.
    const std::string reply = test::exchange(port(), "GET /noop HTTP/1.1\r\nHo", 5000ms);
    EXPECT_EQ(reply, "");
  });
  const auto r = http::run_load(test::closed_options(url(port(), "/noop"), 50, 5), 2);
  EXPECT_EQ(r.succeeded, 50u);
  slow.join();
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_LT(took, 3s); // the read timeout is 400 ms
}

TEST_F(EmbeddedServerFaults, FloodOfIdleConnectionsDoesNotLockOthersOut) {
  // 2,000 connections that never send a byte: more than max_connections (1,500), so the server
  // must close idle ones to make room, and a well-formed request must still be answered.
  test::asio::io_context io;
  std::vector<tcp::socket> flood;
  flood.reserve(2000);
  const tcp::endpoint target(test::asio::ip::make_address("127.0.0.1"), port());
  for (int i = 0; i < 2000; ++i) {
    tcp::socket s(io);
    boost::system::error_code ec;
    s.connect(target, ec);
    if (!ec)
      flood.push_back(std::move(s));
  }
  EXPECT_GE(flood.size(), 1900u);
  const auto r = http::run_load(test::closed_options(url(port(), "/noop"), 20, 2, 5), 2);
  EXPECT_EQ(r.succeeded, 20u) << r.first_error;
  EXPECT_GT(m_server->stats().closed_idle, 0u);
  flood.clear();
}

// Like wrk: a closed load for a duration runs for the duration, whatever its cap, and keeps the
// samples of the requests it sent, in memory that grows with them rather than with the cap.
TEST_F(EmbeddedServerFaults, AClosedLoadForADurationRunsForItAndKeepsWhatItSent) {
  http::GeneratorOptions o = test::closed_options(url(port(), "/noop"), 2'000'000'000, 4);
  o.duration_s = 0.5;
  const auto started = std::chrono::steady_clock::now();
  const auto r = http::run_load(o, 2);
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_GT(took, 0.5);
  EXPECT_LT(took, 3.0);
  ASSERT_GT(r.repeat.samples.size(), 20u);
  EXPECT_LT(r.repeat.samples.size(), 2'000'000u);
  EXPECT_EQ(r.succeeded, r.repeat.samples.size()) << "every request sent was answered";
  EXPECT_EQ(r.repeat.summary.tasks, r.repeat.samples.size());
  EXPECT_EQ(r.repeat.summary.completed, r.repeat.samples.size());
  EXPECT_TRUE(r.repeat.complete);
  for (std::size_t i = 0; i < r.repeat.samples.size(); ++i)
    ASSERT_EQ(r.repeat.samples[i].task, i);
  // 2,000,000,000 preallocated samples would be 112 GB; the run's resident memory stays small.
  EXPECT_LT(r.repeat.resources.peak_rss_bytes, 1LL << 30);
}

// Beyond its sample budget a run keeps the first requests' samples and folds the rest: every
// request is still counted, timed and placed on the latency grid.
TEST_F(EmbeddedServerFaults, BeyondItsSampleBudgetARunCountsEveryRequestAndKeepsTheFirst) {
  http::GeneratorOptions o = test::closed_options(url(port(), "/noop"), 6'000, 8);
  o.sample_budget = 1'000;
  const auto r = http::run_load(o, 2);
  const RepeatResult &rep = r.repeat;
  EXPECT_EQ(r.succeeded, 6'000u);
  EXPECT_EQ(rep.samples.size(), 1'024u) << "the budget, rounded up to a whole chunk";
  ASSERT_TRUE(rep.beyond_budget);
  EXPECT_EQ(rep.beyond_budget->tasks, 6'000u - 1'024u);
  EXPECT_EQ(rep.beyond_budget->completed, 6'000u - 1'024u);
  EXPECT_EQ(rep.summary.tasks, 6'000u);
  EXPECT_EQ(rep.summary.completed, 6'000u);
  EXPECT_TRUE(rep.complete);
  EXPECT_EQ(rep.latency_over_time.total(), 6'000u);
  EXPECT_GT(rep.summary.latency_s.p50, 0);
  EXPECT_LE(rep.summary.latency_s.p50, rep.summary.latency_s.p99);
  EXPECT_LE(rep.summary.latency_s.p99, rep.summary.latency_s.max);
  std::uint64_t completions = 0;
  for (const ThroughputBucket &b : rep.summary.throughput_over_time)
    completions += b.completions;
  EXPECT_EQ(completions, 6'000u);
}

TEST_F(EmbeddedServerFaults, StopsPromptlyWithRequestsInFlight) {
  std::thread load([&] {
    const auto r = http::run_load(test::closed_options(url(port(), "/slow"), 50, 10, 5), 2);
    EXPECT_LT(r.succeeded, 50u);
  });
  std::this_thread::sleep_for(100ms);
  const auto started = std::chrono::steady_clock::now();
  m_server->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  load.join();
}

} // namespace
} // namespace conlab
