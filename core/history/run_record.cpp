#include "run_record.h"

#include "format.h"
#include "history_error.h"
#include "json_fields.h"

#include <boost/json/serialize.hpp>

#include <QDateTime>

#include <algorithm>
#include <cctype>

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

std::vector<VariantDigest> digest(const RunResults &results) {
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
                     {"predicted_makespan_s", json::number_or_null(v.predicted_makespan_s)}});
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
    out.push_back(std::move(v));
  }
  if (!errors.empty())
    throw SpecError(std::move(errors));
  return out;
}

std::string key_metrics(const RunRecord &record) {
  std::string text;
  for (const VariantDigest &v : record.variants)
    text += (text.empty() ? "" : "; ") + v.label + " " + human_duration(v.makespan_s);
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
