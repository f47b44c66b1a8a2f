#include "sitrep/process/huge_pages.hpp"

#include <sys/auxv.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace sitrep::process {
namespace {

constexpr std::string_view kTunable = "glibc.malloc.hugetlb";

std::string read_kernel_mode() {
  std::ifstream in(kHugePageModeFile);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Whether the tunable is set already, by the user or by the restart.
bool tunable_set(const char* tunables) {
  return tunables && std::string_view(tunables).find(kTunable) != std::string_view::npos;
}

// Whether `path` is the dynamic loader ("ld-linux-x86-64.so.2 build/sitrep …"): restarting it
// would run the loader on sitrep's arguments.
bool is_dynamic_loader(std::string_view path) {
  std::string_view name = path.substr(path.rfind('/') + 1);
  return name.starts_with("ld-") || name.starts_with("ld.so");
}

}  // namespace

std::optional<std::string> tunables_for_huge_pages(const char* current,
                                                   std::string_view kernel_mode,
                                                   const char* preload) {
  // Only the madvise mode needs asking: "[always]" gives them anyway, "[never]" never does.
  if (kernel_mode.find("[madvise]") == std::string_view::npos) return std::nullopt;
  // valgrind preloads its own library and would not follow the restarted program.
  if (preload && std::string_view(preload).find("vgpreload") != std::string_view::npos) {
    return std::nullopt;
  }
  if (tunable_set(current)) return std::nullopt;  // the user's choice, or restarted already
  std::string value(current ? current : "");
  if (!value.empty()) value += ':';
  value += kTunable;
  value += "=1";
  return value;
}

void restart_with_huge_pages(char** argv) {
  // A setuid, setgid or capability binary: glibc drops the tunable from the environment of such
  // a program, so every restart would find it missing and restart again.
  if (getauxval(AT_SECURE) != 0) return;
  const char* current = std::getenv("GLIBC_TUNABLES");
  if (tunable_set(current)) return;  // the restarted process: no need to read the kernel's mode
  auto tunables = tunables_for_huge_pages(current, read_kernel_mode(), std::getenv("LD_PRELOAD"));
  if (!tunables) return;
  const std::string before = current ? current : "";
  // The binary's own path, not /proc/self/exe: the process keeps its name ("sitrep" in ps and
  // top, not "exe").
  char path[4096];
  ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
  if (length <= 0 || length == static_cast<ssize_t>(sizeof path - 1)) return;
  path[length] = '\0';
  if (is_dynamic_loader(path)) return;
  if (setenv("GLIBC_TUNABLES", tunables->c_str(), 1) != 0) return;
  execv(path, argv);
  // Still here: the restart failed (no /proc, say). Run as we are, leaving the environment as
  // it was for any program this one starts.
  if (current) {
    setenv("GLIBC_TUNABLES", before.c_str(), 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
}

}  // namespace sitrep::process
