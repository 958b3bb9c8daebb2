// event_loop_offload: an event loop that awaits its blocking and cpu steps on an executor of P
// threads — loop.run_in_executor(None, time.sleep, 1). The loop stays free; the pool is the limit.
#include "core/engine/asio_loop.h"
#include "core/engine/loop_task.h"
#include "core/engine/model_registry.h"
#include "core/engine/threads/pool_threads.h"
#include "core/util/translatable.h"

#include <algorithm>

namespace conlab {
namespace {

class EventLoopOffloadModel final : public Model {
public:
  EventLoopOffloadModel(ModelContext &context, int pool_size, std::int64_t stack_bytes)
      : m_context(context), m_loop(0, context), m_pool(pool_size, stack_bytes) {
    context.thread_starts().add(static_cast<std::uint64_t>(m_pool.size()), m_pool.start_ns());
  }

  void start() override { m_loop.start(); }
  void submit(std::uint32_t task) override {
    spawn_task_on_loop(m_loop, m_context, task, Offload{.threads = &m_pool});
  }
  void submit_range(std::uint32_t first, std::uint32_t count) override {
    spawn_tasks_on_loop(m_loop, m_context, task_range(first, count), Offload{.threads = &m_pool});
  }
  void shutdown() override {
    m_loop.stop_and_join();
    m_pool.stop();
    m_pool.join();
  }

private:
  ModelContext &m_context;
  AsioLoop m_loop;
  PoolThreads m_pool;
};

} // namespace

extern const ModelInfo event_loop_offload_model{
    .name = "event_loop_offload",
    .summary = CONLAB_TRANSLATABLE(
        "conlab::models",
        "An event loop that hands blocking calls and computation to a pool of P threads "
        "and awaits them, so the loop keeps serving; at most P run at once."),
    .python_analogue = CONLAB_TRANSLATABLE(
        "conlab::models", "await loop.run_in_executor(None, time.sleep, 1) in an async def"),
    .uses_pool_size = true,
    .uses_stack_size = true,
    .default_pool = "python_default_executor",
    .has_event_loop = true,
    .create = [](const ModelSetup &setup) -> std::unique_ptr<Model> {
      return std::make_unique<EventLoopOffloadModel>(setup.context,
                                                     resolved_pool_size(setup.variant, setup.cores),
                                                     setup.variant.stack_bytes());
    },
    .concurrency =
        [](const Variant &v, int cores) {
          const double p = resolved_pool_size(v, cores);
          return StepConcurrency{.blocking_io = p, .cpu = p};
        },
    .shape =
        [](const Variant &v, int cores) {
          return ScheduleShape{.loops = 1, .executor_threads = resolved_pool_size(v, cores)};
        },
};

} // namespace conlab
