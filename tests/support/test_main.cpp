// Test entry point: GoogleTest plus the QCoreApplication that Qt event loops in worker threads
// (the qt_event_loop model) require.
#include <QCoreApplication>
#include <gtest/gtest.h>

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
