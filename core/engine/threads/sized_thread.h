// An OS thread with the stack size a variant asks for ("stack_kb").
//
// std::thread and std::jthread cannot set a stack size, and Boost.Thread, which can, is a
// compiled library the lab would link for this one attribute; pthread_attr_setstacksize is the
// whole of what is needed.
#pragma once

#include <cstdint>
#include <functional>
#include <pthread.h>

namespace conlab {

class SizedThread {
public:
  SizedThread() = default;
  // Starts `body` on a new thread with a stack of `stack_bytes` (0: the system's default).
  // Throws std::system_error when the thread cannot be created (EAGAIN: a limit was hit).
  SizedThread(std::int64_t stack_bytes, std::function<void()> body);
  SizedThread(SizedThread &&other) noexcept;
  SizedThread &operator=(SizedThread &&other) noexcept;
  SizedThread(const SizedThread &) = delete;
  SizedThread &operator=(const SizedThread &) = delete;
  ~SizedThread(); // joins, as std::jthread does

  bool joinable() const { return m_started; }
  void join();

private:
  pthread_t m_thread{};
  bool m_started = false;
};

} // namespace conlab
