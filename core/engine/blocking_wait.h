// A blocking call of a given length: the calling thread can do nothing else meanwhile, exactly
// like time.sleep() or a synchronous read. A stop request ends it at once.
#pragma once

#include <cstdint>
#include <stop_token>

namespace conlab {

// Returns false when a stop request cut it short.
bool blocking_wait(std::int64_t ns, const std::stop_token &stop);

} // namespace conlab
