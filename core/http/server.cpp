#include "core/http/server.h"

#include "core/http/server_session.h"
#include "core/http/url.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/serialize.hpp>

#include <sys/resource.h>

#include <future>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace conlab::http {
namespace asio = boost::asio;
using asio::ip::tcp;

// Member order is destruction order in reverse: endpoints (whose pools and loops may still hold
// suspended sessions) go before the loop those sessions' sockets belong to, and the connection
// list outlives both because a destroyed session removes itself from it.
struct EmbeddedServer::State {
  ServerShared shared;
  Experiment experiment;
  std::stop_source stop;
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::thread thread;
  std::uint16_t port = 0;
  std::mutex lifecycle; // start/stop from different threads
  bool running = false;
};

namespace {

asio::awaitable<void> accept_loop(ServerShared &shared, tcp::acceptor &acceptor) {
  const auto token = asio::as_tuple(asio::use_awaitable);
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(token);
    if (ec == asio::error::operation_aborted || !acceptor.is_open())
      co_return; // stopping
    if (ec) {
      // Out of descriptors (EMFILE) or a transient kernel error: back off briefly instead of
      // spinning, and make room by closing an idle connection.
      shared.close_oldest_idle();
      asio::steady_timer pause(acceptor.get_executor(), std::chrono::milliseconds(20));
      co_await pause.async_wait(token);
      continue;
    }
    shared.accepted.fetch_add(1, std::memory_order_relaxed);
    if (shared.connections.size() >= shared.options.max_connections &&
        !shared.close_oldest_idle()) {
      boost::system::error_code ignored;
      socket.close(ignored); // every connection is busy running a handler: no room
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec); // small responses must not wait for Nagle
    asio::co_spawn(acceptor.get_executor(), serve_connection(shared, std::move(socket)),
                   asio::detached);
  }
}

std::string index_json(const Experiment &e, const std::vector<EndpointInfo> &endpoints) {
  boost::json::array list;
  for (const EndpointInfo &info : endpoints) {
    boost::json::object o{{"path", info.path},
                          {"label", info.label},
                          {"model", info.model},
                          {"url", info.url}};
    if (info.pool_size > 0)
      o["pool_size"] = info.pool_size;
    if (!info.note.empty())
      o["note"] = info.note;
    list.push_back(std::move(o));
  }
  boost::json::object o{{"server", "conlab"},
                        {"experiment", e.name},
                        {"time_scale", e.time_scale},
                        {"endpoints", std::move(list)}};
  return boost::json::serialize(o) + "\n";
}

} // namespace

EmbeddedServer::EmbeddedServer(const Experiment &experiment, const CpuWork &cpu, int cores,
                               ServerOptions options)
    : m(std::make_unique<State>()) {
  m->experiment = experiment;
  m->shared.options = std::move(options);
  for (std::size_t i = 0; i < experiment.variants.size(); ++i) {
    if (m->shared.options.only_variant >= 0 &&
        i != static_cast<std::size_t>(m->shared.options.only_variant))
      continue;
    const Variant &v = experiment.variants[i];
    std::string path = endpoint_path(v.label);
    // Two labels with the same slug get distinct paths.
    for (int n = 2; m->shared.find(path) || path == "/"; ++n)
      path = endpoint_path(v.label) + "-" + std::to_string(n);
    m->shared.endpoints.push_back(std::make_unique<Endpoint>(
        v, path, static_cast<std::uint32_t>(i), experiment, cpu, cores, m->stop.get_token()));
  }
}

EmbeddedServer::~EmbeddedServer() { stop(); }

void EmbeddedServer::start() {
  std::lock_guard lock(m->lifecycle);
  if (m->running)
    return;
  boost::system::error_code ec;
  const asio::ip::address address = asio::ip::make_address(m->shared.options.address, ec);
  const std::string where = m->shared.options.address + ":" +
                            std::to_string(m->shared.options.port);
  if (ec)
    throw std::runtime_error("cannot listen on " + where + ": not an IP address");
  const tcp::endpoint endpoint(address, m->shared.options.port);
  tcp::acceptor &acceptor = m->acceptor;
  const auto check = [&](const char *what) {
    if (ec) {
      boost::system::error_code ignored;
      acceptor.close(ignored);
      throw std::runtime_error("cannot listen on " + where + ": " + what + ": " + ec.message());
    }
  };
  acceptor.open(endpoint.protocol(), ec);
  check("open");
  acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  check("SO_REUSEADDR");
  acceptor.bind(endpoint, ec);
  check("bind");
  acceptor.listen(asio::socket_base::max_listen_connections, ec);
  check("listen");
  m->port = acceptor.local_endpoint().port();
  for (auto &e : m->shared.endpoints)
    e->start();
  m->shared.index_json = index_json(m->experiment, endpoints());
  m->work.emplace(m->io.get_executor());
  asio::co_spawn(m->io, accept_loop(m->shared, acceptor), asio::detached);
  m->thread = std::thread([this] { m->io.run(); });
  m->running = true;
}

void EmbeddedServer::stop() {
  std::lock_guard lock(m->lifecycle);
  if (!m->running)
    return;
  m->running = false;
  m->stop.request_stop(); // blocking and cpu steps end at their next slice
  // Close the acceptor and every connection on the loop thread, and wait (bounded: a blocking
  // step on the loop ends at its next slice now) so that clients see the close at once.
  auto closed = std::make_shared<std::promise<void>>();
  asio::post(m->io, [this, closed] {
    boost::system::error_code ignored;
    m->acceptor.close(ignored);
    for (ConnectionEntry &entry : m->shared.connections)
      entry.stream->socket().close(ignored);
    closed->set_value();
  });
  closed->get_future().wait_for(std::chrono::seconds(2));
  for (auto &e : m->shared.endpoints)
    e->shutdown();
  // Handlers suspended in a timer (io steps) would keep the loop alive: stop it outright. Their
  // frames are destroyed with the io_context, after this thread is joined.
  m->work.reset();
  m->io.stop();
  if (m->thread.joinable())
    m->thread.join();
}

std::uint16_t EmbeddedServer::port() const { return m->port; }

std::string EmbeddedServer::base_url() const {
  std::string host = m->shared.options.address;
  if (host == "0.0.0.0")
    host = "127.0.0.1";
  else if (host == "::")
    host = "::1";
  if (host.find(':') != std::string::npos)
    host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(m->port);
}

std::vector<EndpointInfo> EmbeddedServer::endpoints() const {
  std::vector<EndpointInfo> out;
  for (const auto &e : m->shared.endpoints)
    out.push_back(EndpointInfo{.path = e->path(),
                               .label = e->variant().label,
                               .model = e->variant().model,
                               .url = base_url() + e->path(),
                               .note = e->note(),
                               .pool_size = e->pool_size()});
  return out;
}

ServerStats EmbeddedServer::stats() const {
  const ServerShared &s = m->shared;
  return {s.accepted.load(), s.open.load(), s.closed_idle.load(), s.requests.load()};
}

std::uint64_t raise_open_file_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
    return 0;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    ::getrlimit(RLIMIT_NOFILE, &limit);
  }
  return static_cast<std::uint64_t>(limit.rlim_cur);
}

} // namespace conlab::http
