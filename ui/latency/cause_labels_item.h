// The percentages on the "Where the time went" bars. Qt Charts labels every segment of a stacked
// bar or none, and a narrow segment's label prints over its neighbours'. This item labels a
// segment only where its text fits inside the segment at the chart's current size, so no two
// labels can touch (the tooltip gives every share anyway). With no bars at all it writes why in
// the middle of the plot. Part of the chart's scene, so exports show it as the screen does.
#pragma once

#include "core/analysis/cause_split.h"

#include <QFont>
#include <QGraphicsObject>
#include <QString>

#include <vector>

class QAbstractSeries;
class QChart;

namespace conlab::ui {

// One cause's stretch of one bar, in the data units of the chart: percent across, row up.
struct CauseSegment {
  int row = 0; // the category index: 0 is the bottom bar
  Cause cause = Cause::other;
  double from = 0, to = 0; // percent of the response time
};

struct CauseLabel {
  CauseSegment segment;
  QString text;  // "37%"
  QRectF box;    // where it is written, in the chart's coordinates
  QColor colour; // readable on the segment's colour
};

class CauseLabelsItem : public QGraphicsObject {
  Q_OBJECT
public:
  // `anchor` is the bar series; `bar_width` its bar width (a share of a row).
  CauseLabelsItem(QChart *chart, QAbstractSeries *anchor, std::vector<CauseSegment> segments,
                  double bar_width, QString empty_message = {});

  // The labels that fit, at the chart's current layout.
  std::vector<CauseLabel> labels() const;
  const std::vector<CauseSegment> &segments() const { return m_segments; }
  QString empty_message() const { return m_empty_message; }

  QRectF boundingRect() const override;
  void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
  QRectF segment_box(const CauseSegment &segment) const;

  QChart *m_chart;
  QAbstractSeries *m_anchor;
  std::vector<CauseSegment> m_segments;
  double m_bar_width;
  QString m_empty_message;
  QFont m_font;
};

// The labels item of a chart made by make_causes_chart (nullptr for other charts).
CauseLabelsItem *find_cause_labels_item(const QChart *chart);

} // namespace conlab::ui
