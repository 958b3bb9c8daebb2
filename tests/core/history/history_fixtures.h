// What the history tests share: results that need no run, and a temporary history directory per
// test (never the user's).
#pragma once

#include "tests/core/history/fake_results.h"
#include "tests/support/temp_dir_test.h"

#include <string>

namespace conlab::history::test {

// A fresh temporary directory per test, for the history to live in.
class TempDirTest : public conlab::test::TempDirTest {
protected:
  std::string dir() const { return m_dir.string(); }
};

} // namespace conlab::history::test
