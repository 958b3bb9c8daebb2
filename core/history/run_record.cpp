#include "core/history/run_record.h"

#include "core/history/history_error.h"
#include "core/sweep/sweep.h"
#include "core/util/format.h"
#include "core/util/json_fields.h"

#include <boost/json/serialize.hpp>

#include <QDateTime>

#include <algorithm>
#include <cctype>
#include <optional>

namespace conlab::history {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string trimmed(const std::string &text) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  auto begin = std::find_if_not(text.begin(), text.end(), space);
  auto end = std::find_if_not(text.rbegin(), std::string::const_reverse_iterator(begin), space);
  return std::string(begin, end.base());
}

} // namespace

namespace {

// A sweep keeps a few numbers per point and repeat, not per task: the digest of a variant is its
// best point by mean throughput.
std::vector<VariantDigest> sweep_digest(const RunResults &results) {
  std::vector<VariantDigest> out;
  const Experiment &e = results.experiment;
  for (std::size_t v = 0; v < e.variants.size(); ++v) {
    VariantDigest d{.label = e.variants[v].label, .model = e.variants[v].model};
    d.tasks = static_cast<std::uint32_t>(results.sweep->points.size()) *
              static_cast<std::uint32_t>(std::max(1, e.repeats));
    for (const SweepPoint &point : results.sweep->points) {
      if (v >= point.variants.size())
        continue;
      const SweepVariantPoint &vp = point.variants[v];
      for (const SweepMeasurement &m : vp.measurements)
        d.completed += m.complete ? 1 : 0;
      const std::optional<double> throughput = vp.mean(SweepMetric::throughput);
      if (!throughput || (!d.best_at.empty() && *throughput <= d.throughput_per_s))
        continue;
      d.best_at = point_text(*e.sweep, point.values);
      d.throughput_per_s = *throughput;
      d.makespan_s = vp.mean(SweepMetric::makespan).value_or(0);
      d.p50_s = vp.mean(SweepMetric::p50).value_or(0);
      d.p99_s = vp.mean(SweepMetric::p99).value_or(0);
      d.predicted_makespan_s = vp.predicted_makespan_s.value_or(-1);
    }
    out.push_back(std::move(d));
  }
  return out;
}

} // namespace

std::string describe_sweep(const RunResults &results) {
  if (!results.sweep || !results.experiment.sweep)
    return {};
  std::string axes;
  for (const SweepAxis &axis : results.experiment.sweep->axes)
    axes += (axes.empty() ? "" : " × ") + axis_label(axis);
  return axes + ": " + std::to_string(results.sweep->runs_done) + " of " +
         std::to_string(results.sweep->runs_total) + " runs";
}

std::vector<VariantDigest> digest(const RunResults &results) {
  if (results.sweep && results.experiment.sweep)
    return sweep_digest(results);
  std::vector<VariantDigest> out;
  for (const VariantResult &v : results.variants) {
    out.push_back({.label = v.label,
                   .model = v.model,
                   .tasks = v.summary.tasks,
                   .completed = v.summary.completed,
                   .makespan_s = v.summary.makespan_s,
                   .throughput_per_s = v.summary.throughput_per_s,
                   .p50_s = v.summary.latency_s.p50,
                   .p99_s = v.summary.latency_s.p99,
                   .predicted_makespan_s = v.prediction.makespan_s.value_or(-1)});
  }
  return out;
}

std::string digests_to_json(const std::vector<VariantDigest> &variants) {
  boost::json::array array;
  for (const VariantDigest &v : variants)
    array.push_back({{"label", v.label},
                     {"model", v.model},
                     {"tasks", v.tasks},
                     {"completed", v.completed},
                     {"makespan_s", json::number_or_null(v.makespan_s)},
                     {"throughput_per_s", json::number_or_null(v.throughput_per_s)},
                     {"p50_s", json::number_or_null(v.p50_s)},
                     {"p99_s", json::number_or_null(v.p99_s)},
                     {"predicted_makespan_s", json::number_or_null(v.predicted_makespan_s)},
                     {"best_at", v.best_at}});
  return boost::json::serialize(array);
}

