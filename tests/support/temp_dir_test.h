// A fresh directory per test under the system's temporary one ("conlab-PID-Suite-Test"), removed
// when the test passed and kept to look at when it failed.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

namespace conlab::test {

class TempDirTest : public ::testing::Test {
protected:
  void SetUp() override {
    const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "-" + info->name();
    std::replace(name.begin(), name.end(), '/', '-');
    m_dir = std::filesystem::temp_directory_path() /
            ("conlab-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
  }
  void TearDown() override {
    if (!HasFailure())
      std::filesystem::remove_all(m_dir);
  }
  std::filesystem::path path(const std::string &name) const { return m_dir / name; }

  std::filesystem::path m_dir;
};

} // namespace conlab::test
