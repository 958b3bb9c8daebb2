// What `conlab-cli load` and `conlab-cli merge` print of a load: the failures first, the run's
// table, then per URL the errors and every generator's self-check, read from the results alone
// so that a load merged from several machines prints as one run on one does.
#include "app/cli/cli_http.h"

#include "app/cli/cli_format.h"
#include "app/cli/cli_table.h"
#include "core/http/load_generator.h"
#include "core/util/format.h"
#include "core/watch/process_watch.h"

#include <algorithm>
#include <iostream>

namespace conlab::cli {
namespace {

void print_generator(std::ostream &out, const GeneratorCheck &c, bool one) {
  out << "  generator";
  if (!one)
    out << ' ' << c.shard.text() << " on " << (c.hostname.empty() ? "?" : c.hostname) << " ("
        << c.cores << (c.cores == 1 ? " core" : " cores") << ")";
  out << ": " << c.threads << (c.threads == 1 ? " thread" : " threads") << ", "
      << c.connections_opened << " connections opened, CPU " << human_duration(c.cpu_s)
      << " (busiest thread " << human_percent(c.busiest_thread_share) << " of a core), sent "
      << human_rate(c.achieved_rate_per_s) << "/s";
  if (c.open_load)
    out << " of " << human_rate(c.target_rate_per_s) << "/s asked, send lag p99 "
        << human_duration(c.send_lag_p99_s);
  out << '\n';
}

void print_generators(std::ostream &out, const RepeatResult &r, const LoadSettings *settings) {
  const std::vector<GeneratorCheck> &generators = r.generators;
  const bool one = generators.size() == 1 && (!settings || settings->shards == 1);
  for (const GeneratorCheck &c : generators)
    print_generator(out, c, one);
  if (generators.size() < 2) // one generator, or one part of a load split across several
    return;
  const std::size_t of = settings ? settings->shards : generators.size();
  out << "  all " << generators.size();
  if (generators.size() != of)
    out << " of " << of;
  out << " generators: sent " << human_rate(total_achieved_rate(generators)) << "/s";
  if (settings && settings->open_load)
    out << " of " << human_rate(settings->rate_per_s) << "/s asked";
  out << ", began within " << human_duration(start_spread_s(generators)) << " of each other\n";
}

// The p99 of each interval, summed up: how steady the tail was over the run. Each interval's
// percentile comes from its histogram of every request that ended in it, whichever generator
// sent it.
void print_p99_by_interval(std::ostream &out, const IntervalHistograms &h) {
  std::vector<std::pair<double, std::size_t>> p99; // (p99, interval)
  for (std::size_t i = 0; i < h.intervals().size(); ++i)
    if (h.intervals()[i].count() > 0)
      p99.emplace_back(h.intervals()[i].quantile_s(0.99), i);
  if (p99.size() < 2)
    return;
  std::sort(p99.begin(), p99.end());
  const std::int64_t width = h.interval_ns() / IntervalHistograms::kFirstIntervalNs; // whole s
  const auto [worst, at] = p99.back();
  const auto from = static_cast<std::int64_t>(at) * width;
  out << "  p99 by " << width << " s interval, " << p99.size() << " intervals: best "
      << human_duration(p99.front().first) << ", median "
      << human_duration(p99[p99.size() / 2].first) << ", worst " << human_duration(worst) << " (at "
      << from << "–" << from + width << " s)\n";
}

} // namespace

void print_load_report(std::ostream &out, const RunResults &results, const ReportContext &context,
                       const std::vector<std::string> &first_errors) {
  const double timeout_s = results.load_settings ? results.load_settings->timeout_s : 0;
  // The failures first: the table's numbers are of the answered requests.
  for (const VariantResult &v : results.variants) {
    if (v.repeats.empty())
      continue;
    const RepeatResult &r = v.repeats.front();
    if (const std::string failed = http::failure_headline(r, timeout_s); !failed.empty())
      for (const std::string &line :
           wrap("warning: " + v.label + ": " + failed + "; latencies are of the " +
                    std::to_string(http::succeeded_requests(r)) +
                    " answered, the makespan runs until the last gave up",
                context.width, 0, 9))
        out << line << '\n';
  }
  print_report(out, results, context);
  out << '\n';
  const LoadSettings *settings = results.load_settings ? &*results.load_settings : nullptr;
  for (std::size_t i = 0; i < results.variants.size(); ++i) {
    const VariantResult &v = results.variants[i];
    if (v.repeats.empty())
      continue;
    const RepeatResult &r = v.repeats.front();
    const HttpErrors &e = r.http_errors.value_or(HttpErrors{});
    out << v.label << ": " << http::succeeded_requests(r) << " ok (2xx)";
    out << ", errors: refused " << e.refused << ", reset " << e.reset << ", timeout " << e.timeout
        << ", other " << e.other;
    for (const auto &[code, count] : e.status)
      out << ", " << code << " ×" << count;
    out << '\n';
    if (i < first_errors.size() && !first_errors[i].empty())
      out << "  first error: " << first_errors[i] << '\n';
    print_generators(out, r, settings);
    const bool open =
        settings ? settings->open_load : !r.generators.empty() && r.generators.front().open_load;
    if (open && v.summary.completed > 0) {
      const Percentiles &due = v.summary.latency_s;
      // An HTTP request starts when it is sent: its service time is its latency from then, and
      // the summary has it for every request, kept or folded beyond the sample budget.
      const Percentiles &sent = v.summary.service_s;
      out << "  latency from when due: p50 " << human_duration(due.p50) << ", p99 "
          << human_duration(due.p99) << "; from when sent (uncorrected, what a tool with "
          << "coordinated omission reports): p50 " << human_duration(sent.p50) << ", p99 "
          << human_duration(sent.p99) << '\n';
    }
    if (r.latency_by_interval)
      print_p99_by_interval(out, *r.latency_by_interval);
    if (r.beyond_budget)
      out << "  samples: " << http::beyond_budget_note(r) << '\n';
    if (r.server_watch)
      out << "  " << describe_watch(*r.server_watch) << '\n';
    for (const std::string &w : r.generator_warnings)
      out << "  warning: " << w << '\n';
  }
}

} // namespace conlab::cli
