// The look every chart shares: one colour per variant, fonts, margins, axis helpers with units.
#pragma once

#include <QChart>
#include <QColor>
#include <QCoreApplication>
#include <QString>

class QAbstractAxis;
class QAbstractSeries;
class QValueAxis;
class QLineSeries;
#include <QList>
#include <QLocale>
#include <QPointF>
#include <QRectF>
class QLogValueAxis;

namespace conlab::ui {

// Translated text for the chart code, which has no QObject to call tr() on.
inline QString tr_(const char *text) { return QCoreApplication::translate("conlab::ui", text); }

// The locale chart numbers are written in: the user's, or English under the C locale (which
// writes 1990 where "1,990" reads better).
QLocale chart_locale();

// The colour of variant `index` in every chart, table and text (colour-blind friendly, Okabe-Ito).
QColor variant_colour(int index);

// Qt Charts' light or dark theme, before style_chart and before any series (a theme recolours
// the series it finds).
void set_chart_theme(QChart *chart, bool dark);
// The colour of text and annotations (knee, rings, cell labels) on the chart's theme.
QColor ink(const QChart *chart);
// The colour of the chart's background (a theme may paint it with a gradient: its first stop).
QColor paper(const QChart *chart);

// Title, fonts, margins and legend placement shared by all charts (no animations: the same code
// renders on screen and headless).
void style_chart(QChart *chart, const QString &title);

// A linear axis with a title (units in the title) and tidy tick labels.
QValueAxis *value_axis(const QString &title, double min, double max);
// A log-10 axis; min and max must be > 0.
QLogValueAxis *log_axis(const QString &title, double min, double max);

// Attaches `series` to both axes (adding the axes to the chart if they are not yet there).
void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y);

// True when positive values from `min` to `max` span more than `decades` powers of ten.
bool spans_decades(double min, double max, double decades = 2);

// A line in the variant's colour, attached to x and y, with a hover tooltip
// "<label>: <y> <y_unit> at <x> s".
QLineSeries *add_variant_line(QChart *chart, int variant, const QString &label,
                              const QList<QPointF> &points, QAbstractAxis *x, QAbstractAxis *y,
                              const QString &y_unit);

// The strips a chart drawn by an item of its own (the heatmaps) keeps for its titles: a
// footnote at the bottom when asked for, the x axis title above it, the y axis title on the
// left, each `height` thick. Returns the area that is left.
struct TitleStrips {
  QRectF footnote, x_title, y_title;
};
QRectF carve_title_strips(QRectF area, double height, bool footnote, TitleStrips &strips);

// The first item of type Item drawn inside the chart (a timeline, a heatmap), or nullptr.
template <class Item> Item *find_chart_item(const QChart *chart);

// The largest y in every list (0 when all are empty).
double max_y(const QList<QList<QPointF>> &lists);

template <class Item> Item *find_chart_item(const QChart *chart) {
  for (QGraphicsItem *child : chart->childItems())
    if (auto *item = dynamic_cast<Item *>(child))
      return item;
  return nullptr;
}

} // namespace conlab::ui
