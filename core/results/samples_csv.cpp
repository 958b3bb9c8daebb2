// Per-task samples as CSV, one row per task, for spreadsheets and pandas.
#include "core/results/results_json.h"
#include "core/util/file_io.h"

#include <charconv>
#include <cstdlib>

namespace conlab {
namespace {

// Quotes a cell that holds a separator, a quote or a line break, doubling inner quotes.
void append_cell(std::string &out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (const char c : text) {
    if (c == '"')
      out += '"';
    out += c;
  }
  out += '"';
}

template <class Integer> void append_integer(std::string &out, Integer value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

// Nanoseconds as seconds with 9 decimals, exactly (no rounding through a double).
void append_seconds(std::string &out, std::int64_t ns) {
  if (ns < 0)
    out += '-';
  const std::uint64_t magnitude =
      ns < 0 ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
  append_integer(out, magnitude / 1'000'000'000);
  out += '.';
  char digits[9];
  std::uint64_t fraction = magnitude % 1'000'000'000;
  for (int i = 8; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  out.append(digits, sizeof digits);
}

void append_time(std::string &out, bool known, std::int64_t ns) {
  out += ',';
  if (known)
    append_seconds(out, ns);
}

const char *status(const TaskSample &s) {
  if (s.finished())
    return "finished";
  return s.started() ? "cancelled" : "not_started";
}

} // namespace

void save_samples_csv(const RunResults &results, const std::string &path) {
  std::string out = "label,model,repeat,task,submit_s,start_s,end_s,response_s,queue_wait_s,"
                    "service_s,executor_wait_s,worker,status\n";
  std::size_t rows = 0;
  for (const VariantResult &v : results.variants)
    for (const RepeatResult &r : v.repeats)
      rows += r.samples.size();
  out.reserve(out.size() + rows * 140);
  for (const VariantResult &v : results.variants) {
    std::string prefix;
    append_cell(prefix, v.label);
    prefix += ',';
    append_cell(prefix, v.model);
    prefix += ',';
    for (const RepeatResult &r : v.repeats) {
      for (const TaskSample &s : r.samples) {
        out += prefix;
        append_integer(out, r.repeat);
        out += ',';
        append_integer(out, s.task);
        append_time(out, s.submitted(), s.submit_ns);
        append_time(out, s.started(), s.start_ns);
        append_time(out, s.finished(), s.end_ns);
        append_time(out, s.submitted() && s.finished(), s.response_ns());
        append_time(out, s.submitted() && s.started(), s.queue_wait_ns());
        append_time(out, s.started() && s.finished(), s.service_ns());
        append_time(out, s.started(), s.executor_wait_ns());
        out += ',';
        if (s.started())
          append_integer(out, s.worker);
        out += ',';
        out += status(s);
        out += '\n';
      }
    }
  }
  write_file_atomically(path, out);
}

} // namespace conlab
