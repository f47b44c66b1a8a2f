#include "sitrep/io/csv_reader.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace sitrep::io {

int column_of(std::string_view text, size_t offset) {
  size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = (line_start == std::string_view::npos || offset == 0) ? 0 : line_start + 1;
  int column = 1;
  for (size_t i = line_start; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;  // skip continuation bytes
  }
  return column;
}

TextPosition CsvRecord::position(size_t offset) const {
  offset = std::min(offset, raw.size());
  int64_t newlines = std::count(raw.begin(), raw.begin() + static_cast<ptrdiff_t>(offset), '\n');
  return TextPosition{line + newlines, column_of(raw, offset)};
}

CsvReader::CsvReader(std::string_view text, int64_t first_line, char delimiter)
    : text_(text), delimiter_(delimiter), line_(first_line) {}

void CsvReader::skip_blank_lines() {
  while (pos_ < text_.size()) {
    if (text_[pos_] == '\n') {
      ++pos_, ++line_;
    } else if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
      pos_ += 2, ++line_;
    } else {
      break;
    }
  }
}

size_t CsvReader::line_end(size_t from) const {
  const void* nl = std::memchr(text_.data() + from, '\n', text_.size() - from);
  return nl ? static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
}

// Reports a malformed record and moves past the physical line holding the fault.
CsvReader::Step CsvReader::fail(size_t record_start, size_t at, std::string reason,
                                CsvError& error) {
  std::string_view record_text = text_.substr(record_start, at - record_start);
  error.at.line = line_ + std::count(record_text.begin(), record_text.end(), '\n');
  error.at.column = column_of(text_, at);
  error.reason = std::move(reason);
  size_t end = line_end(at);
  error.raw = text_.substr(record_start, end - record_start);
  if (!error.raw.empty() && error.raw.back() == '\r') error.raw.remove_suffix(1);
  line_ = error.at.line + 1;
  pos_ = std::min(end + 1, text_.size());
  return Step::error;
}

CsvReader::Step CsvReader::next(CsvRecord& record, CsvError& error) {
  skip_blank_lines();
  if (pos_ >= text_.size()) return Step::end;
  const size_t start = pos_;
  const char* data = text_.data();
  const size_t size = text_.size();
  spans_.clear();
  scratch_.clear();
  size_t p = start;
  while (true) {
    const size_t field_start = p;
    if (p < size && data[p] == '"') {
      size_t q = p + 1;
      bool escaped = false;
      while (true) {
        const void* found = std::memchr(data + q, '"', size - q);
        if (!found) {
          // Never closed: report the record's first line and resume after it.
          size_t first_line_end = line_end(start);
          error.at = TextPosition{line_, column_of(text_, field_start)};
          error.reason = "quoted field is never closed (truncated file or unbalanced quote)";
          error.raw = text_.substr(start, first_line_end - start);
          if (!error.raw.empty() && error.raw.back() == '\r') error.raw.remove_suffix(1);
          pos_ = std::min(first_line_end + 1, size);
          ++line_;
          return Step::error;
        }
        q = static_cast<size_t>(static_cast<const char*>(found) - data);
        if (q + 1 < size && data[q + 1] == '"') {
          escaped = true;
          q += 2;
          continue;
        }
        break;
      }
      // data[q] is the closing quote.
      if (escaped) {
        size_t begin = scratch_.size();
        for (size_t i = p + 1; i < q; ++i) {
          scratch_ += data[i];
          if (data[i] == '"') ++i;  // keep one of each doubled quote
        }
        spans_.push_back({true, begin, scratch_.size() - begin, field_start});
      } else {
        spans_.push_back({false, p + 1, q - p - 1, field_start});
      }
      p = q + 1;
      if (p < size && data[p] != delimiter_ && data[p] != '\n' &&
          !(data[p] == '\r' && p + 1 < size && data[p + 1] == '\n')) {
        return fail(start, p,
                    fmt::format("unexpected '{}' after a closing quote: expected '{}' or the end "
                                "of the line",
                                data[p], delimiter_),
                    error);
      }
    } else {
      size_t q = p;
      while (q < size) {
        char c = data[q];
        if (c == delimiter_ || c == '\n') break;
        if (c == '\r' && q + 1 < size && data[q + 1] == '\n') break;
        if (c == '"') {
          return fail(start, q,
                      "a quote inside an unquoted field: quote the whole field and double the "
                      "quote",
                      error);
        }
        ++q;
      }
      spans_.push_back({false, p, q - p, field_start});
      p = q;
    }
    if (p < size && data[p] == delimiter_) {
      ++p;
      continue;
    }
    break;  // end of line or of file
  }
  size_t end = p;  // at '\r\n', '\n' or the end
  record.line = line_;
  record.raw = text_.substr(start, end - start);
  record.fields.resize(spans_.size());
  record.offsets.resize(spans_.size());
  for (size_t i = 0; i < spans_.size(); ++i) {
    const FieldSpan& s = spans_[i];
    record.fields[i] = s.unescaped ? std::string_view(scratch_).substr(s.begin, s.length)
                                   : text_.substr(s.begin, s.length);
    record.offsets[i] = static_cast<uint32_t>(s.field_start - start);
  }
  line_ += std::count(record.raw.begin(), record.raw.end(), '\n') + 1;
  if (end < size && data[end] == '\r') ++end;
  pos_ = std::min(end + 1, size);
  return Step::record;
}

}  // namespace sitrep::io
