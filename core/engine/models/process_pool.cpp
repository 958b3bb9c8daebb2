// process_pool: an event loop that awaits its blocking and cpu steps on P worker processes —
// loop.run_in_executor(ProcessPoolExecutor(P), fn). Each process has its own interpreter, so
// under a GIL the P workers still compute at once; the price is starting them and sending each
// step over, which the lab measures.
#include "core/engine/asio_loop.h"
#include "core/engine/loop_task.h"
#include "core/engine/model_registry.h"
#include "core/engine/processes/process_executor.h"
#include "core/util/translatable.h"

namespace conlab {
namespace {

class ProcessPoolModel final : public Model {
public:
  ProcessPoolModel(ModelContext &context, int workers)
      : m_context(context), m_loop(0, context), m_pool(workers, context.cpu(), context.stop()) {}

  void start() override { m_loop.start(); } // the workers start with the first step, in the run
  void submit(std::uint32_t task) override {
    spawn_task_on_loop(m_loop, m_context, task, Offload{.processes = &m_pool});
  }
  void submit_range(std::uint32_t first, std::uint32_t count) override {
    spawn_tasks_on_loop(m_loop, m_context, task_range(first, count), Offload{.processes = &m_pool});
  }
  void shutdown() override {
    m_loop.stop_and_join();
    m_pool.shutdown();
    m_context.set_processes(m_pool.report());
  }

private:
  ModelContext &m_context;
  AsioLoop m_loop;
  ProcessExecutor m_pool;
};

} // namespace

extern const ModelInfo process_pool_model{
    .name = "process_pool",
    .summary = CONLAB_TRANSLATABLE(
        "conlab::models",
        "An event loop that hands blocking calls and computation to P worker processes and "
        "awaits them; each process has its own interpreter, so P compute at once even under "
        "a GIL, for the cost of starting them and sending each step over."),
    .python_analogue = CONLAB_TRANSLATABLE(
        "conlab::models", "await loop.run_in_executor(ProcessPoolExecutor(P), fn) in an async def"),
    .uses_pool_size = true,
    .default_pool = "cores",
    .has_event_loop = true,
    .create = [](const ModelSetup &setup) -> std::unique_ptr<Model> {
      return std::make_unique<ProcessPoolModel>(setup.context,
                                                resolved_pool_size(setup.variant, setup.cores));
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
    .runs_in_processes = [](const Variant &) { return true; },
};

} // namespace conlab
