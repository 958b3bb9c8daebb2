#include "core/util/shard.h"

#include <charconv>
#include <stdexcept>

namespace conlab {

std::string Shard::text() const { return std::to_string(index) + "/" + std::to_string(count); }

Shard parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  const auto whole = [](std::string_view part, std::size_t &out) {
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return !part.empty() && ec == std::errc() && end == part.data() + part.size();
  };
  Shard shard;
  if (slash == std::string_view::npos || !whole(text.substr(0, slash), shard.index) ||
      !whole(text.substr(slash + 1), shard.count))
    throw std::invalid_argument("expected I/N, the part I of N counted from 0 (e.g. 0/4)");
  if (shard.count < 1)
    throw std::invalid_argument("N must be at least 1");
  if (shard.index >= shard.count)
    throw std::invalid_argument("I must be 0…" + std::to_string(shard.count - 1) +
                                " for N = " + std::to_string(shard.count));
  return shard;
}

} // namespace conlab
