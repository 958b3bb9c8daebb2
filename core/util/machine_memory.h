// How much memory this machine has, for the checks that refuse a run up front, with the estimate,
// instead of letting it reach the OOM killer.
#pragma once

namespace conlab {

// Physical memory in bytes (sysconf); +infinity when the system does not say.
double physical_memory_bytes();

} // namespace conlab
