#include "core/http/server_under_test.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fstream>
#include <mutex>
#include <thread>

extern char **environ;

namespace conlab::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using namespace std::chrono_literals;

// The groups to kill if the lab quits at once. A fixed array of atomics: the quitting path runs
// where no lock or allocation is safe.
std::array<std::atomic<pid_t>, 8> g_groups{};

void remember_group(pid_t group) {
  for (std::atomic<pid_t> &slot : g_groups) {
    pid_t empty = 0;
    if (slot.compare_exchange_strong(empty, group))
      return;
  }
}

void forget_group(pid_t group) {
  for (std::atomic<pid_t> &slot : g_groups) {
    pid_t expected = group;
    slot.compare_exchange_strong(expected, 0);
  }
}

// The lab is a subreaper only while it has a server under test: orphans of the server (a
// shell's children, uvicorn's workers) then come to the lab to be reaped rather than to init,
// so that stop() can tell when the whole group is gone. Afterwards the process is as it was.
std::mutex g_subreaper_mutex;
int g_subreaper_users = 0;  // guarded by g_subreaper_mutex
int g_subreaper_before = 0; // the setting before the first user, restored after the last

void become_subreaper() {
  std::lock_guard lock(g_subreaper_mutex);
  if (g_subreaper_users++ == 0) {
    ::prctl(PR_GET_CHILD_SUBREAPER, &g_subreaper_before);
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
  }
}

void release_subreaper() {
  std::lock_guard lock(g_subreaper_mutex);
  if (--g_subreaper_users == 0)
    ::prctl(PR_SET_CHILD_SUBREAPER, g_subreaper_before);
}

std::string describe_status(int status) {
  if (WIFEXITED(status))
    return "exited with code " + std::to_string(WEXITSTATUS(status));
  const int signal = WTERMSIG(status);
  const char *name = sigabbrev_np(signal);
  return "was killed by signal " + std::to_string(signal) +
         (name ? " (SIG" + std::string(name) + ")" : std::string());
}

} // namespace

bool answers_http(const Url &url, std::chrono::milliseconds timeout) {
  asio::io_context io;
  bool answered = false;
  constexpr auto token = asio::as_tuple(asio::use_awaitable);
  const auto probe = [&]() -> asio::awaitable<void> {
    asio::ip::tcp::resolver resolver(io);
    auto [resolve_error, endpoints] =
        co_await resolver.async_resolve(url.host, std::to_string(url.port), token);
    if (resolve_error)
      co_return;
    beast::tcp_stream stream(io);
    stream.expires_after(timeout);
    auto [connect_error, endpoint] = co_await stream.async_connect(endpoints, token);
    if (connect_error)
      co_return;
    bhttp::request<bhttp::empty_body> request{bhttp::verb::get, url.target, 11};
    request.set(bhttp::field::host, url.host_header());
    request.set(bhttp::field::connection, "close");
    auto [write_error, written] = co_await bhttp::async_write(stream, request, token);
    if (write_error)
      co_return;
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::empty_body> parser;
    auto [read_error, read] = co_await bhttp::async_read_header(stream, buffer, parser, token);
    answered = !read_error;
  };
  asio::co_spawn(io, probe(), asio::detached);
  io.run_for(timeout + 100ms);
  return answered;
}

ServerUnderTest::ServerUnderTest(SpawnSpec spec) : m_spec(std::move(spec)) {
  become_subreaper();

  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, m_spec.log_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addclosefrom_np(&files, STDERR_FILENO + 1);

  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // A session of its own: Ctrl-C at the terminal reaches the lab, which stops the server in
  // order, and killing the group reaches everything the server started.
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  // The lab blocks SIGINT and SIGTERM in every thread; the server must not inherit that.
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (const int signal : {SIGINT, SIGTERM, SIGPIPE, SIGHUP})
    sigaddset(&defaults, signal);
  posix_spawnattr_setsigdefault(&attributes, &defaults);

  std::string shell = "/bin/sh", dash_c = "-c";
  char *argv[] = {shell.data(), dash_c.data(), m_spec.command.data(), nullptr};
  const int error = ::posix_spawn(&m_pid, shell.c_str(), &files, &attributes, argv, environ);
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attributes);
  if (error != 0) {
    m_pid = -1;
    release_subreaper();
    throw SpawnError("cannot start /bin/sh -c '" + m_spec.command + "' with its output in " +
                     m_spec.log_path + ": " + std::strerror(error));
  }
  remember_group(m_pid);
}

ServerUnderTest::~ServerUnderTest() { stop(); }

bool ServerUnderTest::wait_until_ready(std::stop_token stop) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(m_spec.ready_timeout_s);
  for (;;) {
    if (stop.stop_requested())
      return false;
    if (const std::optional<std::string> ended = ended_on_its_own())
      throw SpawnError("the server " + *ended + " before it answered at " + m_spec.probe.text() +
                       log_tail());
    if (answers_http(m_spec.probe, 1s))
      return true;
    if (std::chrono::steady_clock::now() >= deadline)
      throw SpawnError("the server did not answer at " + m_spec.probe.text() + " within " +
                       std::to_string(static_cast<long>(m_spec.ready_timeout_s)) + " s" +
                       log_tail());
    std::this_thread::sleep_for(100ms);
  }
}

std::optional<std::string> ServerUnderTest::ended_on_its_own() {
  if (m_stopped || m_pid <= 0)
    return std::nullopt;
  if (!m_status) {
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid)
      m_status = status;
  }
  if (m_status)
    return describe_status(*m_status);
  return std::nullopt;
}

void ServerUnderTest::reap_group() {
  int status = 0;
  pid_t reaped = 0;
  while ((reaped = ::waitpid(-m_pid, &status, WNOHANG)) > 0)
    if (reaped == m_pid)
      m_status = status;
}

bool ServerUnderTest::group_alive() const { return ::kill(-m_pid, 0) == 0 || errno != ESRCH; }

void ServerUnderTest::stop(std::chrono::milliseconds grace) {
  if (m_pid <= 0 || m_stopped)
    return;
  m_stopped = true;
  const auto wait_gone = [this](std::chrono::milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    for (;;) {
      reap_group();
      if (!group_alive())
        return true;
      if (std::chrono::steady_clock::now() >= until)
        return false;
      std::this_thread::sleep_for(20ms);
    }
  };
  ::kill(-m_pid, SIGTERM);
  if (!wait_gone(grace)) {
    ::kill(-m_pid, SIGKILL);
    wait_gone(5s);
  }
  forget_group(m_pid);
  release_subreaper();
}

std::string ServerUnderTest::log_tail(int lines) const {
  std::ifstream in(m_spec.log_path);
  std::deque<std::string> last;
  for (std::string line; std::getline(in, line);) {
    last.push_back(line);
    if (static_cast<int>(last.size()) > lines)
      last.pop_front();
  }
  if (last.empty())
    return " (its log, " + m_spec.log_path + ", is empty)";
  std::string text = "; its log, " + m_spec.log_path + ", ends:";
  for (const std::string &line : last)
    text += "\n  " + line;
  return text;
}

void kill_servers_under_test_now() noexcept {
  for (std::atomic<pid_t> &slot : g_groups)
    if (const pid_t group = slot.load(); group > 0)
      ::kill(-group, SIGKILL);
}

} // namespace conlab::http
