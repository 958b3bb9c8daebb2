#include "ui/report/report_pdf_boxes.h"

#include "ui/charts/chart_style.h"
#include "ui/charts/offscreen_chart.h"
#include "ui/report/report_words.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <memory>
#include <numeric>

namespace conlab::ui {
namespace {

const QColor kInk(0x1a, 0x1a, 0x1a);
const QColor kMuted(0x55, 0x55, 0x55);
const QColor kRule(0xdd, 0xdd, 0xdd);
const QColor kRowRule(0xe4, 0xe4, 0xe4);
const QColor kHeaderFill(0xf3, 0xf3, 0xf3);
const QColor kHeaderRule(0xbb, 0xbb, 0xbb);

// The width charts are laid out at, in scene units (96 an inch), before scaling to the page.
constexpr double kChartSceneWidth = 760;

// More lines than this and a paragraph may continue on the next page, line by line.
constexpr int kLinesKeptTogether = 12;

// Font sizes and spacing in points; Metrics turns them into device units.
struct Metrics {
  QPaintDevice *device;
  double width; // of the content, device units

  double pt(double points) const { return points * device->logicalDpiY() / 72.0; }
  QFont font(double points, bool bold = false) const {
    QFont f;
    // The families a Debian machine has (fonts-dejavu-core comes with Qt); embedded in the PDF.
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"),
                   QStringLiteral("Sans Serif")});
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
  }
};

// Text wrapped to a width and measured on the device it will be drawn on.
class Wrapped {
public:
  Wrapped(const QString &text, const QFont &font, double width, QPaintDevice *device,
          Qt::Alignment align = Qt::AlignLeft)
      : m_layout(std::make_shared<QTextLayout>(glue_units(text), font, device)) {
    QTextOption option(align);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_layout->setTextOption(option);
    m_layout->beginLayout();
    for (QTextLine line = m_layout->createLine(); line.isValid(); line = m_layout->createLine()) {
      line.setLineWidth(width);
      line.setPosition(QPointF(0, m_height));
      m_height += line.height();
    }
    m_layout->endLayout();
  }
  double height() const { return m_height; }
  int lines() const { return m_layout->lineCount(); }
  double line_height(int i) const { return m_layout->lineAt(i).height(); }
  void draw(QPainter &p, QPointF at, const QColor &colour) const {
    p.setPen(colour);
    m_layout->draw(&p, at);
  }
  void draw_line(QPainter &p, int i, QPointF at, const QColor &colour) const {
    p.setPen(colour);
    const QTextLine line = m_layout->lineAt(i);
    line.draw(&p, at - QPointF(0, line.y()));
  }

private:
  std::shared_ptr<QTextLayout> m_layout;
  double m_height = 0;
};

void rule(QPainter &p, double x0, double x1, double y, const QColor &colour, double thickness) {
  p.setPen(QPen(colour, thickness));
  p.drawLine(QPointF(x0, y), QPointF(x1, y));
}

// Column widths for a table `available` wide. When every column fits on one line, each gets its
// natural width and the spare room is shared out. Otherwise columns narrower than a fair share
// keep their natural width and the wide ones share the rest equally (an equal share reads better
// than one in proportion to length, which starves a medium column), none below its minimum.
QList<double> column_widths(const QList<double> &natural, const QList<double> &minimum,
                            double available) {
  const auto sum = [](const QList<double> &v) { return std::accumulate(v.begin(), v.end(), 0.0); };
  const double want = sum(natural);
  QList<double> widths = natural;
  if (want <= available) {
    for (double &w : widths)
      w += (available - want) * w / want;
    return widths;
  }
  QList<bool> fixed(natural.size(), false);
  double share = 0;
  for (bool changed = true; changed;) {
    changed = false;
    double left = available;
    int open = 0;
    for (qsizetype c = 0; c < natural.size(); ++c)
      fixed[c] ? left -= natural[c] : ++open;
    share = left / std::max(open, 1);
    for (qsizetype c = 0; c < natural.size(); ++c)
      if (!fixed[c] && natural[c] <= share)
        fixed[c] = changed = true;
  }
  for (qsizetype c = 0; c < natural.size(); ++c)
    widths[c] = fixed[c] ? natural[c] : std::max(minimum[c], share);
  // Minimums may have pushed past the width: take it back from what is above its minimum.
  const double excess = sum(widths) - available;
  double slack = 0;
  for (qsizetype c = 0; c < widths.size(); ++c)
    slack += widths[c] - minimum[c];
  if (excess > 0 && slack > 0)
    for (qsizetype c = 0; c < widths.size(); ++c)
      widths[c] -= std::min(1.0, excess / slack) * (widths[c] - minimum[c]);
  if (const double total = sum(widths); total > available) // minimums alone are too wide
    for (double &w : widths)
      w *= available / total;
  return widths;
}

