#include "core/capacity/capacity_search.h"

#include "core/util/format.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <stdexcept>

namespace conlab {
namespace {

using Clock = std::chrono::steady_clock;

// Rates a person can read: three significant digits.
double round_rate(double rate) {
  if (!(rate > 0))
    return rate;
  const double magnitude = std::pow(10.0, std::floor(std::log10(rate)) - 2);
  return std::round(rate / magnitude) * magnitude;
}

std::string rate_text(double rate) { return human_rate(rate) + "/s"; }

class Search {
public:
  Search(const Slo &slo, const CapacityLimits &limits, const CapacityProbe &probe,
         std::stop_token stop, const std::function<void(const CapacityRun &)> &on_run)
      : m_probe(probe), m_stop(std::move(stop)), m_on_run(on_run) {
    m_result.slo = slo;
    m_result.limits = limits;
  }

  CapacitySearch run() {
    grow() && confirm_lower_bound() && bisect();
    m_result.capacity_per_s = m_good;
    m_result.breaking_per_s = m_bad;
    m_result.total_s = elapsed();
    return std::move(m_result);
  }

private:
  const CapacityLimits &limits() const { return m_result.limits; }
  double elapsed() const { return std::chrono::duration<double>(Clock::now() - m_started).count(); }

  // False when the search must end here (its outcome set).
  bool stop_with(CapacityOutcome outcome) {
    m_result.outcome = outcome;
    return false;
  }

  // One more run at `rate`; false when a limit, the caller or a failed run ends the search.
  bool run_once(double rate) {
    if (m_stop.stop_requested())
      return stop_with(CapacityOutcome::cancelled);
    const double duration = run_duration_s(m_result.slo, limits(), rate);
    if (!m_result.runs.empty() && elapsed() + duration > limits().max_total_s)
      return stop_with(CapacityOutcome::time_budget);
    CapacityRun run;
    try {
      run = m_probe(rate, duration);
    } catch (const std::exception &e) {
      m_result.error = e.what();
      return stop_with(CapacityOutcome::failed);
    }
    run.rate_per_s = rate;
    run.met = meets(m_result.slo, run.value_s) && !run.queue_growing;
    m_result.runs.push_back(run);
    if (m_on_run)
      m_on_run(run);
    if (m_stop.stop_requested())
      return stop_with(CapacityOutcome::cancelled);
    // A run the generator could not make says nothing about the target.
    if (!run.generator_warnings.empty())
      return stop_with(CapacityOutcome::generator_saturated);
    return true;
  }

  // Whether `rate` meets the SLO over `want` runs (the earlier ones at it count): the majority
  // decides, so the runs stop once it is known. nullopt when the search ends meanwhile.
  std::optional<bool> verdict(double rate, int want) {
    for (;;) {
      int met = 0, missed = 0;
      for (const CapacityRun &r : m_result.runs)
        if (r.rate_per_s == rate)
          (r.met ? met : missed)++;
      if (2 * met > want)
        return true;
      if (2 * missed >= want)
        return false;
      if (!run_once(rate))
        return std::nullopt;
    }
  }

  // ×2 from the start rate, one run each, until a rate misses (confirmed by repeats) or the
  // maximum rate meets.
  bool grow() {
    double rate = round_rate(limits().start_rate_per_s);
    for (;;) {
      const std::optional<bool> met = verdict(rate, 1);
      if (!met)
        return false;
      if (*met) {
        m_good_rates.push_back(rate);
        m_good = rate;
        if (rate >= limits().max_rate_per_s)
          return confirm_lower_bound() && stop_with(CapacityOutcome::meets_at_max_rate);
        rate = std::min(round_rate(rate * 2), limits().max_rate_per_s);
        continue;
      }
      const std::optional<bool> confirmed = verdict(rate, limits().runs_per_step);
      if (!confirmed)
        return false;
      if (*confirmed)
        continue; // the miss was noise: the next verdict counts the repeats and grows

      m_bad = rate;
      return true;
    }
  }

