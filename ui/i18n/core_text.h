// The desktop lab's wording of the core's fixed English texts: model summaries and their Python
// analogues and the error messages (marked CONLAB_TRANSLATABLE in core/), the presets'
// descriptions and the prediction formulas' words. Without a translation each
// reads exactly as the core wrote it.
#pragma once

#include "core/engine/model_registry.h"
#include "core/experiment/presets.h"
#include "core/experiment/spec_json.h"

#include <QString>

#include <string>

namespace conlab::ui {

QString model_summary(const ModelInfo &model);
QString model_python_analogue(const ModelInfo &model);
QString preset_description(const Preset &preset);
// An experiment's or a file's error as "path: message": the core's message template
// (CONLAB_TRANSLATABLE in core/) in the lab's language, filled with the same values. The path is
// the JSON field's, an identifier.
QString field_error_text(const FieldError &error);
// "⌈N/k⌉·S, k = 1 thread → …", "no closed form: drawn durations", "simulated (…)": the math
// stays, the words around it are translated.
QString formula_text(const std::string &formula);

} // namespace conlab::ui
