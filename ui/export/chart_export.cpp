#include "ui/export/chart_export.h"

#include "ui/charts/offscreen_chart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <memory>

namespace conlab::ui {
namespace {

QString tr_(const char *text) { return QCoreApplication::translate("conlab::ui", text); }

QSizeF layout_size(QSize pixels, int dpi) { return QSizeF(pixels) * (96.0 / std::max(dpi, 1)); }

QString write_error(const QString &path, const QString &reason) {
  return tr_("cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason);
}

} // namespace

QString format_suffix(ExportFormat format) {
  switch (format) {
  case ExportFormat::png:
    return QStringLiteral("png");
  case ExportFormat::svg:
    return QStringLiteral("svg");
  case ExportFormat::pdf:
    return QStringLiteral("pdf");
  }
  return {};
}

std::optional<ExportFormat> format_from_name(const QString &name) {
  for (ExportFormat f : {ExportFormat::png, ExportFormat::svg, ExportFormat::pdf})
    if (format_suffix(f) == name.toLower())
      return f;
  return std::nullopt;
}

QImage render_chart_image(ChartKind kind, const ChartData &data, QSize size, int dpi,
                          const ChartOptions &chart) {
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  image.setDotsPerMeterX(qRound(dpi / 0.0254));
  image.setDotsPerMeterY(qRound(dpi / 0.0254));
  OffscreenChart offscreen(kind, data, layout_size(size, dpi), chart);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  offscreen.render(painter, QRectF(QPointF(0, 0), QSizeF(size)));
  return image;
}

QString export_chart(ChartKind kind, const ChartData &data, const QString &path,
                     const ExportOptions &options) {
  if (options.size.width() < 16 || options.size.height() < 16 || options.dpi < 10)
    return tr_("%1: size and DPI are too small").arg(path);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    return write_error(path, file.errorString());

  switch (options.format) {
  case ExportFormat::png: {
    const QImage image = render_chart_image(kind, data, options.size, options.dpi, options.chart);
    if (!image.save(&file, "PNG"))
      return write_error(path, tr_("PNG encoding failed"));
    break;
  }
  case ExportFormat::svg: {
    OffscreenChart offscreen(kind, data, options.size, options.chart);
    if (!offscreen.write_svg(&file, options.size, options.dpi,
                             chart_title(kind) + QStringLiteral(" — ") + data.experiment_name))
      return write_error(path, tr_("the SVG generator did not start"));
    break;
  }
  case ExportFormat::pdf: {
    const QSizeF size = layout_size(options.size, 96);
    OffscreenChart offscreen(kind, data, size, options.chart);
    QPdfWriter pdf(&file);
    pdf.setTitle(chart_title(kind) + QStringLiteral(" — ") + data.experiment_name);
    pdf.setCreator(QStringLiteral("Concurrency Lab"));
    pdf.setResolution(options.dpi);
    // One page exactly the chart's size (points = 1/72 in; the layout is at 96 px per inch).
    pdf.setPageSize(QPageSize(size * (72.0 / 96.0), QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&pdf))
      return write_error(path, tr_("the PDF writer did not start"));
    offscreen.render(painter, QRectF(painter.viewport()));
    painter.end();
    break;
  }
  }
  if (!file.commit())
    return write_error(path, file.errorString());
  return {};
}

QStringList export_all_charts(const ChartData &data, const QString &folder,
                              const ExportOptions &options, QStringList *written) {
  QStringList problems;
  if (!QDir().mkpath(folder))
    return {write_error(folder, tr_("cannot create the folder"))};
  for (ChartKind kind : chart_kinds_for(data)) {
    const QString path =
        QDir(folder).filePath(chart_name(kind) + QLatin1Char('.') + format_suffix(options.format));
    const QString error = export_chart(kind, data, path, options);
    if (!error.isEmpty())
      problems << error;
    else if (written)
      *written << path;
  }
  return problems;
}

} // namespace conlab::ui