class BoxBuilder {
public:
  explicit BoxBuilder(Metrics metrics) : m_metrics(metrics) {}

  void title(const QString &title, const QString &subtitle) {
    const Metrics &m = m_metrics; // captured by value in the painters
    const Wrapped t(title, m.font(18, true), m.width, m.device);
    const Wrapped s(subtitle, m.font(9.5), m.width, m.device);
    const double gap = m.pt(4), after = m.pt(8);
    add(PdfBoxKind::title, title, t.height() + gap + s.height() + after, 0, false,
        [t, s, gap, m](QPainter &p, const QRectF &r) {
          t.draw(p, r.topLeft(), kInk);
          s.draw(p, r.topLeft() + QPointF(0, t.height() + gap), kMuted);
          rule(p, r.left(), r.right(), r.bottom() - m.pt(3), kRule, m.pt(1));
        });
  }

  void heading(const QString &text) {
    const Metrics &m = m_metrics; // captured by value in the painters
    const Wrapped h(text, m.font(14, true), m.width, m.device);
    const double under = m.pt(6);
    add(PdfBoxKind::heading, text, h.height() + under, m.pt(14), true,
        [h, under, m](QPainter &p, const QRectF &r) {
          h.draw(p, r.topLeft(), kInk);
          rule(p, r.left(), r.right(), r.top() + h.height() + under / 3, kRule, m.pt(1.2));
        });
  }

  void block(const ReportParagraph &para) {
    const Metrics &m = m_metrics;
    paragraph(para.text, m.font(10), kInk, m.pt(6));
  }

