// Chart export: renders a chart's scene off-screen at the target size (never grabs the screen),
// so the same code serves the desktop app, `conlab-cli chart` and the tests without a display.
#pragma once

#include "ui/charts/chart_factory.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

namespace conlab::ui {

enum class ExportFormat { png, svg, pdf };

struct ExportOptions {
  ExportFormat format = ExportFormat::png;
  QSize size{1200, 700}; // pixels for PNG; for SVG and PDF the size at `dpi`
  int dpi = 96;          // PNG: same pixel size, text and lines scaled by dpi/96
  ChartOptions chart;
};

QString format_suffix(ExportFormat format); // "png", "svg", "pdf"
std::optional<ExportFormat> format_from_name(const QString &name);

// Renders a chart (built from data) into an image of exactly `size` pixels.
QImage render_chart_image(ChartKind kind, const ChartData &data, QSize size, int dpi = 96,
                          const ChartOptions &chart = {});

// Writes one chart to `path`. Returns an empty string, or what went wrong in words
// (e.g. "cannot write /x/cdf.svg: Permission denied").
QString export_chart(ChartKind kind, const ChartData &data, const QString &path,
                     const ExportOptions &options);

// Writes every chart into `folder` as <name>.<suffix>; creates the folder. Returns the
// problems, one per chart that failed (empty when all were written).
QStringList export_all_charts(const ChartData &data, const QString &folder,
                              const ExportOptions &options, QStringList *written = nullptr);

} // namespace conlab::ui
