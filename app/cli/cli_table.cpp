#include "app/cli/cli_table.h"

#include "core/util/format.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <ostream>

namespace conlab::cli {
namespace {

std::string rstrip(std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  return line;
}

// "2", "L=4", and "2 proc" / "L=4 proc" where the workers are processes.
std::string pool_cell(const VariantResult &variant) {
  const std::string processes = variant.summary.processes.measured ? " proc" : "";
  if (variant.loops > 0)
    return "L=" + std::to_string(variant.loops) + processes;
  if (variant.pool_size > 0)
    return std::to_string(variant.pool_size) + processes;
  return std::string(kDash);
}

std::size_t finished_tasks(const VariantResult &variant) {
  std::size_t finished = 0;
  for (const RepeatResult &repeat : variant.repeats)
    finished += static_cast<std::size_t>(
        std::count_if(repeat.samples.begin(), repeat.samples.end(),
                      [](const TaskSample &sample) { return sample.finished(); }));
  return finished;
}

Table measurement_table(const RunResults &results) {
  Table table;
  table.add_column("variant", Align::left);
  table.add_column("model", Align::left);
  table.add_columns(
      {"pool", "makespan", "predicted", "tput/s", "p50", "p90", "p99", "max", "qwait p99"},
      Align::right);
  // Only when some variant ran under a GIL: what its tasks waited for the lock (p50 per task).
  const bool any_gil = ran_under_a_gil(results);
  if (any_gil)
    table.add_column("GIL wait p50", Align::right);
  table.add_columns({"CPU", "lag max"}, Align::right);
  const auto asked = static_cast<std::size_t>(results.experiment.load.tasks) *
                     static_cast<std::size_t>(results.experiment.repeats);
  for (const VariantResult &variant : results.variants) {
    const Summary &s = variant.summary;
    const bool measured = s.completed > 0;
    const bool partial = finished_tasks(variant) < asked;
    const auto measured_duration = [&](double seconds) {
      return measured ? human_duration(seconds) : std::string(kDash);
    };
    const Prediction &prediction = variant.prediction;
    std::vector<std::string> row = {
        partial ? variant.label + "*" : variant.label,
        variant.model,
        pool_cell(variant),
        measured_duration(s.makespan_s),
        prediction.makespan_s ? human_duration(*prediction.makespan_s) : std::string(kDash),
        measured ? human_rate(s.throughput_per_s) : std::string(kDash),
        measured_duration(s.latency_s.p50),
        measured_duration(s.latency_s.p90),
        measured_duration(s.latency_s.p99),
        measured_duration(s.latency_s.max),
        measured_duration(s.queue_wait_s.p99),
    };
    if (any_gil)
      row.push_back(s.gil.measured ? measured_duration(s.gil_wait_s.p50) : std::string(kDash));
    row.push_back(measured ? human_percent(s.cpu_utilization) : std::string(kDash));
    row.push_back(measured && s.loop_lag_s.measured ? human_duration(s.loop_lag_s.max_s)
                                                    : std::string(kDash));
    table.add_row(row);
  }
  return table;
}

// What one task cost in each variant, beside the totals' table: memory per task in flight, CPU
// per wait and what of it was not the tasks' own computation, context switches per task and,
// where the model started threads, what one cost. Empty when no variant finished a task.
Table cost_table(const RunResults &results) {
  Table table;
  table.add_column("cost per task", Align::left);
  table.add_columns(
      {"in flight", "memory", "CPU/wait", "overhead/wait", "vol sw", "invol sw", "thread start"},
      Align::right);
  for (const VariantResult &variant : results.variants) {
    const TaskCost &c = variant.summary.cost;
    if (!c.measured)
      continue;
    const bool waits = c.waits_per_task > 0;
    table.add_row(
        {variant.label, human_count(c.peak_in_flight), human_bytes(c.memory_per_task_bytes),
         waits ? human_duration(c.cpu_per_wait_s) : std::string(kDash),
         !waits                 ? std::string(kDash)
         : overhead_resolved(c) ? human_duration(c.overhead_per_wait_s)
                                : "< " + human_duration(overhead_resolution_s(c)),
         human_count(c.voluntary_switches_per_task), human_count(c.involuntary_switches_per_task),
         c.threads_started > 0
             ? human_duration(c.thread_start_s) + " × " + human_count(c.threads_started)
             : std::string(kDash)});
  }
  return table;
}

// Where each variant's response time went, as shares: a column per cause that took at least
// half a percent somewhere, so a run of pools shows queue, blocked and on CPU and nothing else.
// Empty when no variant's split was measured (HTTP targets see only the client's side).
Table cause_table(const RunResults &results) {
  constexpr std::array<const char *, kCauseCount> kHeaders{
      "queued", "on CPU", "runnable", "blocked", "loop busy", "GIL", "hand-off", "other"};
  std::vector<CauseSplit> measured;
  for (const VariantResult &variant : results.variants)
    if (variant.summary.causes.measured)
      measured.push_back(variant.summary.causes);
  const std::vector<Cause> shown = causes_shown(measured);
  Table table;
  if (shown.empty())
    return table;
  table.add_column("time went to", Align::left);
  for (Cause c : shown)
    table.add_column(kHeaders[static_cast<std::size_t>(c)], Align::right);
  for (const VariantResult &variant : results.variants) {
    const CauseSplit &split = variant.summary.causes;
    if (!split.measured || split.tasks == 0)
      continue;
    std::vector<std::string> row{variant.label};
    for (Cause c : shown)
      row.push_back(human_percent(shown_share(split, c)));
    table.add_row(std::move(row));
  }
  return table;
}

// Variants that ran in the lab but whose time was not split by cause, by why.
void print_unsplit(std::ostream &out, const RunResults &results, std::size_t width) {
  std::map<SplitLeftOut, std::string> labels;
  for (const VariantResult &variant : results.variants)
    if (const SplitLeftOut why = variant.summary.causes.left_out;
        why != SplitLeftOut::no && why != SplitLeftOut::turned_off)
      labels[why] += (labels[why].empty() ? "" : ", ") + variant.label;
  for (const auto &[why, names] : labels) {
    const std::string note =
        why == SplitLeftOut::short_steps
            ? "not split by cause: " + names +
                  " (their tasks or steps on threads average under 1 ms, and reading each thread's "
                  "accounting, about 2.4 µs a step, would distort them; --split on splits them "
                  "anyway)"
            : "not split by cause: " + names +
                  " (its tasks ran in worker processes, out of the lab's sight)";
    for (const std::string &line : wrap(note, width, 0, 2))
      out << line << '\n';
  }
}

void print_explanations(std::ostream &out, const RunResults &results, std::size_t width) {
  std::size_t label_width = 0;
  for (const VariantResult &variant : results.variants)
    label_width = std::max(label_width, display_width(variant.label));
  const std::size_t indent = label_width + 2;
  for (const VariantResult &variant : results.variants) {
    if (variant.explanation.empty() || variant.summary.completed == 0)
      continue; // nothing measured: the status line says so
    out << pad(variant.label, indent, Align::left);
    for (const std::string &line : wrap(variant.explanation, width, indent, indent))
      out << line << '\n';
  }
}

// Named pool sizes resolve per machine; say what they became here.
void print_pool_notes(std::ostream &out, const RunResults &results) {
  std::string notes;
  for (const VariantResult &variant : results.variants) {
    if (variant.pool_description.find('(') == std::string::npos)
      continue;
    notes += (notes.empty() ? "" : ", ") + variant.label + " " + variant.pool_description;
  }
  if (!notes.empty())
    out << "pool sizes: " << notes << '\n';
}

void print_status(std::ostream &out, const RunResults &results, std::size_t width) {
  if (results.status == RunStatus::completed)
    return;
  if (results.status == RunStatus::failed) {
    out << "* failed: " << results.error << '\n';
    return;
  }
  const Experiment &experiment = results.experiment;
  const auto asked = static_cast<std::size_t>(experiment.load.tasks) *
                     static_cast<std::size_t>(experiment.repeats);
  std::string detail;
  for (std::size_t i = 0; i < experiment.variants.size(); ++i) {
    const std::string &label = experiment.variants[i].label;
    const std::size_t finished =
        i < results.variants.size() ? finished_tasks(results.variants[i]) : 0;
    if (finished == asked)
      continue;
    detail +=
        (detail.empty() ? "" : "; ") + label + " " +
        (finished == 0 ? std::string("not measured")
                       : std::to_string(finished) + " of " + std::to_string(asked) + " tasks");
  }
  std::string text = "* cancelled after " + human_span(results.wall_time_s) +
                     ": the table shows what was measured before the stop";
  if (!detail.empty())
    text += " (" + detail + ")";
  for (const std::string &line : wrap(text, width, 0, 2))
    out << line << '\n';
}

void print_scale(std::ostream &out, const RunResults &results) {
  const double scale = results.experiment.time_scale;
  if (scale == 1 || scale <= 0)
    return;
  out << "durations scaled ×" << human_scale(scale);
  if (results.status != RunStatus::completed) {
    out << '\n';
    return;
  }
  double total_s = 0;
  for (const VariantResult &variant : results.variants)
    for (const RepeatResult &repeat : variant.repeats)
      total_s += repeat.summary.makespan_s;
  out << "; at scale 1 this run takes about " << human_span(total_s / scale) << '\n';
}

} // namespace

void Table::print(std::ostream &out) const {
  std::vector<std::size_t> widths(m_headers.size());
  for (std::size_t c = 0; c < m_headers.size(); ++c) {
    widths[c] = display_width(m_headers[c]);
    for (const auto &row : m_rows)
      if (c < row.size())
        widths[c] = std::max(widths[c], display_width(row[c]));
  }
  const auto print_line = [&](const std::vector<std::string> &cells) {
    std::string line;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      if (c > 0)
        line += "  ";
      line += pad(c < cells.size() ? cells[c] : std::string(), widths[c], m_aligns[c]);
    }
    out << rstrip(std::move(line)) << '\n';
  };
  print_line(m_headers);
  std::vector<std::string> rules;
  for (std::size_t width : widths) {
    std::string rule;
    for (std::size_t i = 0; i < width; ++i)
      rule += "─";
    rules.push_back(std::move(rule));
  }
  print_line(rules);
  for (const auto &row : m_rows)
    print_line(row);
}

