// sitrep JSONL: one event object per line (schema in docs/formats.md).
#include <cstring>

#include <fmt/format.h>

#include "sitrep/io/detail/csv_event_reader.hpp"
#include "sitrep/io/event_json.hpp"
#include "sitrep/io/utf8.hpp"

namespace sitrep::io::detail {
namespace {

class JsonlReader final : public EventReader {
 public:
  JsonlReader(MappedFile file, const model::Vocabulary& vocabulary)
      : file_(std::move(file)), text_(file_.contents()), vocabulary_(vocabulary) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  }

  Format format() const override { return Format::jsonl; }
  const std::string& header() const override { return header_; }
  double progress() const override {
    return text_.empty() ? 1.0 : static_cast<double>(pos_) / text_.size();
  }

  bool next(model::Event& event, RowError& error) override {
    error.reason.clear();
    std::string_view line;
    do {
      if (pos_ >= text_.size()) return false;
      const void* nl = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_);
      size_t end =
          nl ? static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
      line = text_.substr(pos_, end - pos_);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      pos_ = end + 1;
      ++line_;
    } while (line.find_first_not_of(" \t") == std::string_view::npos);

    auto fail = [&](int column, std::string field, std::string reason) {
      error.file = file_.path();
      error.line = line_;
      error.column = column;
      error.field = std::move(field);
      error.reason = std::move(reason);
      error.raw = std::string(line);
      return true;
    };
    if (size_t bad = find_invalid_utf8(line); bad != std::string_view::npos) {
      return fail(static_cast<int>(bad) + 1, "", "invalid UTF-8 (the file must be UTF-8 encoded)");
    }
    event = model::Event();
    if (auto fault = parser_.parse(line, vocabulary_, event)) {
      int column = fault->column;
      if (column == 0) {
        size_t at = line.find("\"" + fault->key + "\"");
        column = at == std::string_view::npos ? 1 : static_cast<int>(at) + 1;
      }
      return fail(column, fault->key, fault->reason);
    }
    vocabulary_.actors.resolve_actors(event);
    event.provenance.file = file_.path();
    event.provenance.line = line_;
    event.provenance.original = std::string(line);
    return true;
  }

 private:
  MappedFile file_;
  std::string_view text_;
  const model::Vocabulary& vocabulary_;
  EventJsonParser parser_;
  std::string header_;
  size_t pos_ = 0;
  int64_t line_ = 0;
};

}  // namespace

Result<std::unique_ptr<EventReader>> open_jsonl(MappedFile file,
                                                const model::Vocabulary& vocabulary) {
  return std::unique_ptr<EventReader>(std::make_unique<JsonlReader>(std::move(file), vocabulary));
}

}  // namespace sitrep::io::detail
