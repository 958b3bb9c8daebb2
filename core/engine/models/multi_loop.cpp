// multi_loop: L independent event loops, one per thread, tasks dealt round-robin —
// `uvicorn --workers L`. A blocking call freezes only its own loop.
#include "core/engine/asio_loop.h"
#include "core/engine/loop_task.h"
#include "core/engine/model_registry.h"
#include "core/engine/processes/process_loops.h"
#include "core/util/translatable.h"

#include <atomic>
#include <memory>
#include <vector>

namespace conlab {
namespace {

int loop_count(const Variant &v, int cores) { return v.loops.value_or(cores); }

class MultiLoopModel final : public Model {
public:
  MultiLoopModel(ModelContext &context, int loops) : m_context(context) {
    for (int i = 0; i < loops; ++i)
      m_loops.push_back(std::make_unique<AsioLoop>(static_cast<std::uint32_t>(i), context));
  }

  void start() override {
    for (auto &loop : m_loops)
      loop->start();
  }
  void submit(std::uint32_t task) override {
    const std::size_t i = m_next.fetch_add(1, std::memory_order_relaxed) % m_loops.size();
    spawn_task_on_loop(*m_loops[i], m_context, task);
  }
  void submit_range(std::uint32_t first, std::uint32_t count) override {
    // Deal the burst round-robin, as one hand-over per loop.
    std::vector<std::vector<std::uint32_t>> per_loop(m_loops.size());
    for (std::uint32_t i = 0; i < count; ++i)
      per_loop[m_next.fetch_add(1, std::memory_order_relaxed) % m_loops.size()].push_back(first + i);
    for (std::size_t l = 0; l < m_loops.size(); ++l)
      spawn_tasks_on_loop(*m_loops[l], m_context, std::move(per_loop[l]));
  }
  void shutdown() override {
    for (auto &loop : m_loops)
      loop->stop_and_join();
  }

private:
  ModelContext &m_context;
  std::vector<std::unique_ptr<AsioLoop>> m_loops;
  std::atomic<std::size_t> m_next{0};
};

// The same loops as worker processes, each with its own interpreter: uvicorn --workers L.
class MultiProcessLoopModel final : public Model {
public:
  MultiProcessLoopModel(ModelContext &context, int loops) : m_loops(loops, context) {}

  void start() override { m_loops.start(); }
  void submit(std::uint32_t task) override { m_loops.submit(task); }
  void shutdown() override { m_loops.shutdown(); }

private:
  ProcessLoops m_loops;
};

} // namespace

extern const ModelInfo multi_loop_model{
    .name = "multi_loop",
    .summary = CONLAB_TRANSLATABLE(
        "conlab::models",
        "L event loops, each on its own thread, share the tasks round-robin; a blocking "
        "call freezes one loop, not all of them."),
    .python_analogue = CONLAB_TRANSLATABLE(
        "conlab::models", "uvicorn --workers L (one asyncio loop per worker process) with "
                          "\"processes\": true; otherwise L loop threads in one process"),
    .uses_loops = true,
    .uses_processes = true,
    .has_event_loop = true,
    .create = [](const ModelSetup &setup) -> std::unique_ptr<Model> {
      const int loops = loop_count(setup.variant, setup.cores);
      if (setup.variant.processes.value_or(false))
        return std::make_unique<MultiProcessLoopModel>(setup.context, loops);
      return std::make_unique<MultiLoopModel>(setup.context, loops);
    },
    .concurrency =
        [](const Variant &v, int cores) {
          const double l = loop_count(v, cores);
          return StepConcurrency{.blocking_io = l, .cpu = l};
        },
    .shape = [](const Variant &v,
                int cores) { return ScheduleShape{.loops = loop_count(v, cores)}; },
    .runs_in_processes = [](const Variant &v) { return v.processes.value_or(false); },
};

} // namespace conlab