  void block(const ReportTable &t) {
    const Metrics &m = m_metrics; // captured by value in the painters
    const bool facts = t.header.isEmpty();
    const QFont body = m.font(8.5), bold = m.font(8.5, true);
    const double pad = m.pt(3.5), pad_v = m.pt(2.5);
    const qsizetype columns = facts ? 2 : t.header.size();
    QList<double> natural(columns, 0), minimum(columns, 0);
    const auto measure = [&](const QStringList &row, bool header) {
      for (qsizetype c = 0; c < std::min(columns, row.size()); ++c) {
        const QFontMetricsF fm((header || (facts && c == 0)) ? bold : body, m.device);
        // Padding, and a little slack: the layout's shaping may differ from the metrics by a
        // hair, which must not wrap a number.
        const double extra = 2 * pad + m.pt(1.5);
        const double whole = fm.horizontalAdvance(row[c]) + extra;
        double longest_word = 0;
        for (const QString &word : row[c].split(QLatin1Char(' ')))
          longest_word = std::max(longest_word, fm.horizontalAdvance(word));
        natural[c] = std::max(natural[c], whole);
        // Numbers never wrap, nor a facts table's names; headings may, between words.
        const bool keep_whole = !header && (t.number_columns.contains(c) || (facts && c == 0));
        minimum[c] = std::max(minimum[c], keep_whole ? whole : longest_word + extra);
      }
    };
    if (!facts)
      measure(t.header, true);
    for (const QStringList &row : t.rows)
      measure(row, false);
    const QList<double> widths = column_widths(natural, minimum, m.width);

    const auto row_box = [&](const QStringList &row, bool header) {
      std::vector<Wrapped> cells;
      double height = 0;
      for (qsizetype c = 0; c < columns; ++c) {
        const bool strong = header || (facts && c == 0);
        cells.emplace_back(c < row.size() ? row[c] : QString(), strong ? bold : body,
                           widths[c] - 2 * pad, m.device,
                           t.number_columns.contains(c) ? Qt::AlignRight : Qt::AlignLeft);
        height = std::max(height, cells.back().height());
      }
      height += 2 * pad_v;
      return std::make_pair(std::move(cells), height);
    };
    const auto painter = [widths, pad, pad_v, m](std::vector<Wrapped> cells, bool header) {
      return
          [cells = std::move(cells), header, widths, pad, pad_v, m](QPainter &p, const QRectF &r) {
            if (header)
              p.fillRect(r, kHeaderFill);
            double x = r.left();
            for (std::size_t c = 0; c < cells.size(); ++c) {
              cells[c].draw(p, QPointF(x + pad, r.top() + pad_v), kInk);
              x += widths[static_cast<qsizetype>(c)];
            }
            rule(p, r.left(), r.right(), r.bottom(), header ? kHeaderRule : kRowRule,
                 m.pt(header ? 1.2 : 0.6));
          };
    };
    int header_index = -1;
    if (!facts) {
      auto [cells, height] = row_box(t.header, true);
      header_index = static_cast<int>(m_boxes.size());
      add(PdfBoxKind::table_header, t.header.join(QLatin1Char(' ')), height, m.pt(8), true,
          painter(std::move(cells), true));
    }
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
      auto [cells, height] = row_box(t.rows[i], false);
      add(PdfBoxKind::table_row, t.rows[i].value(0), height, facts && i == 0 ? m.pt(8) : 0, false,
          painter(std::move(cells), false));
      m_boxes.back().geometry.repeat_header = header_index;
    }
    if (!t.note.isEmpty()) {
      m_boxes.back().geometry.keep_with_next = true; // the note explains the rows above it
      paragraph(t.note, m.font(8), kMuted, m.pt(4));
    }
  }

  void block(const ReportChart &c) {
    const Metrics &m = m_metrics; // captured by value in the painter
    const Wrapped caption(c.caption, m.font(8.5), m.width, m.device);
    const double gap = m.pt(5);
    const QSizeF chart(m.width, m.width * c.aspect);
    // Laid out kChartSceneWidth scene units wide and scaled to the page: wide enough that the
    // charts' titles and category labels are not cut short, text still ≥ 7.5 pt on paper.
    const double scene_per_unit = kChartSceneWidth / m.width;
    add(PdfBoxKind::chart, c.name, chart.height() + gap + caption.height(), m.pt(16), false,
        [caption, gap, chart, scene_per_unit, make = c.make](QPainter &p, const QRectF &r) {
          const QRectF area(r.topLeft(), chart);
          OffscreenChart offscreen(make(), chart * scene_per_unit);
          p.save();
          offscreen.render(p, area); // vector: the PDF keeps lines and text as such
          p.restore();
          caption.draw(p, QPointF(r.left(), area.bottom() + gap), kMuted);
        });
  }

  void block(const ReportNote &n) {
    const Metrics &m = m_metrics; // captured by value in the painters
    const double indent = m.pt(10), gap = m.pt(2);
    const double w = m.width - indent;
    const Wrapped heading(n.heading, m.font(10.5, true), w, m.device);
    const Wrapped detail(n.detail, m.font(8.5), w, m.device);
    const Wrapped text(n.text, m.font(10), w, m.device);
    const QColor colour = variant_colour(n.colour);
    const double height = heading.height() + gap + detail.height() + gap + text.height();
    add(PdfBoxKind::note, n.heading, height, m.pt(10), false,
        [heading, detail, text, colour, indent, gap, m](QPainter &p, const QRectF &r) {
          p.fillRect(QRectF(r.left(), r.top(), m.pt(4), r.height()), colour);
          QPointF at = r.topLeft() + QPointF(indent, 0);
          heading.draw(p, at, kInk);
          at.ry() += heading.height() + gap;
          detail.draw(p, at, kMuted);
          at.ry() += detail.height() + gap;
          text.draw(p, at, kInk);
        });
  }

  std::vector<PdfBox> take() { return std::move(m_boxes); }

private:
  void add(PdfBoxKind kind, const QString &label, double height, double space_before,
           bool keep_with_next, std::function<void(QPainter &, const QRectF &)> paint) {
    m_boxes.push_back(
        {kind, label, PageBox{height, space_before, keep_with_next, -1}, std::move(paint)});
  }

  void paragraph(const QString &text, const QFont &font, const QColor &colour, double space) {
    const Metrics &m = m_metrics; // captured by value in the painters
    const Wrapped w(text, font, m.width, m.device);
    if (w.lines() <= kLinesKeptTogether) {
      add(PdfBoxKind::paragraph, text.left(40), w.height(), space, false,
          [w, colour](QPainter &p, const QRectF &r) { w.draw(p, r.topLeft(), colour); });
      return;
    }
    for (int i = 0; i < w.lines(); ++i)
      add(PdfBoxKind::paragraph, text.left(40), w.line_height(i), i == 0 ? space : 0, false,
          [w, i, colour](QPainter &p, const QRectF &r) { w.draw_line(p, i, r.topLeft(), colour); });
  }

  Metrics m_metrics;
  std::vector<PdfBox> m_boxes;
};

} // namespace

std::vector<PdfBox> report_pdf_boxes(const ReportDocument &document, double width,
                                     QPaintDevice *device) {
  BoxBuilder builder(Metrics{device, width});
  builder.title(document.title, document.subtitle);
  for (const ReportSection &section : document.sections) {
    builder.heading(section.heading);
    for (const ReportBlock &block : section.blocks)
      std::visit([&](const auto &b) { builder.block(b); }, block);
  }
  return builder.take();
}

} // namespace conlab::ui
