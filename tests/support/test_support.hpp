// Shared helpers for the unit tests: the bundled vocabulary, fixture paths, scratch files.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitrep/io/event_writer.hpp"
#include "sitrep/model/vocabulary.hpp"

namespace sitrep::testing {

inline const model::Vocabulary& bundled_vocabulary() {
  static const model::Vocabulary vocabulary = [] {
    auto loaded = model::Vocabulary::load(SITREP_SOURCE_DATA_DIR);
    if (!loaded) throw std::runtime_error(loaded.error());
    return std::move(loaded).value();
  }();
  return vocabulary;
}

inline std::string fixture(const std::string& name) {
  return std::string(SITREP_FIXTURES_DIR) + "/" + name;
}

// Writes `events` to `path` as sitrep JSONL (what the tests then import).
inline void write_jsonl(const std::string& path, const std::vector<model::Event>& events) {
  std::ofstream out(path);
  auto writer = io::make_event_writer(io::OutputFormat::jsonl, out);
  writer->begin();
  for (const model::Event& e : events) writer->write(e);
  writer->end();
}

// A fresh directory per test, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("sitrep-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::string write(const std::string& name, const std::string& content) const {
    std::ofstream(file(name), std::ios::binary) << content;
    return file(name);
  }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::filesystem::path path_;
};

}  // namespace sitrep::testing
