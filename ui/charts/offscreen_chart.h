// A chart in a scene of its own, laid out at a size in scene units and drawn with any QPainter
// (image, SVG, PDF): what chart export and the report render from, never the screen.
#pragma once

#include "ui/charts/chart_factory.h"

#include <QGraphicsScene>
#include <QRectF>
#include <QSizeF>

class QChart;
class QIODevice;
class QPainter;

namespace conlab::ui {

class OffscreenChart {
public:
  // Takes ownership of `chart` and lays it out at `size`.
  OffscreenChart(QChart *chart, QSizeF size);
  OffscreenChart(ChartKind kind, const ChartData &data, QSizeF size, const ChartOptions &options);
  OffscreenChart(const OffscreenChart &) = delete;
  OffscreenChart &operator=(const OffscreenChart &) = delete;

  void render(QPainter &painter, const QRectF &target);
  // The chart as an SVG document of `size` (its view box) at `dpi`; false when the generator
  // did not start. `title` becomes the SVG's <title>, the chart's own title its <desc>.
  bool write_svg(QIODevice *device, QSize size, int dpi, const QString &title);
  QString title() const;

private:
  QGraphicsScene m_scene;
  QChart *m_chart; // owned by the scene
};

} // namespace conlab::ui
