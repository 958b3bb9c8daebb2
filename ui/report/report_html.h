// The report as one self-contained HTML page: inline CSS, every chart as inline SVG, no scripts,
// no links to files or the network, light colours whatever the desktop's theme. The markup is
// also well-formed XML (XHTML-compatible), so it can be checked with any XML parser.
#pragma once

#include "ui/report/report_document.h"

#include <QByteArray>

namespace conlab::ui {

// The width, in CSS pixels, charts are laid out at (their text is then at its nominal size).
inline constexpr int kHtmlChartWidth = 860;

// UTF-8 bytes. Needs a QGuiApplication (charts render through QPainter). Throws
// std::runtime_error naming the chart when one cannot be rendered.
QByteArray report_html(const ReportDocument &document);

} // namespace conlab::ui
