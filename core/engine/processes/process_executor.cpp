#include "core/engine/processes/process_executor.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <system_error>

namespace conlab {
namespace {

// The messages between the lab and a worker: fixed-size, one per SOCK_SEQPACKET packet.
// Times are nanoseconds of CLOCK_MONOTONIC, the same clock in every process.
struct JobMessage {
  std::uint32_t task;
  std::uint32_t kind; // StepKind
  std::int64_t ns;
};
struct ReplyMessage {
  std::uint32_t task;
  std::int64_t start_ns; // when the worker began the step
  std::int64_t end_ns;   // when it was done
};
struct ReadyMessage {
  std::int32_t pid;
};

std::int64_t monotonic_ns(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

// A blocking step in a worker: one sleep in the kernel. Not blocking_wait(): its condition
// variable allocates, and a worker that never allocates cannot hang on an allocator's lock that
// another thread of the lab held when it was forked (see fork_gate.h).
void sleep_in_worker(std::int64_t ns) {
  timespec deadline{};
  ::clock_gettime(CLOCK_MONOTONIC, &deadline);
  const std::int64_t end_ns = deadline.tv_sec * 1'000'000'000LL + deadline.tv_nsec + ns;
  deadline.tv_sec = end_ns / 1'000'000'000LL;
  deadline.tv_nsec = end_ns % 1'000'000'000LL;
  while (::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr) == EINTR) {
  }
}

// A worker's whole life: say it is ready, then run one step per message until the lab closes
// the socket. It is never asked to stop early: the lab kills it instead. It allocates nothing.
int worker_main(int fd, const CpuWork &cpu) {
  const ReadyMessage ready{static_cast<std::int32_t>(::getpid())};
  if (!send_message(fd, &ready, sizeof ready))
    return 1;
  const std::stop_token never;
  for (;;) {
    JobMessage job{};
    const long got = receive_message(fd, &job, sizeof job);
    if (got == 0)
      return 0; // the lab is done with us
    if (got != static_cast<long>(sizeof job))
      return 2;
    ReplyMessage reply{job.task, monotonic_ns(std::chrono::steady_clock::now()), 0};
    if (static_cast<StepKind>(job.kind) == StepKind::cpu)
      cpu.burn(job.ns, never);
    else if (job.ns > 0)
      sleep_in_worker(job.ns);
    reply.end_ns = monotonic_ns(std::chrono::steady_clock::now());
    if (!send_message(fd, &reply, sizeof reply))
      return 3;
  }
}

} // namespace

ProcessExecutor::ProcessExecutor(int workers, const CpuWork &cpu, std::stop_token stop)
    : m_size(workers), m_cpu(cpu), m_stop(std::move(stop)),
      m_wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (m_wake < 0)
    throw std::system_error(errno, std::generic_category(), "eventfd for the process pool");
  m_manager = std::thread([this] { manage(); });
  m_on_stop.emplace(m_stop, [this] { wake(); });
}

ProcessExecutor::~ProcessExecutor() {
  shutdown();
  m_on_stop.reset(); // before the descriptor it writes to goes away
  ::close(m_wake);
}

void ProcessExecutor::wake() const {
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(m_wake, &one, sizeof one);
}

void ProcessExecutor::submit(Job job, Callback done) {
  {
    std::lock_guard lock(m_mutex);
    m_incoming.push_back({job, std::move(done), clock::now()});
  }
  wake();
}

void ProcessExecutor::shutdown() {
  {
    std::lock_guard lock(m_mutex);
    m_closing = true;
  }
  wake();
  if (m_manager.joinable())
    m_manager.join();
}

void ProcessExecutor::take_incoming() {
  std::uint64_t count = 0;
  [[maybe_unused]] const auto n = ::read(m_wake, &count, sizeof count);
  std::vector<Queued> incoming;
  {
    std::lock_guard lock(m_mutex);
    incoming.swap(m_incoming);
  }
  for (Queued &q : incoming) {
    if (m_first_submit == clock::time_point{})
      m_first_submit = q.asked;
    if (m_broken)
      fail(q, Outcome::failed); // a broken pool takes no more work
    else
      m_pending.push_back(std::move(q));
  }
}

void ProcessExecutor::start_workers() {
  // Forked from this thread, which outlives them: they die with it (PR_SET_PDEATHSIG).
  const CpuWork &cpu = m_cpu;
  for (int i = 0; i < m_size; ++i)
    m_workers.push_back({ChildProcess::spawn([&cpu](int fd) { return worker_main(fd, cpu); })});
  for (std::size_t i = 0; i < m_workers.size(); ++i) {
    ReadyMessage ready{};
    if (!m_workers[i].process.receive_within(&ready, sizeof ready, kWorkerStartTimeout)) {
      break_pool(i, "did not say it was ready within " +
                        std::to_string(kWorkerStartTimeout.count()) + " s");
      break;
    }
  }
  m_report.workers = m_size;
  m_report.start_in_run = true;
  m_report.start_s = std::chrono::duration<double>(clock::now() - m_first_submit).count();
}

