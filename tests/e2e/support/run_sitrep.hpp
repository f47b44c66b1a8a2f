// Running the `sitrep` binary from end-to-end tests: a scratch directory per test, a store in
// it, and each command's exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace sitrep::e2e {

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A test with its own directory (removed afterwards) and store `store.db` in it.
class SitrepTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sitrep-e2e-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "store.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs `sitrep --db STORE ARGS` through the shell (ARGS is shell syntax).
  Outcome sitrep(const std::string& args) {
    std::string command = std::string(SITREP_BINARY) + " --db '" + db_ + "' " + args + " >'" +
                          (dir_ / "out").string() + "' 2>'" + (dir_ / "err").string() + "'";
    int status = std::system(command.c_str());
    Outcome result;
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = slurp(dir_ / "out");
    result.err = slurp(dir_ / "err");
    return result;
  }
  static std::string fixture(const std::string& name) {
    return std::string(SITREP_FIXTURES_DIR) + "/" + name;
  }
  static std::string sample() {
    return std::string(SITREP_SAMPLE_DIR) + "/ucdp-ged-afghanistan-2020.csv";
  }

  std::filesystem::path dir_;
  std::string db_;
};

}  // namespace sitrep::e2e
