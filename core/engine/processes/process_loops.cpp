#include "core/engine/processes/process_loops.h"

#include "core/engine/blocking_wait.h"
#include "core/engine/loop_coroutine.h"
#include "core/engine/loop_sleep_queue.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <system_error>

namespace conlab {
namespace asio = boost::asio;
namespace {

// The messages: the lab sends a task number, a worker answers with what happened to it.
struct TaskMessage {
  std::uint32_t task;
};
enum class Event : std::uint32_t { ready, started, finished };
struct EventMessage {
  std::uint32_t task;
  Event event;
  std::int64_t at_ns; // CLOCK_MONOTONIC, the same clock in every process
};

std::int64_t monotonic_now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void tell(int fd, std::uint32_t task, Event event) {
  const EventMessage m{task, event, monotonic_now_ns()};
  send_message(fd, &m, sizeof m); // a lab that is gone will kill us anyway
}

// One task on the worker's loop, with multi_loop's rules: `io` frees the loop, `blocking_io`
// and `cpu` hold it.
LoopCoroutine run_worker_task(LoopSleepQueue &sleepers, int fd, const Workload &w,
                              const CpuWork &cpu, std::uint32_t task) {
  tell(fd, task, Event::started);
  const std::stop_token never; // the lab kills a worker to stop it
  for (std::size_t s = 0; s < w.step_count(); ++s) {
    const std::int64_t ns = w.duration_ns(task, s);
    switch (w.kind(s)) {
    case StepKind::io:
      if (ns <= 0)
        co_await YieldToLoop{sleepers};
      else
        co_await SleepUntil{sleepers, LoopSleepQueue::clock::now() + std::chrono::nanoseconds(ns)};
      break;
    case StepKind::blocking_io:
      blocking_wait(ns, never);
      break;
    case StepKind::cpu:
      cpu.burn(ns, never);
      break;
    }
  }
  tell(fd, task, Event::finished);
}

// A worker's whole life: a single-threaded loop that starts a coroutine per task it is sent,
// until the lab closes the socket.
int loop_worker_main(int fd, const Workload &w, const CpuWork &cpu) {
  asio::io_context io(1);
  LoopSleepQueue sleepers(io);
  asio::posix::stream_descriptor socket(io, fd);
  std::function<void()> read_tasks = [&] {
    socket.async_wait(asio::posix::stream_descriptor::wait_read, [&](boost::system::error_code ec) {
      if (ec)
        return io.stop();
      for (;;) {
        TaskMessage m{};
        const ssize_t n = ::recv(fd, &m, sizeof m, MSG_DONTWAIT);
        if (n == static_cast<ssize_t>(sizeof m)) {
          run_worker_task(sleepers, fd, w, cpu, m.task);
          continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
          return read_tasks();
        return io.stop(); // end of file: the lab is done with us
      }
    });
  };
  tell(fd, 0, Event::ready);
  read_tasks();
  io.run();
  sleepers.clear();
  return 0;
}

} // namespace

ProcessLoops::ProcessLoops(int loops, ModelContext &context)
    : m_count(loops), m_context(context), m_wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (m_wake < 0)
    throw std::system_error(errno, std::generic_category(), "eventfd for the worker loops");
}

ProcessLoops::~ProcessLoops() {
  shutdown();
  ::close(m_wake);
}

void ProcessLoops::wake() const {
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(m_wake, &one, sizeof one);
}

void ProcessLoops::start() {
  m_first_worker = m_context.recorder().reserve_workers(static_cast<std::uint32_t>(m_count));
  m_manager = std::thread([this] { manage(); });
  std::unique_lock lock(m_mutex);
  m_ready.wait(lock, [this] { return m_started; });
  if (!m_start_error.empty())
    throw std::runtime_error(m_start_error);
  m_on_stop.emplace(m_context.stop(), [this] { wake(); });
}

void ProcessLoops::submit(std::uint32_t task) {
  {
    std::lock_guard lock(m_mutex);
    for (std::size_t tried = 0; tried < m_loops.size(); ++tried) {
      Loop &loop = m_loops[m_next++ % m_loops.size()];
      if (!loop.alive)
        continue;
      loop.in_flight.insert(task);
      // A worker that just died cannot take it; the task stays in its list and is lost with it.
      const TaskMessage m{task};
      loop.process.send(&m, sizeof m);
      return;
    }
    m_orphans.push_back(task); // every worker is gone: the manager fails it (not here: a
                               // closed load would recurse through the next submit)
  }
  wake();
}

void ProcessLoops::shutdown() {
  m_on_stop.reset();
  {
    std::lock_guard lock(m_mutex);
    m_closing = true;
  }
  wake();
  if (m_manager.joinable()) {
    m_manager.join();
    m_context.set_processes(m_report);
  }
}

bool ProcessLoops::drain(std::size_t i) {
  const int fd = m_loops[i].process.fd();
  for (;;) {
    EventMessage m{};
    const ssize_t n = ::recv(fd, &m, sizeof m, MSG_DONTWAIT);
    if (n < 0)
      return errno == EAGAIN || errno == EINTR;
    if (n != static_cast<ssize_t>(sizeof m))
      return false; // end of file: the worker is gone
    const std::int64_t run_ns =
        m_context.clock().to_ns(RunClock::clock::time_point(std::chrono::nanoseconds(m.at_ns)));
    if (m.event == Event::started) {
      m_context.recorder().started_at(m.task, run_ns,
                                      m_first_worker + static_cast<std::uint32_t>(i));
    } else if (m.event == Event::finished) {
      {
        std::lock_guard lock(m_mutex);
        m_loops[i].in_flight.erase(m.task);
      }
      m_context.task_finished_at(m.task, run_ns);
    }
  }
}

void ProcessLoops::lose(std::size_t i) {
  std::set<std::uint32_t> lost;
  {
    std::lock_guard lock(m_mutex);
    m_loops[i].alive = false;
    lost.swap(m_loops[i].in_flight);
  }
  const ChildExit &exit = m_loops[i].process.reap(std::chrono::milliseconds(200));
  m_report.tasks_taken_down += static_cast<std::uint32_t>(lost.size());
  if (!m_report.error.empty())
    m_report.error += "; ";
  m_report.error += "worker process " + std::to_string(i + 1) + " of " + std::to_string(m_count) +
                    " (pid " + std::to_string(m_loops[i].process.pid()) + ") " + exit.describe() +
                    " and took down the " + std::to_string(lost.size()) +
                    (lost.size() == 1 ? " task" : " tasks") + " it held";
  for (const std::uint32_t task : lost)
    m_context.task_failed(task); // the load goes on, on the other workers
}

void ProcessLoops::manage() {
  const auto began = std::chrono::steady_clock::now();
  std::string error;
  try {
    // Forked from this thread, which outlives them: they die with it (PR_SET_PDEATHSIG).
    const Workload &workload = m_context.workload();
    const CpuWork &cpu = m_context.cpu();
    for (int i = 0; i < m_count; ++i)
      m_loops.push_back({ChildProcess::spawn(
          [&workload, &cpu](int fd) { return loop_worker_main(fd, workload, cpu); })});
    for (Loop &loop : m_loops) {
      EventMessage ready{};
      if (!loop.process.receive_within(&ready, sizeof ready, kWorkerStartTimeout) ||
          ready.event != Event::ready)
        throw std::runtime_error("a worker process did not say it was ready within " +
                                 std::to_string(kWorkerStartTimeout.count()) + " s and " +
                                 loop.process.reap(std::chrono::milliseconds(200)).describe());
    }
  } catch (const std::exception &e) {
    error = std::string("the worker processes could not start: ") + e.what();
    for (Loop &loop : m_loops)
      loop.process.kill();
  }
  m_report.workers = static_cast<int>(m_loops.size());
  m_report.start_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  {
    std::lock_guard lock(m_mutex);
    m_started = true;
    m_start_error = error;
    if (!error.empty())
      m_closing = true;
  }
  m_ready.notify_all();

  std::vector<pollfd> fds;
  while (error.empty() && !m_context.stopping()) {
    std::vector<std::uint32_t> orphans;
    bool done = false;
    {
      std::lock_guard lock(m_mutex);
      orphans.swap(m_orphans);
      bool busy = false;
      for (const Loop &loop : m_loops)
        busy = busy || !loop.in_flight.empty();
      done = m_closing && !busy && orphans.empty();
    }
    for (const std::uint32_t task : orphans) {
      ++m_report.tasks_taken_down;
      m_context.task_failed(task);
    }
    if (done)
      break;
    if (!orphans.empty())
      continue;
    fds.assign(1, pollfd{m_wake, POLLIN, 0});
    for (const Loop &loop : m_loops)
      fds.push_back({loop.process.fd(), POLLIN, 0});
    if (::poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR)
      break;
    std::uint64_t count = 0;
    [[maybe_unused]] const auto n = ::read(m_wake, &count, sizeof count);
    for (std::size_t i = 0; i < m_loops.size(); ++i)
      if ((fds[i + 1].revents & (POLLIN | POLLHUP | POLLERR)) && !drain(i))
        lose(i);
  }
  // Every worker is reaped here, on success, on a stop and after a death: none outlives the run.
  // A task submitted from now on (a stop raced with the load) finds no worker and is dropped.
  {
    std::lock_guard lock(m_mutex);
    for (Loop &loop : m_loops)
      loop.alive = false;
  }
  const bool stopping = m_context.stopping();
  for (Loop &loop : m_loops)
    if (stopping)
      loop.process.kill();
  for (Loop &loop : m_loops) {
    m_report.add_usage(loop.process.reap(std::chrono::seconds(2)));
  }
}

} // namespace conlab
