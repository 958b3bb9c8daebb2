// The comparison on stdout: who A and B are, one table per matched variant, what the noise
// columns mean, then the gate's verdict per variant and overall.
#include "app/cli/cli_compare.h"
#include "app/cli/cli_table.h"
#include "core/compare/compare_text.h"
#include "core/util/format.h"

#include <cmath>
#include <cstdio>
#include <ostream>

namespace conlab::cli {
namespace {

std::string setup_line(const VariantComparison &v) {
  const std::string a = v.baseline.describe(), b = v.candidate.describe();
  std::string text = v.label + "  " + (a == b ? a : a + " → " + b) + "; " +
                     std::to_string(v.baseline.finished_tasks) + " → " +
                     std::to_string(v.candidate.finished_tasks) + " tasks finished, " +
                     std::to_string(v.baseline.complete_repeats) + " → " +
                     std::to_string(v.candidate.complete_repeats) + " complete runs";
  return text;
}

std::string p_text(double p) {
  if (p < 0.001)
    return "p < 0.001";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "p = %.3g", p);
  return buffer;
}

std::string shift_text(const char *what, const std::optional<RankSumTest> &test) {
  if (!test)
    return "";
  char share[32];
  std::snprintf(share, sizeof share, "%.2f", test->b_greater());
  return std::string(what) + " " + p_text(test->p_value) + ", P(B > A) = " + share;
}

void print_variant(std::ostream &out, const VariantComparison &v, bool &any_unknown) {
  out << setup_line(v) << '\n';
  Table table;
  table.add_column("metric", Align::left);
  table.add_columns({"A", "B", "B - A", "B/A"}, Align::right);
  table.add_columns({"better", "verdict", "run-to-run noise: 95% interval of B - A"}, Align::left);
  for (const MetricComparison &m : v.metrics) {
    const MetricInfo &info = metric_info(m.metric);
    if (!m.baseline && !m.candidate)
      continue; // e.g. loop lag for a model without a loop
    any_unknown = any_unknown || m.verdict == Verdict::noise_unknown;
    table.add_row(
        {std::string(info.title), compare_value_text(m.metric, m.baseline),
         compare_value_text(m.metric, m.candidate),
         m.measured() ? metric_delta_text(m.metric, m.delta()) : std::string(kDash), compare_ratio_text(m),
         info.better == Better::neither ? std::string(kDash) : std::string(to_string(info.better)),
         compare_verdict_text(m), compare_noise_text(m)});
  }
  table.print(out);
  const std::string latency = shift_text("latency", v.latency_shift);
  const std::string wait = shift_text("queue wait", v.queue_wait_shift);
  if (!latency.empty())
    out << "within-run, tasks of all runs pooled: Mann-Whitney U (two-sided): " << latency
        << (wait.empty() ? "" : "; " + wait) << '\n';
}

} // namespace

std::string compare_side_line(const char *letter, const char *role, const RunSide &side) {
  std::string text = std::string(letter) + " (" + role + ") " + side.name + ": " +
                     (side.experiment.empty() ? "unnamed" : side.experiment) + ", " +
                     to_string(side.status) + ", " + std::to_string(side.repeats) +
                     (side.repeats == 1 ? " repeat" : " repeats");
  if (side.files.size() > 1)
    text += " in " + std::to_string(side.files.size()) + " files";
  if (side.time_scale != 1)
    text += ", durations ×" + human_scale(side.time_scale);
  if (!side.build_type.empty())
    text += ", " + side.build_type + " build";
  return text;
}

void print_comparison(std::ostream &out, const Comparison &c, const GateReport &gate,
                      std::size_t width) {
  for (const std::string &line : wrap(compare_side_line("A", "baseline", c.baseline), width, 0, 4))
    out << line << '\n';
  for (const std::string &line :
       wrap(compare_side_line("B", "candidate", c.candidate), width, 0, 4))
    out << line << '\n';
  for (const std::string &note : c.notes)
    for (const std::string &line : wrap("note: " + note, width, 0, 6))
      out << line << '\n';
  bool any_unknown = false;
  for (const VariantComparison &v : c.variants) {
    out << '\n';
    print_variant(out, v, any_unknown);
  }
  out << '\n';
  if (!c.only_in_baseline.empty() || !c.only_in_candidate.empty()) {
    const auto list = [](const std::vector<std::string> &labels) {
      std::string text;
      for (const std::string &label : labels)
        text += (text.empty() ? "" : ", ") + label;
      return text.empty() ? std::string(kDash) : text;
    };
    out << "not compared: only in A: " << list(c.only_in_baseline)
        << "; only in B: " << list(c.only_in_candidate) << '\n';
  }
  std::string methods = "noise: Welch's t " + human_percent(c.confidence) +
                        " interval of B - A over the per-run values (each complete repeat of a "
                        "variant is one run; A and B are the means over their runs)";
  if (any_unknown)
    methods += "; ? marks a change whose noise is unknown (fewer than 2 runs a side: run with "
               "--repeats 5)";
  for (const std::string &line : wrap(methods, width, 0, 7))
    out << line << '\n';
  const std::vector<std::string> warnings = comparison_warnings(c, gate.gate.metric);
  for (const std::string &warning : warnings)
    for (const std::string &line : wrap("warning: " + warning, width, 0, 9))
      out << line << '\n';

  const MetricInfo &info = metric_info(gate.gate.metric);
  out << "\ngate: " << info.title << " (" << to_string(info.better) << " is better), threshold "
      << human_percent(gate.gate.threshold) << '\n';
  std::size_t label_width = 0;
  for (const GateVariant &v : gate.variants)
    label_width = std::max(label_width, display_width(v.label));
  for (std::size_t i = 0; i < gate.variants.size(); ++i) {
    const GateVariant &v = gate.variants[i];
    const std::string text = gate_variant_text(v, c.variants[i], gate.gate);
    out << "  " << pad(v.label, label_width + 2, Align::left);
    for (const std::string &line : wrap(text, width, label_width + 4, label_width + 4))
      out << line << '\n';
  }
  constexpr const char *kExit[] = {" (exit 0)", " (exit 1)", " (exit 3)"}; // GateResult order
  std::string result = "result: " + gate_result_text(gate) + kExit[static_cast<int>(gate.result())];
  if (gate.result() == GateResult::not_enough_evidence)
    result += "; or accept single runs with --accept-single-runs";
  for (const std::string &line : wrap(result, width, 0, 8))
    out << line << '\n';
}

} // namespace conlab::cli
