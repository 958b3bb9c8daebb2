// What goes wrong with the run history, said so a person can act on it: which file or run, and
// why. Opening a history that cannot be used throws this and leaves the file as it was.
#pragma once

#include <stdexcept>

namespace conlab::history {

class HistoryError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Something asked of the history that cannot be: an unknown run, an empty name, a bad tag.
class HistoryInputError : public HistoryError {
public:
  using HistoryError::HistoryError;
};

} // namespace conlab::history
