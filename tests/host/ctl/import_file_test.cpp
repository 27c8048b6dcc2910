#include "ctl/import_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace caisse::host::ctl {
namespace {

class ReadImportFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("caissectl-import-file-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& content) {
    auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  std::filesystem::path dir_;
};

TEST_F(ReadImportFile, ReturnsTheBytesAsTheyAre) {
  const std::string content("a;b\r\n\xC3\xA9;\0\n", 9);
  auto read = read_import_file(write("x.csv", content));
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(*read, content);
  auto empty = read_import_file(write("empty.csv", ""));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, "");
}

TEST_F(ReadImportFile, AFileOverTheLimitIsRefusedByName) {
  std::string path = write("big.csv", std::string(1001, 'x'));
  auto read = read_import_file(path, 1000);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message, "import file " + path + " is larger than 1000 bytes: split it");
  EXPECT_TRUE(read_import_file(path, 1001).ok());
}

TEST_F(ReadImportFile, APipeOverTheLimitIsRefusedToo) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ASSERT_EQ(::write(fds[1], "0123456789", 10), 10);
  ::close(fds[1]);
  std::string path = "/proc/self/fd/" + std::to_string(fds[0]);
  auto read = read_import_file(path, 4);
  ::close(fds[0]);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message, "import file " + path + " is larger than 4 bytes: split it");
}

TEST_F(ReadImportFile, TheDefaultLimitIs64MiB) {
  EXPECT_EQ(kMaxImportBytes, 64u * 1024 * 1024);
  std::string path = (dir_ / "sparse.csv").string();
  std::filesystem::resize_file(write("sparse.csv", ""), kMaxImportBytes + 1);
  auto read = read_import_file(path);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message, "import file " + path + " is larger than 64 MiB: split it");
}

TEST_F(ReadImportFile, MissingOrUnreadableFilesSayWhy) {
  auto missing = read_import_file((dir_ / "none.csv").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "cannot read import file " + (dir_ / "none.csv").string() +
                                         ": No such file or directory");
  auto directory = read_import_file(dir_.string());
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.error().message,
            "cannot read import file " + dir_.string() + ": Is a directory");
}

}  // namespace
}  // namespace caisse::host::ctl
