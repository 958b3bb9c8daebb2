// A lab instance reduced to its history writes, for the concurrent-writers test: opens the
// history in DIR, says "ready" on stderr, waits until the file GO exists, then records COUNT runs
// of experiment NAME, saying so after each. With MEET, it stops half-way until the history holds
// a run of another writer, so that two writers always overlap. Any error is printed and exits 1.
#include "core/history/run_history.h"
#include "tests/core/history/fake_results.h"

#include <QCoreApplication>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  if (argc != 5 && !(argc == 6 && std::string(argv[5]) == "MEET")) {
    std::cerr << "usage: history_writer DIR GO COUNT NAME [MEET]\n";
    return 2;
  }
  using namespace conlab::history;
  try {
    RunHistory history(argv[1]);
    std::cerr << "ready" << std::endl;
    // The start line for both writers: the test creates GO once both are ready.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!std::filesystem::exists(argv[2])) {
      if (std::chrono::steady_clock::now() > deadline) {
        std::cerr << "error: " << argv[2] << " never appeared\n";
        return 1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    const int count = std::stoi(argv[3]);
    const auto wait_for_another = [&] {
      const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
      for (;;) {
        for (const RunRecord &r : history.list())
          if (r.experiment != argv[4])
            return;
        if (std::chrono::steady_clock::now() > until)
          throw std::runtime_error("no other writer recorded a run within 60 s");
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    };
    for (int i = 0; i < count; ++i) {
      if (argc == 6 && i == count / 2)
        wait_for_another();
      const auto now = Clock::now();
      history.add(test::fake_results(argv[4], {1.0 + i}), now, now);
      std::cerr << "recorded " << i + 1 << std::endl; // the crash test kills it after a few
    }
  } catch (const std::exception &e) {
    std::cerr << "error: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
