// One part of N of a job split across machines (`--shard I/N`): a sweep's runs, or a load's
// generators. I counts from 0, as a Slurm array's task id and a Kubernetes Indexed Job's
// completion index do, so either can be passed straight through.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace conlab {

struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
  bool owns(std::size_t position) const { return position % count == index; }
  std::string text() const; // "2/4"
  bool operator==(const Shard &) const = default;
};

// "I/N" with 0 ≤ I < N. Throws std::invalid_argument saying what is wrong with it.
Shard parse_shard(std::string_view text);

// The part of `whole` that shard `shard` takes when it is dealt out as evenly as can be: the
// first whole % N parts take one more.
inline std::int64_t share_of(std::int64_t whole, const Shard &shard) {
  const auto n = static_cast<std::int64_t>(shard.count);
  const auto i = static_cast<std::int64_t>(shard.index);
  return whole / n + (i < whole % n ? 1 : 0);
}

} // namespace conlab
