#include "core/experiment/spec.h"

#include <algorithm>

namespace conlab {

double Duration::mean_ms() const {
  switch (distribution) {
  case DistributionKind::fixed:
  case DistributionKind::exponential:
    return ms;
  case DistributionKind::uniform:
    return (min_ms + max_ms) / 2;
  }
  return ms;
}

int PoolSize::resolve(int cores) const {
  // Python's concurrent.futures default since 3.8, used by loop.run_in_executor(None, ...).
  if (named == "python_default_executor")
    return std::min(32, cores + 4);
  // AnyIO's default CapacityLimiter, which FastAPI/Starlette use for plain `def` endpoints.
  if (named == "anyio_default")
    return 40;
  // Qt's QThreadPool::globalInstance() and most hand-written pools: one thread per core.
  if (named == "cores")
    return cores;
  return value;
}

std::string PoolSize::describe(int cores) const {
  if (named.empty())
    return std::to_string(value);
  return std::to_string(resolve(cores)) + " (" + named + ")";
}

namespace {

void append_leaves(const std::vector<Step> &steps, std::vector<Step> &out) {
  for (const Step &s : steps) {
    if (!s.is_repeat()) {
      out.push_back(Step{.kind = s.kind, .duration = s.duration});
      continue;
    }
    for (std::int64_t k = 0; k < *s.repeat; ++k)
      append_leaves(s.steps, out);
  }
}

// Steps is std::vector<Step> or const std::vector<Step>, Out Step or const Step.
template <class Steps, class Out> void collect_written(Steps &steps, std::vector<Out *> &out) {
  for (auto &s : steps) {
    if (s.is_repeat())
      collect_written(s.steps, out);
    else
      out.push_back(&s);
  }
}

} // namespace

std::vector<Step> leaf_steps(const std::vector<Step> &steps) {
  std::vector<Step> out;
  out.reserve(static_cast<std::size_t>(steps_per_task(steps)));
  append_leaves(steps, out);
  return out;
}

std::int64_t steps_per_task(const std::vector<Step> &steps) {
  constexpr std::int64_t over = kMaxStepsPerTask + 1;
  std::int64_t n = 0;
  for (const Step &s : steps) {
    if (!s.is_repeat()) {
      ++n;
    } else if (*s.repeat > 0) {
      const std::int64_t body = steps_per_task(s.steps);
      n += body > 0 && *s.repeat > over / body ? over : *s.repeat * body;
    }
    if (n >= over)
      return over;
  }
  return n;
}

std::vector<Step *> written_leaves(std::vector<Step> &steps) {
  std::vector<Step *> out;
  collect_written(steps, out);
  return out;
}

std::vector<const Step *> written_leaves(const std::vector<Step> &steps) {
  std::vector<const Step *> out;
  collect_written(steps, out);
  return out;
}

int resolved_pool_size(const Variant &variant, int cores) {
  if (variant.pool_size)
    return variant.pool_size->resolve(cores);
  return 1;
}

const char *to_string(StepKind kind) {
  switch (kind) {
  case StepKind::io:
    return "io";
  case StepKind::blocking_io:
    return "blocking_io";
  case StepKind::cpu:
    return "cpu";
  }
  return "?";
}

const char *to_string(DistributionKind kind) {
  switch (kind) {
  case DistributionKind::fixed:
    return "fixed";
  case DistributionKind::uniform:
    return "uniform";
  case DistributionKind::exponential:
    return "exponential";
  }
  return "?";
}

const char *to_string(LoadKind kind) { return kind == LoadKind::closed ? "closed" : "open"; }
const char *to_string(ArrivalKind kind) {
  return kind == ArrivalKind::constant ? "constant" : "poisson";
}

const char *to_string(GilKind kind) { return kind == GilKind::cpython ? "cpython" : "none"; }

} // namespace conlab
