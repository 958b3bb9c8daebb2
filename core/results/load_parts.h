// What a results file keeps of an HTTP load's generators: each one's self-check, and the load
// as it was asked for. With both, the parts of a load split across machines (conlab-cli load
// --shard I/N, one generator each) can be checked against each other and merged, and the merged
// result still says how every generator did.
#pragma once

#include "core/util/shard.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace conlab {

// One generator's self-check: whether it, not the server, limited the measurement.
struct GeneratorCheck {
  Shard shard;                         // 0/1: the whole load
  std::string hostname;                // where it ran
  int cores = 0;                       // that machine's
  std::string part_file;               // in a merged result, the part's file
  std::int64_t clock_zero_unix_ns = 0; // the wall-clock time at its run clock's zero
  std::int64_t start_ns = 0; // run clock: when the load began (an open load's first arrival due)
  std::int64_t arrival_phase_ns = 0; // its first arrival was due this long after start_ns
  std::int64_t first_send_ns = -1, last_send_ns = -1; // run clock
  std::uint64_t sent = 0;                             // requests sent
  bool open_load = false;
  double target_rate_per_s = 0;   // open load
  double achieved_rate_per_s = 0; // requests sent per second of the sending span
  double send_lag_p99_s = 0;      // open load: how late the generator woke to send, p99
  double send_lag_max_s = 0;
  double cpu_s = 0;                // the generator's own threads, user + system
  double busiest_thread_share = 0; // of one core, the busiest generator thread
  int threads = 0;
  std::int64_t connections_opened = 0;
  std::vector<std::string> warnings; // empty: the generator kept up
};

// The rate that several generators achieved together: the requests they sent over the span
// from the first send of any to the last of any, placed on one clock by their wall-clock zeros.
// 0 when fewer than two requests were sent.
double total_achieved_rate(const std::vector<GeneratorCheck> &generators);
// How far apart the generators began, on the wall clock: their first sends, less the offset
// each was given (generator I of N at rate R sends its first arrival I/R after the start). 0 for
// one generator.
double start_spread_s(const std::vector<GeneratorCheck> &generators);

// The load as conlab-cli load was asked for it: the whole load, not one part's share. The
// parts of one load agree on all of it but their index.
struct LoadSettings {
  std::vector<std::string> urls;
  std::string method = "GET";
  std::vector<std::string> headers; // "Name: value"
  std::uint64_t body_bytes = 0;
  std::string body_digest; // FNV-1a of the body, in hex: two bodies told apart without storing them
  bool open_load = false;
  double rate_per_s = 0;            // open load, all generators together
  std::string arrivals;             // open load: constant or poisson
  std::int64_t requests = 0;        // -n, all together (0: not given)
  std::int64_t connections = 0;     // -c, all together (0: not given)
  std::optional<double> duration_s; // --duration
  double timeout_s = 0;
  bool keep_alive = true;
  std::uint64_t seed = 1;
  std::int64_t start_at_unix_ns = -1; // --start-at; -1: each began when it was started
  std::size_t shards = 1;             // N of --shard I/N
};

// The first setting in which two loads differ, in the words of the command line
// ("--rate: 2000 and 1000"); empty when they agree.
std::string first_difference(const LoadSettings &a, const LoadSettings &b);

std::string fnv1a_hex(const std::string &bytes);

} // namespace conlab
