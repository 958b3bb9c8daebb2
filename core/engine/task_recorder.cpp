#include "core/engine/task_recorder.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>

namespace conlab {
namespace {

std::atomic<std::uint64_t> g_generations{0};

struct WorkerSlot {
  std::uint64_t generation = ~0ULL;
  std::uint32_t index = 0;
};
thread_local WorkerSlot t_worker;

} // namespace

TaskRecorder::TaskRecorder(std::uint32_t tasks, const RunClock &clock, std::uint32_t chunk_bits)
    : m_clock(clock), m_tasks(tasks), m_chunk_bits(std::clamp<std::uint32_t>(chunk_bits, 10, 16)),
      m_chunk_count(static_cast<std::uint32_t>((std::uint64_t{tasks} + (1u << m_chunk_bits) - 1) >>
                                               m_chunk_bits)),
      m_kept(tasks), m_chunks(std::make_unique<std::atomic<TaskSample *>[]>(
                         std::max<std::uint32_t>(m_chunk_count, 1))),
      m_generation(g_generations.fetch_add(1) + 1) {}

TaskRecorder::~TaskRecorder() {
  for (std::uint32_t c = 0; c < m_chunk_count; ++c)
    delete[] m_chunks[c].load(std::memory_order_relaxed);
}

void TaskRecorder::keep_first(std::uint32_t budget) {
  const std::uint64_t chunks = (std::uint64_t{budget} + chunk_size() - 1) >> m_chunk_bits;
  m_kept = static_cast<std::uint32_t>(std::min<std::uint64_t>(chunks << m_chunk_bits, m_tasks));
  if (m_kept < m_tasks)
    m_ended = std::make_unique<std::atomic<std::uint32_t>[]>(m_chunk_count);
}

void TaskRecorder::ended(std::uint32_t task) {
  m_finished.fetch_add(1, std::memory_order_release);
  if (task < m_kept)
    return;
  const std::uint32_t c = task >> m_chunk_bits;
  // acq_rel: the thread that ends a chunk's last task sees every other task's writes to it.
  if (m_ended[c].fetch_add(1, std::memory_order_acq_rel) + 1 != chunk_size())
    return;
  std::unique_ptr<TaskSample[]> chunk(m_chunks[c].exchange(nullptr, std::memory_order_acquire));
  const std::lock_guard lock(m_handed_mutex);
  m_handed.push_back(std::move(chunk));
}

std::vector<std::unique_ptr<TaskSample[]>> TaskRecorder::take_ended_chunks() {
  const std::lock_guard lock(m_handed_mutex);
  return std::exchange(m_handed, {});
}

std::vector<TaskSample> TaskRecorder::take_unkept(std::uint32_t count) {
  count = std::min(count, m_tasks);
  std::vector<TaskSample> out;
  for (auto &chunk : take_ended_chunks()) // ended after the last call, before the join
    out.insert(out.end(), chunk.get(), chunk.get() + chunk_size());
  for (std::uint32_t c = (m_kept + chunk_size() - 1) >> m_chunk_bits; c < m_chunk_count; ++c) {
    const std::uint32_t first = c << m_chunk_bits;
    if (first >= count)
      break;
    const std::unique_ptr<TaskSample[]> chunk(m_chunks[c].exchange(nullptr));
    if (chunk)
      out.insert(out.end(), chunk.get(), chunk.get() + std::min(chunk_size(), count - first));
  }
  return out;
}

// Two threads may touch a new chunk at once: the first to publish it wins, the other frees its
// own. A chunk is allocated once and never moves, so a slot's address is stable for the run.
TaskSample *TaskRecorder::allocate_chunk(std::uint32_t chunk) {
  auto *fresh = new TaskSample[chunk_size()];
  const std::uint32_t first = chunk << m_chunk_bits;
  for (std::uint32_t i = 0; i < chunk_size(); ++i)
    fresh[i].task = first + i;
  TaskSample *expected = nullptr;
  if (m_chunks[chunk].compare_exchange_strong(expected, fresh, std::memory_order_acq_rel))
    return fresh;
  delete[] fresh;
  return expected;
}

std::vector<TaskSample> TaskRecorder::take_samples(std::uint32_t count) {
  count = std::min(count, m_kept);
  std::vector<TaskSample> out;
  out.reserve(count);
  for (std::uint32_t c = 0; c < m_chunk_count && out.size() < count; ++c) {
    TaskSample *chunk = m_chunks[c].exchange(nullptr, std::memory_order_acquire);
    const std::uint32_t first = c << m_chunk_bits;
    const std::uint32_t n = std::min(chunk_size(), count - first);
    if (chunk)
      out.insert(out.end(), chunk, chunk + n);
    else // no task of this chunk was ever touched: it never started
      for (std::uint32_t i = 0; i < n; ++i)
        out.push_back(TaskSample{.task = first + i});
    delete[] chunk;
  }
  return out;
}

void FreeCauses::operator()(TaskCauses *causes) const { munmap(causes, bytes); }

void TaskRecorder::measure_causes() {
  // Fresh zero pages of a mapping of their own, not new[]: a million tasks cost memory only as
  // they run (TaskCauses is all floats, whose zero bytes are 0.0). Marked MADV_HUGEPAGE, they
  // fault in 2 MiB at a time where the kernel's transparent huge pages are "madvise" (Debian's
  // default) or "always": 20 MB for a million tasks was 5,000 faults on the thread that starts
  // them, 10 ns a task of a zero-length run. The mapping is aligned to a huge page by mapping one
  // more and giving back the ends. The advice is only advice: where it fails, pages are small.
  // (Samples are not advised so: their chunks are written when allocated, and huge pages made
  // the kernel compact memory first, which held back the start of a million tasks by 100 ms in
  // three runs of six.)
  static_assert(std::is_trivially_copyable_v<TaskCauses>);
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  const std::size_t needed = std::max<std::size_t>(m_tasks, 1) * sizeof(TaskCauses);
  const std::size_t bytes = (needed + kHugePage - 1) / kHugePage * kHugePage;
  void *mapped = mmap(nullptr, bytes + kHugePage, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mapped == MAP_FAILED)
    throw std::bad_alloc();
  char *const base = static_cast<char *>(mapped);
  const std::uintptr_t address = reinterpret_cast<std::uintptr_t>(base);
  char *const aligned = base + (kHugePage - address % kHugePage) % kHugePage;
  if (aligned > base)
    munmap(base, static_cast<std::size_t>(aligned - base));
  if (char *const end = aligned + bytes; end < base + bytes + kHugePage)
    munmap(end, static_cast<std::size_t>(base + bytes + kHugePage - end));
  madvise(aligned, bytes, MADV_HUGEPAGE);
  m_causes = std::unique_ptr<TaskCauses[], FreeCauses>(reinterpret_cast<TaskCauses *>(aligned),
                                                       FreeCauses{bytes});
}

std::vector<TaskCauses> TaskRecorder::take_causes() {
  if (!m_causes)
    return {};
  std::vector<TaskCauses> out(m_causes.get(), m_causes.get() + m_tasks);
  m_causes.reset();
  return out;
}

void TaskRecorder::keep_step_spans() { m_step_spans.resize(std::min(m_tasks, kGilWaitTasks)); }

std::vector<StepSpan> TaskRecorder::take_step_spans() {
  std::vector<StepSpan> out;
  for (auto &spans : m_step_spans)
    out.insert(out.end(), spans.begin(), spans.end());
  m_step_spans.clear();
  return out;
}

void TaskRecorder::keep_gil_waits() { m_gil_waits.resize(std::min(m_tasks, kGilWaitTasks)); }

std::vector<GilWait> TaskRecorder::take_gil_waits() {
  std::vector<GilWait> out;
  for (std::uint32_t task = 0; task < m_gil_waits.size(); ++task)
    for (const auto &[start, end] : m_gil_waits[task])
      out.push_back({task, start, end});
  m_gil_waits.clear();
  return out;
}

std::uint32_t TaskRecorder::worker_index() {
  if (t_worker.generation != m_generation) {
    t_worker.generation = m_generation;
    t_worker.index = m_workers.fetch_add(1, std::memory_order_relaxed);
  }
  return t_worker.index;
}

void TaskRecorder::submitted(std::uint32_t task, std::int64_t submit_ns) {
  slot(task).submit_ns = submit_ns;
  m_submitted.fetch_add(1, std::memory_order_relaxed);
}

std::int64_t TaskRecorder::started(std::uint32_t task) {
  const std::int64_t now = m_clock.now_ns();
  started(task, now);
  return now;
}

void TaskRecorder::started(std::uint32_t task, std::int64_t start_ns) {
  TaskSample &s = slot(task);
  s.start_ns = start_ns;
  s.worker = worker_index();
  m_started.fetch_add(1, std::memory_order_relaxed);
}

void TaskRecorder::started_at(std::uint32_t task, std::int64_t start_ns, std::uint32_t worker) {
  TaskSample &s = slot(task);
  s.start_ns = start_ns;
  s.worker = worker;
  m_started.fetch_add(1, std::memory_order_relaxed);
}

void TaskRecorder::finished_at(std::uint32_t task, std::int64_t end_ns) {
  slot(task).end_ns = end_ns;
  ended(task);
}

void TaskRecorder::finished(std::uint32_t task) {
  slot(task).end_ns = m_clock.now_ns();
  ended(task);
}

void TaskRecorder::failed(std::uint32_t task) {
  TaskSample &s = slot(task);
  s.end_ns = m_clock.now_ns();
  s.failed = true;
  ended(task);
}

} // namespace conlab
