// Transparent huge pages for malloc's heap, asked for before the program's real work starts.
//
// sitrep's long commands (import, fuse, an index rebuild) allocate gigabytes of fresh memory, and
// every 4 KiB page of it costs a page fault when first touched. On virtual machines a fault is
// expensive (a fifth to a quarter of a first fusion's time went to them here). With huge pages a
// fault maps 2 MiB at once: a first fusion of a million records took 6.4-7.1 s instead of
// 8.9-9.2 s, and an index rebuild of 10M events 10-12 s instead of 22-29 s (bench/README.md).
//
// Most kernels give huge pages only to memory that asks for them (the "madvise" mode), and glibc
// asks only when its tunable glibc.malloc.hugetlb is 1. Tunables are read from the environment
// when the program is loaded, so the only way to turn it on from inside is to start the program
// again with the tunable set. sitrep does that first thing in main(), once: the restarted
// process finds the tunable set and goes on. Whoever sets glibc.malloc.hugetlb themselves
// (GLIBC_TUNABLES=glibc.malloc.hugetlb=0 turns it off) is left alone, and so is a program run
// under valgrind (which would lose the restarted process), through the dynamic loader ("ld.so
// sitrep …"), or setuid (glibc drops tunables there: it would restart for ever).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sitrep::process {

// Where the kernel says when it gives transparent huge pages: "always [madvise] never".
inline constexpr const char* kHugePageModeFile = "/sys/kernel/mm/transparent_hugepage/enabled";

// The GLIBC_TUNABLES value to restart with, given the current one (null when unset), the kernel's
// mode (the text of kHugePageModeFile, empty when unreadable) and LD_PRELOAD (null when unset);
// nullopt when there is nothing to gain: huge pages are already given to all memory or to none,
// the tunable is already set either way, or valgrind is running the program.
std::optional<std::string> tunables_for_huge_pages(const char* current,
                                                   std::string_view kernel_mode,
                                                   const char* preload);

// Starts this program again (same arguments, same open files) with malloc's huge pages on,
// when tunables_for_huge_pages says so. Returns only when it did not: not needed, or the
// restart failed (then the program simply runs without them).
void restart_with_huge_pages(char** argv);

}  // namespace sitrep::process
