// event_loop: one thread, one Asio io_context, every task a C++20 coroutine on it — `async def`
// under uvicorn. `io` steps overlap; a blocking call or computation freezes every task.
#include "core/engine/asio_loop.h"
#include "core/engine/loop_task.h"
#include "core/engine/model_registry.h"
#include "core/util/translatable.h"

namespace conlab {
namespace {

class EventLoopModel final : public Model {
public:
  explicit EventLoopModel(ModelContext &context) : m_context(context), m_loop(0, context) {}

  void start() override { m_loop.start(); }
  void submit(std::uint32_t task) override {
    spawn_task_on_loop(m_loop, m_context, task);
  }
  void submit_range(std::uint32_t first, std::uint32_t count) override {
    spawn_tasks_on_loop(m_loop, m_context, task_range(first, count));
  }
  void shutdown() override { m_loop.stop_and_join(); }

private:
  ModelContext &m_context;
  AsioLoop m_loop;
};

} // namespace

extern const ModelInfo event_loop_model{
    .name = "event_loop",
    .summary = CONLAB_TRANSLATABLE(
        "conlab::models",
        "One thread runs every task as a coroutine; waiting on a timer lets others run, "
        "but a blocking call or computation stops them all."),
    .python_analogue = CONLAB_TRANSLATABLE("conlab::models",
                                           "async def endpoint under uvicorn (one asyncio loop)"),
    .has_event_loop = true,
    .create = [](const ModelSetup &setup) -> std::unique_ptr<Model> {
      return std::make_unique<EventLoopModel>(setup.context);
    },
    .concurrency = [](const Variant &, int) { return StepConcurrency{}; },
    .shape = [](const Variant &, int) { return ScheduleShape{.loops = 1}; },
};

} // namespace conlab
