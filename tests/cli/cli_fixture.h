// A temporary directory per test, conlab-cli run in it, and files written into it.
#pragma once

#include "child_process.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace conlab::test {

class CliDirTest : public ::testing::Test {
protected:
  void SetUp() override {
    const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "-" + info->name();
    std::replace(name.begin(), name.end(), '/', '-');
    m_dir = std::filesystem::temp_directory_path() /
            ("conlab-cli-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
  }
  void TearDown() override {
    if (!HasFailure())
      std::filesystem::remove_all(m_dir);
  }

  ProcessResult cli(const std::vector<std::string> &args) {
    return run_process(CONLAB_CLI, args, m_dir);
  }
  std::string file(const std::string &name, const std::string &text) {
    write_file(m_dir / name, text);
    return (m_dir / name).string();
  }
  std::filesystem::path path(const std::string &name) const { return m_dir / name; }

  std::filesystem::path m_dir;
};

inline bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

} // namespace conlab::test
