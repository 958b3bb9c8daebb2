#include "app/cli/cli_signals.h"

#include "app/cli/cli_common.h"
#include "core/http/server_under_test.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace conlab::cli {
namespace {

sigset_t termination_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

void say(const char *text) {
  // Async and lock-free on purpose: the main thread may be mid-way through a line on stderr.
  [[maybe_unused]] const ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
}

} // namespace

void block_termination_signals() {
  const sigset_t set = termination_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalWatcher::SignalWatcher() : m_thread([this] { watch(); }) {}

SignalWatcher::~SignalWatcher() {
  {
    std::lock_guard lock(m_mutex);
    m_quitting = true;
  }
  // Wake the watcher with a signal it waits for; m_quitting tells it this one is ours.
  pthread_kill(m_thread.native_handle(), SIGTERM);
  m_thread.join();
}

void SignalWatcher::set_on_stop(std::function<void()> handler) {
  std::lock_guard lock(m_mutex);
  m_on_stop = std::move(handler);
}

void SignalWatcher::watch() {
  const sigset_t set = termination_signals();
  for (;;) {
    int signal = 0;
    if (sigwait(&set, &signal) != 0)
      continue;
    // The handler runs under the lock, so set_on_stop(nullptr) waits for it to return and what
    // it refers to cannot go away underneath it.
    std::lock_guard lock(m_mutex);
    if (m_quitting)
      return;
    if (m_stop.stop_requested() || !m_on_stop) {
      say(m_stop.stop_requested() ? "\nstopped at once\n" : "\n");
      http::kill_servers_under_test_now(); // no destructor runs after this
      std::_Exit(kExitCancelled);
    }
    m_stop.request_stop();
    m_on_stop();
  }
}

} // namespace conlab::cli
