// A long command's progress on stderr, as import and ingest show it: on a terminal one line
// redrawn in place; elsewhere (--progress into a log) a line at the first report and then at
// most one a second; with --quiet, or into a log without --progress, nothing.
//
//   ProgressLine progress(args.quiet, args.progress);
//   progress.show(path, file, files, share, rows, "rows");  // "  a.csv (1/2):  42%  12,345 rows …"
//   progress.clear();  // before other output: erases the line on a terminal
#pragma once

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <string_view>

#include <fmt/format.h>

#include "sitrep/io/thousands.hpp"

namespace sitrep::cli {

class ProgressLine {
 public:
  ProgressLine(bool quiet, bool into_log)
      : terminal_(::isatty(STDERR_FILENO)), shown_(!quiet && (terminal_ || into_log)) {}

  // Whether show() prints anything.
  bool shown() const { return shown_; }

  // File `file` (from 0) of `files` is `share` read; `count` `noun` so far in the whole run.
  void show(std::string_view path, size_t file, size_t files, double share, int64_t count,
            std::string_view noun) {
    if (!shown_) return;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    if (!terminal_ && last_line_ >= 0 && seconds - last_line_ < 1) return;
    last_line_ = seconds;
    std::cerr << fmt::format("{}  {} ({}/{}): {:3.0f}%  {} {}  {:.0f} {}/s{}",
                             terminal_ ? "\r" : "", path, file + 1, files, share * 100,
                             io::thousands(count), noun,
                             static_cast<double>(count) / std::max(seconds, 1e-3), noun,
                             terminal_ ? "   " : "\n")
              << std::flush;
  }

  // Erases the line on a terminal, so that other output starts on a clean line.
  void clear() const {
    if (shown_ && terminal_) std::cerr << "\r\033[K";
  }

 private:
  bool terminal_;
  bool shown_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  double last_line_ = -1;
};

}  // namespace sitrep::cli
