// `conlab-cli merge PART.json...`: the parts of a sweep (sweep --shard I/N) joined into one sweep.
#pragma once

#include <string>
#include <vector>

namespace conlab::cli {

int merge_command(const std::vector<std::string> &args);

} // namespace conlab::cli
