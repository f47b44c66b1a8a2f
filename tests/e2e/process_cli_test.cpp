// The restart that turns on huge pages (sitrep/process/huge_pages.hpp), seen from outside: it
// happens once, in the same process, and the command still gets its arguments and its input.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "sitrep/process/huge_pages.hpp"
#include "support/run_sitrep.hpp"

namespace sitrep::e2e {
namespace {

class ProcessCli : public SitrepTest {};

std::string environment_of(pid_t pid) {
  return slurp("/proc/" + std::to_string(pid) + "/environ");
}

std::string name_of(pid_t pid) {
  return slurp("/proc/" + std::to_string(pid) + "/comm");
}

// Starts `sitrep ARGS` with GLIBC_TUNABLES as given (unset when null), its standard input a pipe
// the caller writes, its standard output to `out`.
pid_t start(const std::vector<std::string>& args, const char* tunables,
            const std::filesystem::path& out, int& input) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[0], 0);
    close(fds[0]);
    close(fds[1]);
    FILE* redirected = freopen(out.c_str(), "w", stdout);
    (void)redirected;
    if (tunables) {
      setenv("GLIBC_TUNABLES", tunables, 1);
    } else {
      unsetenv("GLIBC_TUNABLES");
    }
    std::vector<char*> argv = {const_cast<char*>(SITREP_BINARY)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(SITREP_BINARY, argv.data());
    _exit(127);
  }
  close(fds[0]);
  input = fds[1];
  return pid;
}

// Writes the report, closes the pipe and waits: the exit code.
int finish(pid_t pid, int input, const std::string& report) {
  EXPECT_EQ(write(input, report.data(), report.size()), static_cast<ssize_t>(report.size()));
  close(input);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

constexpr const char* kReport = "Gunmen killed two policemen in Kunduz on Monday.";

TEST_F(ProcessCli, RestartsOnceWithHugePagesAndKeepsItsArgumentsAndInput) {
  if (slurp(process::kHugePageModeFile).find("[madvise]") == std::string::npos) {
    GTEST_SKIP() << "this kernel gives huge pages always or never: no restart to test";
  }
  const std::vector<std::string> args = {"--db", db_, "extract", "-", "--published", "2022-04-20"};
  int input = -1;
  pid_t pid = start(args, nullptr, dir_ / "out", input);
  ASSERT_GT(pid, 0);
  // The same process (exec keeps its id) shows the tunable once it has restarted, while it waits
  // for its input.
  std::string environment;
  for (int i = 0; i < 500; ++i) {
    environment = environment_of(pid);
    if (environment.find("GLIBC_TUNABLES=glibc.malloc.hugetlb=1") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_NE(environment.find("GLIBC_TUNABLES=glibc.malloc.hugetlb=1"), std::string::npos);
  // It keeps its name for ps and top.
  EXPECT_EQ(name_of(pid), "sitrep\n");
  ASSERT_EQ(finish(pid, input, kReport), 0);
  std::string out = slurp(dir_ / "out");
  EXPECT_NE(out.find("2022-04-18"), std::string::npos) << out;      // --published reached it
  EXPECT_NE(out.find("killed       2"), std::string::npos) << out;  // and so did the input
}

TEST_F(ProcessCli, LeavesATunableTheUserSetAlone) {
  int input = -1;
  pid_t pid = start({"--db", db_, "extract", "-"}, "glibc.malloc.hugetlb=0", dir_ / "out", input);
  ASSERT_GT(pid, 0);
  // Once it runs as sitrep, a restart would follow at once: give it the time to, then look.
  for (int i = 0; i < 500 && name_of(pid) != "sitrep\n"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  std::string environment = environment_of(pid);
  EXPECT_NE(environment.find("GLIBC_TUNABLES=glibc.malloc.hugetlb=0"), std::string::npos);
  EXPECT_EQ(environment.find("hugetlb=1"), std::string::npos);
  EXPECT_EQ(finish(pid, input, kReport), 0);
}

TEST_F(ProcessCli, RunThroughTheDynamicLoaderItDoesNotRestart) {
  // Restarting /proc/self/exe would run the loader itself on sitrep's arguments.
  const char* loader = "/lib64/ld-linux-x86-64.so.2";
  if (!std::filesystem::exists(loader)) GTEST_SKIP() << "no " << loader;
  std::string command = std::string(loader) + " " + SITREP_BINARY + " --version >'" +
                        (dir_ / "out").string() + "' 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << slurp(dir_ / "out");
  EXPECT_EQ(slurp(dir_ / "out"), std::string(SITREP_VERSION) + "\n");
}

TEST_F(ProcessCli, ASetuidCopyDoesNotRestartForEver) {
  // glibc drops tunables for setuid programs: each restart would find it missing again.
  if (geteuid() != 0) GTEST_SKIP() << "needs root to make a setuid copy";
  std::filesystem::path copy = dir_ / "sitrep";
  std::filesystem::copy_file(SITREP_BINARY, copy);
  std::filesystem::permissions(dir_, std::filesystem::perms::all);
  ASSERT_EQ(chown(copy.c_str(), 65534, 65534), 0);
  ASSERT_EQ(chmod(copy.c_str(), 04755), 0);
  std::string command =
      "timeout 20 '" + copy.string() + "' --version >'" + (dir_ / "out").string() + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << slurp(dir_ / "out");
  EXPECT_EQ(slurp(dir_ / "out"), std::string(SITREP_VERSION) + "\n");
}

}  // namespace
}  // namespace sitrep::e2e
