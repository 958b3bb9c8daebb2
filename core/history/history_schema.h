// The history's schema as numbered migrations. Each takes the database from version − 1 to
// version; a migration that has been released is never edited, a change is a new migration.
#pragma once

#include <span>

namespace conlab::history {

// PRAGMA application_id of a history database ("ConL"): tells ours from another program's file.
inline constexpr int kApplicationId = 0x436f6e4c;

struct Migration {
  int version;
  const char *what; // for error messages: "cannot migrate to version 2 (tags and baselines)"
  std::span<const char *const> statements;
};

std::span<const Migration> migrations(); // in version order, from 1

} // namespace conlab::history