std::vector<VariantDigest> digests_from_json(const std::string &text) {
  FieldError syntax;
  const std::optional<boost::json::value> json = json::parse_text(text, syntax);
  if (!json)
    throw SpecError(std::vector<FieldError>{{"variants", syntax.message}});
  json::Errors errors;
  std::vector<VariantDigest> out;
  if (!json->is_array())
    throw SpecError(std::vector<FieldError>{{"variants", "must be an array"}});
  const boost::json::array &array = json->as_array();
  for (std::size_t i = 0; i < array.size(); ++i) {
    json::Fields f(array[i], json::index_path("variants", i), errors, false);
    if (!f.valid())
      continue;
    VariantDigest v;
    v.label = f.string("label", json::Need::required).value_or("");
    v.model = f.string("model").value_or("");
    v.tasks = static_cast<std::uint32_t>(f.unsigned_integer("tasks").value_or(0));
    v.completed = static_cast<std::uint32_t>(f.unsigned_integer("completed").value_or(0));
    v.makespan_s = f.number_or_nan("makespan_s").value_or(0);
    v.throughput_per_s = f.number_or_nan("throughput_per_s").value_or(0);
    v.p50_s = f.number_or_nan("p50_s").value_or(0);
    v.p99_s = f.number_or_nan("p99_s").value_or(0);
    v.predicted_makespan_s = f.number_or_nan("predicted_makespan_s").value_or(-1);
    v.best_at = f.string("best_at").value_or(""); // absent before sweeps were recorded
    out.push_back(std::move(v));
  }
  if (!errors.empty())
    throw SpecError(std::move(errors));
  return out;
}

std::string key_metrics(const RunRecord &record) {
  std::string text;
  for (const VariantDigest &v : record.variants) {
    text += text.empty() ? "" : "; ";
    if (!record.sweep.empty())
      text += v.best_at.empty()
                  ? v.label + " nothing finished"
                  : v.label + " best " + human_rate(v.throughput_per_s) + "/s at " + v.best_at;
    else
      text += v.label + " " + human_duration(v.makespan_s);
  }
  return text;
}

std::string search_text(const RunRecord &record) {
  std::string text = record.name + '\n' + record.experiment;
  for (const std::string &tag : record.tags)
    text += '\n' + tag;
  return lower(std::move(text));
}

bool matches(const RunRecord &record, const std::string &text) {
  return search_text(record).find(lower(trimmed(text))) != std::string::npos;
}

std::string checked_tag(const std::string &tag) {
  std::string t = trimmed(tag);
  if (t.empty())
    throw HistoryInputError("tag: must not be empty");
  if (t.find(',') != std::string::npos)
    throw HistoryInputError("tag '" + t + "': must not contain a comma");
  return t;
}

std::vector<std::string> parse_tag_list(const std::string &text) {
  std::vector<std::string> tags;
  std::size_t from = 0;
  while (from <= text.size()) {
    std::size_t comma = text.find(',', from);
    if (comma == std::string::npos)
      comma = text.size();
    const std::string part = trimmed(text.substr(from, comma - from));
    if (!part.empty() && std::find(tags.begin(), tags.end(), part) == tags.end())
      tags.push_back(checked_tag(part));
    from = comma + 1;
  }
  return tags;
}

std::string join_tags(const std::vector<std::string> &tags) {
  std::string text;
  for (const std::string &tag : tags)
    text += (text.empty() ? "" : ", ") + tag;
  return text;
}

std::string local_time_text(Clock::time_point time) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch());
  return QDateTime::fromMSecsSinceEpoch(ms.count())
      .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
      .toStdString();
}

} // namespace conlab::history
