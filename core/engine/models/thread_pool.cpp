// thread_pool: every task is a plain function run on one of P threads, first come first served —
// a `def` endpoint in FastAPI, which AnyIO runs on a pool limited to 40 threads.
#include "core/engine/blocking_task.h"
#include "core/engine/model_registry.h"
#include "core/util/translatable.h"

#include "core/engine/threads/pool_threads.h"

#include <boost/asio/post.hpp>

namespace conlab {
namespace {

class ThreadPoolModel final : public Model {
public:
  ThreadPoolModel(ModelContext &context, int pool_size, std::int64_t stack_bytes)
      : m_context(context), m_pool(pool_size, stack_bytes) {
    context.thread_starts().add(static_cast<std::uint64_t>(m_pool.size()), m_pool.start_ns());
  }

  void start() override {}
  void submit(std::uint32_t task) override {
    boost::asio::post(m_pool.context(), [this, task] {
      if (!m_context.stopping())
        run_task_blocking(m_context, task);
    });
  }
  void shutdown() override {
    m_pool.stop();
    m_pool.join();
  }

private:
  ModelContext &m_context;
  PoolThreads m_pool; // its threads start in the constructor, before the clock
};

} // namespace

extern const ModelInfo thread_pool_model{
    .name = "thread_pool",
    .summary = CONLAB_TRANSLATABLE(
        "conlab::models",
        "Every task is a plain function on one of P threads; a task waits in the queue "
        "until a thread is free, so P tasks run at once whatever they do."),
    .python_analogue = CONLAB_TRANSLATABLE(
        "conlab::models", "def endpoint in FastAPI (AnyIO thread pool, 40 threads by default)"),
    .uses_pool_size = true,
    .uses_stack_size = true,
    .default_pool = "anyio_default",
    .create = [](const ModelSetup &setup) -> std::unique_ptr<Model> {
      return std::make_unique<ThreadPoolModel>(setup.context,
                                               resolved_pool_size(setup.variant, setup.cores),
                                               setup.variant.stack_bytes());
    },
    .concurrency =
        [](const Variant &v, int cores) {
          const double p = resolved_pool_size(v, cores);
          return StepConcurrency{.io = p, .blocking_io = p, .cpu = p};
        },
    .shape = [](const Variant &v,
                int cores) { return ScheduleShape{.task_threads = resolved_pool_size(v, cores)}; },
};

} // namespace conlab
