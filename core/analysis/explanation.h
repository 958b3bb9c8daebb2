// A sentence or two per variant that the evidence supports: how blocked the loop was, how long
// tasks queued for a worker, whether the CPU was saturated, how far measurement is from the
// prediction — never a canned text per model. The facts come from explanation_facts(); this is
// their English wording (the CLI's and the results files').
#pragma once

#include "core/analysis/explanation_facts.h"

#include <string>

namespace conlab {

// `summary` pools `repeats` runs of the variant (combine_repeats).
std::string explain(const Variant &variant, const Summary &summary, const Prediction &prediction,
                    double time_scale, int cores, std::size_t repeats);
std::string explain(const ExplanationFacts &facts);

} // namespace conlab