void print_report(std::ostream &out, const RunResults &results, const ReportContext &context) {
  const Experiment &experiment = results.experiment;
  out << experiment.name << ": " << experiment.variants.size()
      << (experiment.variants.size() == 1 ? " variant, " : " variants, ") << experiment.load.tasks
      << (experiment.load.tasks == 1 ? " task" : " tasks");
  if (experiment.load.kind == LoadKind::closed)
    out << " from " << experiment.load.clients << " clients";
  else
    out << " arriving at " << human_rate(experiment.load.rate_per_s) << "/s ("
        << to_string(experiment.load.arrivals) << ")";
  if (experiment.repeats > 1)
    out << ", " << experiment.repeats << " repeats (latencies pooled, makespan the mean)";
  out << "\n\n";
  measurement_table(results).print(out);
  out << '\n';
  if (const Table costs = cost_table(results); !costs.empty()) {
    costs.print(out);
    out << '\n';
  }
  if (const Table causes = cause_table(results); !causes.empty()) {
    causes.print(out);
    out << '\n';
  }
  print_explanations(out, results, context.width);
  out << '\n';
  print_status(out, results, context.width);
  print_pool_notes(out, results);
  print_scale(out, results);
  print_unsplit(out, results, context.width);
  const Environment &env = results.environment;
  out << "machine: " << env.cores << (env.cores == 1 ? " core" : " cores");
  if (!env.cpu_model.empty())
    out << ", " << env.cpu_model;
  if (!env.os.empty())
    out << ", " << env.os;
  if (!env.build_type.empty())
    out << "; " << env.build_type << " build";
  out << '\n';
  if (const std::optional<ServerUnderTestRecord> &server = results.server) {
    out << "server under test: " << server->command << " (output in " << server->log_path << ")";
    if (!server->ended_on_its_own.empty())
      out << "; it " << server->ended_on_its_own << " during the run";
    out << '\n';
  }
  if (!context.results_path.empty())
    out << "results written to " << context.results_path << '\n';
  if (!context.samples_path.empty())
    out << "samples written to " << context.samples_path << '\n';
}

} // namespace conlab::cli