  // The last rate that met in growth had one run: repeat it, and fall back a step each time the
  // repeats overturn it.
  bool confirm_lower_bound() {
    while (!m_good_rates.empty()) {
      const double rate = m_good_rates.back();
      const std::optional<bool> met = verdict(rate, limits().runs_per_step);
      if (!met)
        return false;
      if (*met) {
        m_good = rate;
        return true;
      }
      m_bad = rate;
      m_good_rates.pop_back();
      m_good = m_good_rates.empty() ? std::nullopt : std::optional(m_good_rates.back());
    }
    return stop_with(CapacityOutcome::misses_at_lowest);
  }

  bool bisect() {
    while (m_good && m_bad && (*m_bad - *m_good) / *m_bad > limits().precision) {
      const double mid = round_rate((*m_good + *m_bad) / 2);
      if (mid <= *m_good || mid >= *m_bad)
        break; // the rates are as close as three digits can tell
      const std::optional<bool> met = verdict(mid, limits().runs_per_step);
      if (!met)
        return false;
      (*met ? m_good : m_bad) = mid;
    }
    return stop_with(CapacityOutcome::found);
  }

  const CapacityProbe &m_probe;
  std::stop_token m_stop;
  const std::function<void(const CapacityRun &)> &m_on_run;
  CapacitySearch m_result;
  Clock::time_point m_started = Clock::now();
  std::vector<double> m_good_rates; // growth's rates that met, ascending
  std::optional<double> m_good, m_bad;
};

} // namespace

double run_duration_s(const Slo &slo, const CapacityLimits &limits, double rate_per_s) {
  const std::int64_t fewest = limits.min_requests > 0 ? limits.min_requests : fewest_requests(slo);
  const double for_requests = static_cast<double>(fewest) / rate_per_s;
  // A rate a little past the target's ceiling grows its queue slowly: by ε × the run's length
  // in latency. Only a run long against the SLO's limit lets that growth cross the limit, so a
  // run lasts at least ten limits, and a rate past the ceiling by more than a tenth of the slack
  // between service time and limit cannot meet the SLO.
  const double for_growth = 10 * slo.limit_s;
  return std::min(std::max({limits.run_duration_s, for_requests, for_growth}),
                  limits.max_run_duration_s);
}

std::vector<std::string> check_limits(const CapacityLimits &l) {
  std::vector<std::string> problems;
  if (!(l.start_rate_per_s > 0))
    problems.push_back("--start-rate: must be > 0");
  if (!(l.max_rate_per_s >= l.start_rate_per_s) || l.max_rate_per_s > 1e7)
    problems.push_back("--max-rate: must be at least --start-rate (" +
                       human_rate(l.start_rate_per_s) + "/s) and ≤ 10000000");
  if (!(l.max_total_s > 0))
    problems.push_back("--max-time: must be > 0");
  if (l.runs_per_step < 1 || l.runs_per_step > 15)
    problems.push_back("--runs-per-step: must be between 1 and 15");
  if (!(l.precision >= 0.001 && l.precision < 1))
    problems.push_back("--precision: must be between 0.001 and 1 (0.05 stops within 5%)");
  if (!(l.run_duration_s > 0) || !(l.max_run_duration_s >= l.run_duration_s))
    problems.push_back("--run-duration: must be > 0 and at most the longest run (" +
                       human_duration(l.max_run_duration_s) + ")");
  if (l.min_requests < 0)
    problems.push_back("--min-requests: must be ≥ 1");
  return problems;
}

CapacitySearch search_capacity(const Slo &slo, const CapacityLimits &limits,
                               const CapacityProbe &probe, std::stop_token stop,
                               const std::function<void(const CapacityRun &)> &on_run) {
  return Search(slo, limits, probe, std::move(stop), on_run).run();
}

std::vector<RateVerdict> verdicts_by_rate(const CapacitySearch &search) {
  std::map<double, std::vector<double>> by_rate;
  std::map<double, int> met, growing;
  for (const CapacityRun &r : search.runs) {
    by_rate[r.rate_per_s].push_back(r.value_s);
    met[r.rate_per_s] += r.met ? 1 : 0;
    growing[r.rate_per_s] += r.queue_growing ? 1 : 0;
  }
  std::vector<RateVerdict> out;
  for (auto &[rate, values] : by_rate) {
    std::sort(values.begin(), values.end());
    RateVerdict v;
    v.rate_per_s = rate;
    v.runs = static_cast<int>(values.size());
    v.median_value_s = values[(values.size() - 1) / 2];
    v.met = 2 * met[rate] > v.runs;
    v.queue_growing = !v.met && 2 * growing[rate] > v.runs;
    out.push_back(v);
  }
  return out;
}

std::string describe_capacity(const CapacitySearch &s) {
  const std::string slo = s.slo.text;
  // A simulated search takes milliseconds: its time says nothing.
  const std::string runs = std::to_string(s.runs.size()) + (s.runs.size() == 1 ? " run" : " runs") +
                           (s.total_s >= 0.5 ? " in " + human_span(s.total_s) : std::string());
  const std::string best =
      s.capacity_per_s ? "it met " + slo + " up to " + rate_text(*s.capacity_per_s) +
                             (s.breaking_per_s ? " and broke it at " + rate_text(*s.breaking_per_s)
                                               : std::string())
                       : "no rate tried met " + slo;
  const CapacityRun *last = s.runs.empty() ? nullptr : &s.runs.back();
  switch (s.outcome) {
  case CapacityOutcome::found:
    return "the highest rate that keeps " + slo + " is " + rate_text(*s.capacity_per_s) +
           " (it broke at " + rate_text(*s.breaking_per_s) + "; " + runs + ")";
  case CapacityOutcome::misses_at_lowest:
    return slo + " is missed even at the lowest rate tried, " +
           rate_text(s.limits.start_rate_per_s) + " (" + s.slo.metric() + " " +
           (last && std::isfinite(last->value_s) ? human_duration(last->value_s)
                                                 : std::string("beyond measure: requests failed")) +
           "): there is no capacity to report (" + runs + ")";
  case CapacityOutcome::generator_saturated:
    return "the generator could not keep up at " + rate_text(last->rate_per_s) + " (" +
           last->generator_warnings.front() + "), so that run says nothing about the target; " +
           (s.capacity_per_s ? "it met " + slo + " up to " + rate_text(*s.capacity_per_s) +
                                   ", so its capacity is at least that, not measured"
                             : "no capacity was measured") +
           " (" + runs + ")";
  case CapacityOutcome::meets_at_max_rate:
    return "still meets " + slo + " at the highest rate allowed, " +
           rate_text(s.limits.max_rate_per_s) +
           ": the capacity is at least that (raise --max-rate; " + runs + ")";
  case CapacityOutcome::time_budget:
    return "stopped at the time limit (" + human_span(s.limits.max_total_s) +
           ") with the best answer so far: " + best + " (" + runs + ")";
  case CapacityOutcome::cancelled:
    return "stopped with the best answer so far: " + best + " (" + runs + ")";
  case CapacityOutcome::failed:
    return "a run failed (" + s.error + "); the best answer so far: " + best + " (" + runs + ")";
  }
  return {};
}

const char *to_string(CapacityOutcome outcome) {
  switch (outcome) {
  case CapacityOutcome::found:
    return "found";
  case CapacityOutcome::misses_at_lowest:
    return "misses_at_lowest_rate";
  case CapacityOutcome::generator_saturated:
    return "generator_saturated";
  case CapacityOutcome::meets_at_max_rate:
    return "meets_at_max_rate";
  case CapacityOutcome::time_budget:
    return "time_budget";
  case CapacityOutcome::cancelled:
    return "cancelled";
  case CapacityOutcome::failed:
    return "failed";
  }
  return "found";
}

std::optional<CapacityOutcome> capacity_outcome_from_string(std::string_view text) {
  for (const CapacityOutcome o :
       {CapacityOutcome::found, CapacityOutcome::misses_at_lowest,
        CapacityOutcome::generator_saturated, CapacityOutcome::meets_at_max_rate,
        CapacityOutcome::time_budget, CapacityOutcome::cancelled, CapacityOutcome::failed})
    if (text == to_string(o))
      return o;
  return std::nullopt;
}

} // namespace conlab
