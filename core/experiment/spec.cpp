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
