// One request on one connection, and what a failure counts as.
#include "core/http/load_worker.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <algorithm>

namespace conlab::http::detail {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

constexpr auto kToken = asio::as_tuple(asio::use_awaitable);
constexpr std::uint64_t kBodyLimit = 64ull << 20; // a response bigger than this is an error

enum class Failure { refused, reset, timeout, other };

Failure classify(const boost::system::error_code &ec) {
  if (ec == beast::error::timeout)
    return Failure::timeout;
  if (ec == asio::error::connection_refused)
    return Failure::refused;
  if (ec == asio::error::connection_reset || ec == asio::error::connection_aborted ||
      ec == asio::error::broken_pipe || ec == asio::error::eof ||
      ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message)
    return Failure::reset;
  return Failure::other;
}

// A reused keep-alive connection the server has closed meanwhile fails at once with one of
// these; that is the connection's age, not the server's answer, so the request is retried once
// on a fresh connection.
bool stale_connection(const boost::system::error_code &ec) {
  return ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
         ec == asio::error::eof || ec == bhttp::error::end_of_stream;
}

void close(Connection &c) {
  boost::system::error_code ignored;
  c.socket.close(ignored);
  c.connected = false;
  c.responses = 0;
  c.buffer.clear();
  c.deadline_ns = Connection::kNoDeadline;
  c.timed_out = false;
}

// An operation the watchdog cut short ends "aborted": it is a timeout.
boost::system::error_code outcome(Connection &c, const boost::system::error_code &ec) {
  c.deadline_ns = Connection::kNoDeadline;
  return ec && c.timed_out ? boost::system::error_code(beast::error::timeout) : ec;
}

void record_failure(Worker &w, Connection &c, std::uint32_t task, bool started,
                    const boost::system::error_code &ec, std::string_view step) {
  RunShared &s = w.shared;
  switch (classify(ec)) {
  case Failure::refused:
    ++w.errors.refused;
    break;
  case Failure::reset:
    ++w.errors.reset;
    break;
  case Failure::timeout:
    ++w.errors.timeout;
    break;
  case Failure::other:
    ++w.errors.other;
    break;
  }
  if (w.first_error.empty())
    w.first_error = std::string(step) + " " + s.options.request.url.text() + ": " +
                    (ec == beast::error::timeout
                         ? "no answer within " + std::to_string(s.options.timeout_s) + " s"
                         : ec.message());
  // The recorder counts it as ended so that telemetry's in-flight count comes down; the run
  // marks the sample unfinished afterwards, so latency statistics hold successes only.
  if (!started)
    s.recorder.started(task);
  s.recorder.failed(task);
  close(c);
}

} // namespace

Connection::Connection(Worker &w) : worker(w), socket(w.io) {
  entry = w.live.insert(w.live.end(), this);
}

Connection::~Connection() { worker.live.erase(entry); }

Active::~Active() {
  if (--m_worker.active == 0 && !m_worker.tearing_down)
    m_worker.watchdog.cancel();
}

asio::awaitable<void> watchdog(Worker &w) {
  using std::chrono::milliseconds;
  const auto tick = std::clamp<std::chrono::nanoseconds>(w.shared.timeout / 20, milliseconds(1),
                                                         milliseconds(100));
  while (w.active > 0) {
    w.watchdog.expires_after(tick);
    co_await w.watchdog.async_wait(kToken); // cancelled when the last sender ends
    const std::int64_t now = w.shared.clock.now_ns();
    for (Connection *c : w.live)
      if (c->deadline_ns <= now) {
        c->timed_out = true;
        c->deadline_ns = Connection::kNoDeadline;
        boost::system::error_code ignored;
        c->socket.close(ignored); // its operation ends at once, as a timeout (outcome)
      }
  }
}

asio::awaitable<void> perform_request(Worker &w, Connection &c, std::uint32_t task) {
  RunShared &s = w.shared;
  bool started = false;
  for (int attempt = 0;; ++attempt) {
    if (!c.connected) {
      if (s.endpoints.empty()) {
        if (w.first_error.empty())
          w.first_error = s.resolve_error;
        ++w.errors.other;
        if (!started)
          s.recorder.started(task);
        s.recorder.failed(task);
        co_return;
      }
      c.timed_out = false;
      c.deadline_ns = s.clock.now_ns() + s.timeout.count();
      auto [connect_error, peer] = co_await asio::async_connect(c.socket, s.endpoints, kToken);
      if (const auto ec = outcome(c, connect_error)) {
        record_failure(w, c, task, started, ec, "connect");
        co_return;
      }
      boost::system::error_code ignored;
      c.socket.set_option(asio::ip::tcp::no_delay(true), ignored);
      c.connected = true;
      ++w.connections_opened;
    }
    if (!started) {
      s.recorder.started(task); // the actual send time
      started = true;
      const std::int64_t now = s.recorder.clock().now_ns();
      if (w.first_send_ns < 0)
        w.first_send_ns = now;
      w.last_send_ns = now;
      ++w.sent;
    }
    const bool reused = c.responses > 0;
    // One deadline for the send and the whole response, as the timeout is documented.
    c.deadline_ns = s.clock.now_ns() + s.timeout.count();
    auto [write_error, written] =
        co_await asio::async_write(c.socket, asio::buffer(s.request_bytes), kToken);
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(kBodyLimit);
    parser.skip(s.head);
    boost::system::error_code read_error;
    if (!write_error) {
      auto [ec, bytes] = co_await bhttp::async_read(c.socket, c.buffer, parser, kToken);
      read_error = ec;
    }
    const boost::system::error_code ec = outcome(c, write_error ? write_error : read_error);
    if (ec) {
      if (reused && attempt == 0 && !parser.got_some() && stale_connection(ec)) {
        close(c);
        continue;
      }
      record_failure(w, c, task, started, ec, write_error ? "send to" : "response from");
      co_return;
    }
    s.recorder.finished(task);
    ++c.responses;
    const unsigned status = parser.get().result_int();
    if (status >= 200 && status < 300)
      ++w.succeeded;
    else
      ++w.errors.status[static_cast<int>(status)];
    // The watchdog may have closed it just after the response came in: it is then gone.
    if (!parser.get().keep_alive() || !s.options.keep_alive || c.timed_out)
      close(c);
    co_return;
  }
}

} // namespace conlab::http::detail
