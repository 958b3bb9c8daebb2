// Copies an SVG document (as QSvgGenerator writes it) into an HTML page being written: without
// its XML declaration, with its ids made unique in the page, its empty groups dropped and Qt's
// generic font names replaced by the families CSS knows.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

class QXmlStreamWriter;

namespace conlab::ui {

// Writes the <svg> element of `svg` into `out`; every id (and every reference to one) gets
// `id_prefix` in front. Adds `extra` attributes to the root (e.g. role, aria-label). Returns an
// empty string, or what was wrong with the SVG (nothing is written then).
QString inline_svg(QXmlStreamWriter &out, const QByteArray &svg, const QString &id_prefix,
                   const QList<std::pair<QString, QString>> &extra = {});

} // namespace conlab::ui
