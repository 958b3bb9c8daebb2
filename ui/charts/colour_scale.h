// The colour scale of the heatmaps (a sweep's, and response time over time): viridis, which is
// perceptually even and readable by the colour-blind and in grey.
#pragma once

#include <QColor>
#include <QLinearGradient>
#include <QPointF>

namespace conlab::ui {

// t = 0 dark purple … t = 1 yellow, lightness rising with t.
QColor heat_colour(double t);
// Relative luminance (ITU-R BT.709), 0 black … 1 white: what decides black or white text.
double luminance(const QColor &c);
// True when black text would not read on `c`.
inline bool dark_colour(const QColor &c) { return luminance(c) < 0.4; }
// The whole scale as a gradient from t = 0 at `from` to t = 1 at `to` (a colour bar).
QLinearGradient heat_gradient(QPointF from, QPointF to);

} // namespace conlab::ui
