// The embedded HTTP/1.1 server (Boost.Beast, keep-alive): every variant of an experiment served
// as an endpoint whose path is its label, run with the variant's model (server_endpoints.h).
// Binds 127.0.0.1 unless told otherwise. Hardened against what a public port sees: header and
// body limits, a read timeout for slow clients, a bound on open connections.
#pragma once

#include "core/engine/cpu_work.h"
#include "core/experiment/spec.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace conlab::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;                  // 0: any free port (see EmbeddedServer::port)
  std::size_t header_limit = 8 * 1024;     // larger request headers get 431
  std::uint64_t body_limit = 1024 * 1024;  // larger bodies get 413
  std::chrono::milliseconds read_timeout{10'000}; // a request must arrive whole within this
  // Beyond this many open connections the oldest idle one is closed to make room, so a flood
  // cannot lock well-behaved clients out.
  std::size_t max_connections = 10'000;
  int only_variant = -1; // ≥ 0: serve that variant alone (the runner, one variant at a time)
};

struct EndpointInfo {
  std::string path, label, model, url;
  std::string note; // how the model is served when that differs from in-process
  int pool_size = 0;
};

struct ServerStats {
  std::uint64_t accepted = 0;
  std::uint64_t open = 0;
  std::uint64_t closed_idle = 0; // closed to make room at max_connections
  std::uint64_t requests = 0;
};

class EmbeddedServer {
public:
  // Serves every variant of `experiment` (its `target` members are ignored). `cpu` must outlive
  // the server.
  EmbeddedServer(const Experiment &experiment, const CpuWork &cpu, int cores,
                 ServerOptions options = {});
  ~EmbeddedServer(); // stops
  EmbeddedServer(const EmbeddedServer &) = delete;
  EmbeddedServer &operator=(const EmbeddedServer &) = delete;

  // Binds and starts serving on a thread of its own. Throws std::runtime_error naming the
  // address and the reason when it cannot listen.
  void start();
  // Graceful stop from any other thread: stops accepting, closes connections, cuts running
  // steps short, joins every thread. Safe to call twice.
  void stop();

  std::uint16_t port() const;
  std::string base_url() const; // http://127.0.0.1:PORT
  std::vector<EndpointInfo> endpoints() const;
  ServerStats stats() const;

private:
  struct State;
  std::unique_ptr<State> m;
};

// Lets this process open as many sockets as the hard limit allows (a flood needs thousands).
// Returns the new soft limit.
std::uint64_t raise_open_file_limit();

} // namespace conlab::http
