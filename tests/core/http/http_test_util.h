// Helpers for the HTTP tests: a blocking raw-socket client (to send exactly the bytes a test
// wants, malformed ones included) and small experiments served by the embedded server.
#pragma once

#include "core/engine/cpu_work.h"
#include "core/experiment/spec.h"
#include "core/http/load_generator.h"
#include "core/http/server.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <sys/socket.h>

#include <chrono>
#include <string>

namespace conlab::test {

namespace asio = boost::asio;

inline Experiment endpoints_experiment() {
  Experiment e;
  e.name = "http-test";
  e.load.tasks = 1;
  e.load.clients = 1;
  Variant noop;
  noop.label = "/noop";
  noop.model = "event_loop";
  noop.steps.push_back(Step{StepKind::io, Duration{.ms = 0}});
  e.variants.push_back(noop);
  Variant slow = noop;
  slow.label = "/slow";
  slow.steps[0].duration.ms = 200;
  e.variants.push_back(slow);
  return e;
}

inline const CpuWork &test_cpu() {
  static const CpuWork cpu(CpuWork::calibrate(3, 10));
  return cpu;
}

// Sends `bytes` on a fresh connection and returns whatever comes back until the server closes
// or `wait` passes (SO_RCVTIMEO bounds every read).
inline std::string exchange(std::uint16_t port, const std::string &bytes,
                            std::chrono::milliseconds wait = std::chrono::milliseconds(3000)) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  timeval tv{static_cast<time_t>(wait.count() / 1000),
             static_cast<suseconds_t>((wait.count() % 1000) * 1000)};
  ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  boost::system::error_code ec;
  asio::write(socket, asio::buffer(bytes), ec);
  std::string out;
  char buffer[4096];
  for (;;) {
    const std::size_t n = socket.read_some(asio::buffer(buffer), ec);
    out.append(buffer, n);
    if (ec)
      break;
  }
  return out;
}

inline std::string status_line(const std::string &response) {
  return response.substr(0, response.find("\r\n"));
}

inline http::GeneratorOptions closed_options(const std::string &url, std::int64_t n,
                                             std::int64_t c, double timeout_s = 5) {
  http::GeneratorOptions o;
  std::string error;
  o.request.url = *http::parse_url(url, error);
  o.load.kind = LoadKind::closed;
  o.load.tasks = n;
  o.load.clients = c;
  o.timeout_s = timeout_s;
  return o;
}

} // namespace conlab::test
