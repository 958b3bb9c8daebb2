// Numbers as a person reads them: durations with a sensible unit, shares as percentages.
#pragma once

#include <string>

namespace conlab {

std::string human_duration(double seconds); // "1.00 s", "52.3 ms", "810 µs", "2 min 05 s"
std::string human_percent(double share);    // 0.237 → "24%"
std::string human_count(double value);      // 16.67 → "16.7", 1234567 → "1.23 M"

} // namespace conlab
