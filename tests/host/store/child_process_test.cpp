#include "store/child_process.hpp"

#include <gtest/gtest.h>

namespace caisse::host::store {
namespace {

TEST(ChildProcess, CapturesOutputAndExitCode) {
  auto ran = run_command({"/bin/sh", "-c", "echo out; echo err >&2; exit 3"}, nullptr);
  ASSERT_TRUE(ran.ok()) << ran.error().message;
  EXPECT_EQ(ran->exit_code, 3);
  EXPECT_EQ(ran->output, "out\nerr\n");
}

TEST(ChildProcess, MissingProgramExitsWith127AndSaysSo) {
  auto ran = run_command({"/nonexistent/initdb"}, nullptr);
  ASSERT_TRUE(ran.ok()) << ran.error().message;
  EXPECT_EQ(ran->exit_code, 127);
  EXPECT_NE(ran->output.find("cannot execute /nonexistent/initdb"), std::string::npos);
}

TEST(ChildProcess, RunsInRootDirectoryWithStdinClosedToInput) {
  auto ran = run_command({"/bin/sh", "-c", "pwd; cat"}, nullptr);
  ASSERT_TRUE(ran.ok()) << ran.error().message;
  EXPECT_EQ(ran->output, "/\n");
}

TEST(ChildProcess, OutputTailKeepsTheEnd) {
  EXPECT_EQ(output_tail("abcdef\n", 3), "…def");
  EXPECT_EQ(output_tail("abc\n"), "abc");
}

}  // namespace
}  // namespace caisse::host::store
