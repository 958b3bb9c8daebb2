#include "ui/latency/cause_words.h"

#include "ui/charts/chart_style.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace conlab::ui {
namespace {

struct CauseLook {
  const char *name;
  QRgb colour;
};
// In the order of enum Cause. Okabe-Ito hues (colour-blind friendly): the waits for something
// scarce warm (queue orange, a core vermillion, the GIL purple), the work green, the waits on the
// world blue, the unexplained rest grey so that it never looks like a finding.
constexpr std::array<CauseLook, kCauseCount> kLooks{{
    {QT_TRANSLATE_NOOP("conlab::ui", "queued"), 0xE69F00},
    {QT_TRANSLATE_NOOP("conlab::ui", "on a core"), 0x009E73},
    {QT_TRANSLATE_NOOP("conlab::ui", "ready, waiting for a core"), 0xD55E00},
    {QT_TRANSLATE_NOOP("conlab::ui", "blocked (timer or call)"), 0x0072B2},
    {QT_TRANSLATE_NOOP("conlab::ui", "ready, loop busy elsewhere"), 0xCC79A7},
    {QT_TRANSLATE_NOOP("conlab::ui", "waiting for the GIL"), 0x7F3C8D},
    {QT_TRANSLATE_NOOP("conlab::ui", "to a worker process and back"), 0x56B4E9},
    {QT_TRANSLATE_NOOP("conlab::ui", "unexplained"), 0xB0B0B0},
}};

const CauseLook &look(Cause cause) { return kLooks[static_cast<std::size_t>(cause)]; }

} // namespace

QString cause_name(Cause cause) { return tr_(look(cause).name); }

QColor cause_colour(Cause cause) { return QColor(look(cause).colour); }

QString lab_side_note(bool http_target) {
  return http_target ? tr_("client side only") : tr_("the lab's timestamps only");
}

QString share_text(double share) {
  const double percent = share * 100;
  if (percent == 0)
    return tr_("%1%").arg(chart_locale().toString(0));
  // A few microseconds of a GIL wait are not nothing, but "0.0%" would read as nothing.
  if (std::fabs(percent) < 0.05)
    return tr_("< %1%").arg(chart_locale().toString(0.1, 'f', 1));
  // Whole percents from 10% up; a decimal below, where 4% and 4.4% differ by a tenth.
  return tr_("%1%").arg(chart_locale().toString(percent, 'f', std::fabs(percent) >= 9.95 ? 0 : 1));
}

} // namespace conlab::ui
