// The run report on stdout: an aligned table of what each variant measured beside its
// prediction, then one explanation line per variant and a few lines of context.
#pragma once

#include "app/cli/cli_format.h"
#include "core/results/results.h"

#include <initializer_list>
#include <iosfwd>
#include <string>
#include <vector>

namespace conlab::cli {

// Columns aligned by display width (UTF-8 aware), separated by two spaces.
class Table {
public:
  void add_column(std::string header, Align align) {
    m_headers.push_back(std::move(header));
    m_aligns.push_back(align);
  }
  // Several columns of one alignment, in order.
  void add_columns(std::initializer_list<const char *> headers, Align align) {
    for (const char *header : headers)
      add_column(header, align);
  }
  void add_row(std::vector<std::string> cells) { m_rows.push_back(std::move(cells)); }
  void print(std::ostream &out) const;
  bool empty() const { return m_rows.empty(); }

private:
  std::vector<std::string> m_headers;
  std::vector<Align> m_aligns;
  std::vector<std::vector<std::string>> m_rows;
};

struct ReportContext {
  std::string results_path; // written --out, empty when none
  std::string samples_path; // written --csv, empty when none
  std::size_t width = 80;   // for wrapping explanations
};

void print_report(std::ostream &out, const RunResults &results, const ReportContext &context);

} // namespace conlab::cli
