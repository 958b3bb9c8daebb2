#include "core/engine/processes/fork_gate.h"

namespace conlab {
namespace {

std::shared_mutex &gate() {
  static std::shared_mutex g;
  return g;
}

} // namespace

std::shared_lock<std::shared_mutex> hold_off_forks() { return std::shared_lock(gate()); }

std::unique_lock<std::shared_mutex> exclude_allocators_for_fork() {
  return std::unique_lock(gate());
}

} // namespace conlab
