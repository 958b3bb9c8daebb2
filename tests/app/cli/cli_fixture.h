// A temporary directory per test, conlab-cli run in it (its history too), and files written into
// it.
#pragma once

#include "tests/support/child_process.h"
#include "tests/support/temp_dir_test.h"

#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

namespace conlab::test {

class CliDirTest : public TempDirTest {
protected:
  void SetUp() override {
    TempDirTest::SetUp();
    // conlab-cli run records every run: in the test's own directory, never the user's history.
    ::setenv("CONLAB_HISTORY_DIR", (m_dir / "history").c_str(), 1);
  }

  ProcessResult cli(const std::vector<std::string> &args) {
    return run_process(CONLAB_CLI, args, m_dir);
  }
  std::string file(const std::string &name, const std::string &text) {
    write_file(m_dir / name, text);
    return (m_dir / name).string();
  }
};

inline bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

} // namespace conlab::test
