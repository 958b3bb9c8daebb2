#include "ui/report/report_file.h"

#include "core/util/file_io.h"
#include "ui/charts/chart_style.h"
#include "ui/report/report_html.h"
#include "ui/report/report_pdf.h"

#include <QDir>
#include <QFileInfo>

#include <exception>
#include <functional>

namespace conlab::ui {

std::optional<ReportFormat> report_format_for(const QString &path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
    return ReportFormat::html;
  if (suffix == QLatin1String("pdf"))
    return ReportFormat::pdf;
  return std::nullopt;
}

namespace {

// `build` is called inside the try: building a report can fail too.
QString write_built(const std::function<ReportDocument()> &build, const QString &path) {
  const std::optional<ReportFormat> format = report_format_for(path);
  if (!format)
    return tr_("%1: a report is .html or .pdf").arg(QDir::toNativeSeparators(path));
  try {
    const ReportDocument document = build();
    const QByteArray bytes =
        *format == ReportFormat::html ? report_html(document) : report_pdf(document);
    write_file_atomically(path.toStdString(), std::string_view(bytes.constData(), bytes.size()));
  } catch (const std::exception &e) {
    const QString what = QString::fromStdString(e.what());
    // file_io's errors name the path already; the renderers' do not.
    return what.contains(path)
               ? what
               : tr_("cannot write %1: %2").arg(QDir::toNativeSeparators(path), what);
  }
  return {};
}

} // namespace

QString write_report(const RunResults &results, const ReportOptions &options, const QString &path) {
  return write_built([&] { return build_report(results, options); }, path);
}

QString write_report(const ReportDocument &document, const QString &path) {
  return write_built([&] { return document; }, path);
}

} // namespace conlab::ui