void ProcessExecutor::dispatch() {
  for (std::size_t i = 0; i < m_workers.size() && !m_pending.empty() && !m_broken; ++i) {
    Worker &w = m_workers[i];
    if (w.busy)
      continue;
    w.running = std::move(m_pending.front());
    m_pending.pop_front();
    const JobMessage message{w.running.job.task, static_cast<std::uint32_t>(w.running.job.kind),
                             w.running.job.ns};
    w.sent = clock::now();
    w.busy = true;
    if (!w.process.send(&message, sizeof message))
      break_pool(i, "could not be reached");
  }
}

void ProcessExecutor::collect(std::size_t i) {
  Worker &w = m_workers[i];
  ReplyMessage reply{};
  if (!w.process.receive(&reply, sizeof reply) || !w.busy || reply.task != w.running.job.task) {
    break_pool(i, "stopped answering");
    return;
  }
  const std::int64_t received = monotonic_ns(clock::now());
  const std::int64_t sent = monotonic_ns(w.sent);
  Done done;
  done.queued_ns = (w.sent - w.running.asked).count();
  done.handoff_ns = std::max<std::int64_t>(0, reply.start_ns - sent) +
                    std::max<std::int64_t>(0, received - reply.end_ns);
  w.busy = false;
  Queued finished = std::move(w.running);
  finished.done(done);
}

void ProcessExecutor::fail(Queued &queued, Outcome outcome) {
  if (outcome == Outcome::failed)
    ++m_report.tasks_taken_down;
  Done done;
  done.outcome = outcome;
  queued.done(done);
}

void ProcessExecutor::fail_pending(Outcome outcome) {
  for (; !m_pending.empty(); m_pending.pop_front())
    fail(m_pending.front(), outcome);
}

void ProcessExecutor::break_pool(std::size_t i, const std::string &how) {
  if (m_broken)
    return;
  m_broken = true;
  Worker &dead = m_workers[i];
  const ChildExit &exit = dead.process.reap(std::chrono::milliseconds(200));
  const std::string task = dead.busy ? " while it ran task " + std::to_string(dead.running.job.task)
                                     : std::string(" while idle");
  m_report.error = "worker process " + std::to_string(i + 1) + " of " + std::to_string(m_size) +
                   " (pid " + std::to_string(dead.process.pid()) + ") " + how + " and " +
                   exit.describe() + task +
                   "; the pool is broken, as ProcessPoolExecutor's is (BrokenProcessPool)";
  for (Worker &w : m_workers)
    if (w.busy) {
      w.busy = false;
      fail(w.running, Outcome::failed);
    }
  fail_pending(Outcome::failed);
}

void ProcessExecutor::manage() {
  std::vector<pollfd> fds;
  for (;;) {
    take_incoming();
    bool closing = false;
    {
      std::lock_guard lock(m_mutex);
      closing = m_closing && m_incoming.empty();
    }
    if (m_stop.stop_requested())
      break;
    if (m_workers.empty() && !m_pending.empty() && !m_broken) {
      try {
        start_workers();
      } catch (const std::system_error &e) {
        m_workers.clear();
        m_broken = true;
        m_report.error = std::string("the worker processes could not start: ") + e.what();
        fail_pending(Outcome::failed);
      }
    }
    dispatch();
    bool busy = false;
    for (const Worker &w : m_workers)
      busy = busy || w.busy;
    if (closing && !busy && m_pending.empty())
      break;
    fds.assign(1, pollfd{m_wake, POLLIN, 0});
    for (const Worker &w : m_workers)
      fds.push_back({w.process.fd(), POLLIN, 0});
    if (::poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR)
      break;
    for (std::size_t i = 0; i < m_workers.size() && !m_broken; ++i)
      if (fds[i + 1].revents & (POLLIN | POLLHUP | POLLERR))
        collect(i);
  }
  finish();
}

// Every worker is reaped here, on success, on a stop and on a broken pool: none outlives the run.
void ProcessExecutor::finish() {
  const bool stopping = m_stop.stop_requested();
  for (Worker &w : m_workers)
    if (stopping)
      w.process.kill();
  for (Worker &w : m_workers) {
    m_report.add_usage(w.process.reap(std::chrono::seconds(2)));
  }
  // Steps still waiting or running end as stopped: their tasks did not finish.
  for (Worker &w : m_workers)
    if (w.busy) {
      w.busy = false;
      fail(w.running, Outcome::stopped);
    }
  fail_pending(Outcome::stopped);
  take_incoming();
  fail_pending(Outcome::stopped);
  if (!m_report.error.empty())
    m_report.error += "; it took down " + std::to_string(m_report.tasks_taken_down) +
                      (m_report.tasks_taken_down == 1 ? " task" : " tasks");
}

} // namespace conlab
