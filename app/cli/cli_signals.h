// Ctrl-C for a program full of threads: SIGINT and SIGTERM are blocked in every thread (main
// blocks them before any thread starts, so all inherit the mask) and one watcher thread takes
// them with sigwait. The first signal requests a clean stop; the second ends the process.
#pragma once

#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

namespace conlab::cli {

// Call first thing in main, before anything can start a thread.
void block_termination_signals();

class SignalWatcher {
public:
  SignalWatcher();
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher &) = delete;
  SignalWatcher &operator=(const SignalWatcher &) = delete;

  std::stop_token stop_token() const { return m_stop.get_token(); }
  bool stop_requested() const { return m_stop.stop_requested(); }

  // While a handler is set, the first signal requests a stop and calls it (on the watcher's
  // thread); without one, there is nothing to save and the first signal ends the process.
  void set_on_stop(std::function<void()> handler);

private:
  void watch();

  std::stop_source m_stop;
  std::mutex m_mutex;
  std::function<void()> m_on_stop;
  bool m_quitting = false; // guarded by m_mutex
  std::thread m_thread;
};

// Clears the handler when a scope ends, before what the handler refers to goes away.
class StopHandlerScope {
public:
  StopHandlerScope(SignalWatcher &watcher, std::function<void()> handler) : m_watcher(watcher) {
    m_watcher.set_on_stop(std::move(handler));
  }
  ~StopHandlerScope() { m_watcher.set_on_stop(nullptr); }
  StopHandlerScope(const StopHandlerScope &) = delete;
  StopHandlerScope &operator=(const StopHandlerScope &) = delete;

private:
  SignalWatcher &m_watcher;
};

} // namespace conlab::cli
