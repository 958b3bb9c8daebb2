// Two sweeps on stdout: who A and B are, one table of the gate's metric with a row per point and
// variant, what the intervals are, where the metric changed, then the gate's verdict. The other
// metrics are in --json: a grid times ten metrics is more than a terminal can show.
#include "app/cli/cli_compare.h"
#include "app/cli/cli_format.h"
#include "app/cli/cli_table.h"
#include "core/compare/compare_text.h"
#include "core/util/format.h"

#include <algorithm>
#include <ostream>

namespace conlab::cli {
namespace {

void print_wrapped(std::ostream &out, const std::string &text, std::size_t width,
                   std::size_t indent) {
  for (const std::string &line : wrap(text, width, 0, indent))
    out << line << '\n';
}

std::string listed(const std::vector<std::string> &labels) {
  std::string text;
  for (const std::string &label : labels)
    text += (text.empty() ? "" : ", ") + label;
  return text.empty() ? std::string(kDash) : text;
}

std::size_t variant_count(const SweepComparison &c) {
  std::size_t n = 0;
  for (const SweepPointComparison &p : c.points)
    n = std::max(n, p.comparison.variants.size());
  return n;
}

void print_table(std::ostream &out, const SweepComparison &c, Metric metric, bool &any_unknown) {
  const bool several = variant_count(c) > 1;
  Table table;
  table.add_column("point", Align::left);
  if (several)
    table.add_column("variant", Align::left);
  table.add_columns({"A", "B", "B - A", "B/A"}, Align::right);
  table.add_columns({"verdict", "noise: interval of B - A"}, Align::left);
  for (const SweepPointComparison &p : c.points)
    for (const VariantComparison &v : p.comparison.variants) {
      const MetricComparison *m = v.find(metric);
      if (!m || (!m->baseline && !m->candidate))
        continue; // loop lag of a model without a loop
      any_unknown = any_unknown || m->verdict == Verdict::noise_unknown;
      std::vector<std::string> row{p.label};
      if (several)
        row.push_back(v.label);
      for (std::string cell :
           {compare_value_text(metric, m->baseline), compare_value_text(metric, m->candidate),
            m->measured() ? metric_delta_text(metric, m->delta()) : std::string(kDash),
            compare_ratio_text(*m), compare_verdict_text(*m), compare_noise_text(*m)})
        row.push_back(std::move(cell));
      table.add_row(std::move(row));
    }
  table.print(out);
}

} // namespace

void print_sweep_comparison(std::ostream &out, const SweepComparison &c, const GateReport &gate,
                            std::size_t width) {
  print_wrapped(out, compare_side_line("A", "baseline", c.baseline) + ", a sweep", width, 4);
  print_wrapped(out, compare_side_line("B", "candidate", c.candidate) + ", a sweep", width, 4);
  for (const std::string &note : c.notes)
    print_wrapped(out, "note: " + note, width, 6);
  const Metric metric = gate.gate.metric;
  const MetricInfo &info = metric_info(metric);
  out << '\n' << info.title << " (" << to_string(info.better) << " is better) at each point\n";
  bool any_unknown = false;
  print_table(out, c, metric, any_unknown);
  out << '\n';
  if (!c.only_in_baseline.empty() || !c.only_in_candidate.empty())
    print_wrapped(out,
                  "points not compared: only in A: " + listed(c.only_in_baseline) +
                      "; only in B: " + listed(c.only_in_candidate),
                  width, 4);
  std::string methods = "noise: Welch's t " + confidence_text(c.point_confidence) +
                        " interval of B - A over each point's per-run values (each complete "
                        "repeat is one run), so that the " +
                        std::to_string(c.pairs) + " points and variants compared keep " +
                        human_percent(c.confidence) +
                        " together (Bonferroni); --json has every metric";
  if (any_unknown)
    methods += "; ? marks a change whose noise is unknown (fewer than 2 runs a side: sweep with "
               "--repeats 5)";
  print_wrapped(out, methods, width, 7);
  for (const SweepPointComparison &p : c.points)
    for (const std::string &warning : comparison_warnings(p.comparison, metric))
      print_wrapped(out, "warning: " + p.label + ", " + warning, width, 9);
  print_wrapped(out, "changed: " + changed_points_text(c, metric), width, 9);

  out << "\ngate: " << info.title << " (" << to_string(info.better) << " is better), threshold "
      << human_percent(gate.gate.threshold) << '\n';
  // Only the pairs that decide: a grid's passes would bury them, and so would a grid of single
  // runs, each without a verdict.
  std::size_t hidden = 0;
  const std::vector<std::string> lines = gate_lines(as_one_comparison(c), gate, true, 3, hidden);
  for (const std::string &line : lines) {
    out << "  ";
    for (const std::string &part : wrap(line, width, 2, 6))
      out << part << '\n';
  }
  if (hidden > 0)
    out << "  and " << hidden << " more without a verdict\n";
  if (lines.empty() && hidden == 0)
    out << "  every point and variant: ok\n";
  constexpr const char *kExit[] = {" (exit 0)", " (exit 1)", " (exit 3)"}; // GateResult order
  std::string result = "result: " + gate_result_text(gate) + kExit[static_cast<int>(gate.result())];
  if (gate.result() == GateResult::not_enough_evidence)
    result += "; or accept single runs with --accept-single-runs";
  print_wrapped(out, result, width, 8);
}

} // namespace conlab::cli
