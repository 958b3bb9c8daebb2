// The cause split (core/analysis/cause_split.h) as the desktop lab shows it: each cause's name in
// words, its colour, and which parts of a variant's split are known. The "Where the time went"
// chart, the results table and the report share them, so a cause reads and looks the same in all
// three.
#pragma once

#include "core/analysis/cause_split.h"

#include <QColor>
#include <QString>

#include <optional>
#include <vector>

namespace conlab::ui {

// "queued", "on a core", "ready, waiting for a core", ...: translated.
QString cause_name(Cause cause);
// The cause's colour in every chart, whichever variant it is in.
QColor cause_colour(Cause cause);

// Why a lab_side split knows so little, for a variant's label: "client side only" for an HTTP
// target, else "the lab's timestamps only".
QString lab_side_note(bool http_target);

// A share as the charts write it, in their locale: "37%", "4.2%", "0.3%", "< 0.1%", "0%".
QString share_text(double share);

} // namespace conlab::ui
