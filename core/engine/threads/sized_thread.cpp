#include "core/engine/threads/sized_thread.h"

#include <memory>
#include <system_error>
#include <utility>

namespace conlab {
namespace {

void *run_body(void *arg) {
  const std::unique_ptr<std::function<void()>> body(static_cast<std::function<void()> *>(arg));
  (*body)();
  return nullptr;
}

// Owns a pthread_attr_t for the length of one pthread_create.
struct Attributes {
  pthread_attr_t attr;
  Attributes() { pthread_attr_init(&attr); }
  ~Attributes() { pthread_attr_destroy(&attr); }
};

} // namespace

SizedThread::SizedThread(std::int64_t stack_bytes, std::function<void()> body) {
  Attributes attributes;
  if (stack_bytes > 0) {
    if (const int error =
            pthread_attr_setstacksize(&attributes.attr, static_cast<std::size_t>(stack_bytes)))
      throw std::system_error(error, std::generic_category(), "thread stack size");
  }
  auto owned = std::make_unique<std::function<void()>>(std::move(body));
  if (const int error = pthread_create(&m_thread, &attributes.attr, run_body, owned.get()))
    throw std::system_error(error, std::generic_category(), "pthread_create");
  owned.release(); // the thread owns it now
  m_started = true;
}

SizedThread::SizedThread(SizedThread &&other) noexcept
    : m_thread(other.m_thread), m_started(std::exchange(other.m_started, false)) {}

SizedThread &SizedThread::operator=(SizedThread &&other) noexcept {
  if (this != &other) {
    join();
    m_thread = other.m_thread;
    m_started = std::exchange(other.m_started, false);
  }
  return *this;
}

SizedThread::~SizedThread() { join(); }

void SizedThread::join() {
  if (m_started) {
    pthread_join(m_thread, nullptr);
    m_started = false;
  }
}

} // namespace conlab
