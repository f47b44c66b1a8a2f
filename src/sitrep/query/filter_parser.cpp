// Syntax of the filter language: terms, fields, quoted values, comma lists, negation.
#include <algorithm>

#include <fmt/format.h>

#include "sitrep/query/filter.hpp"

namespace sitrep::query {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_field_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<Filter> parse() {
    Filter filter;
    filter.text = std::string(text_);
    while (true) {
      while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
      if (pos_ >= text_.size()) break;
      auto term = parse_term();
      if (!term) return std::move(term).take_error();
      filter.terms.push_back(std::move(term).value());
    }
    return filter;
  }

 private:
  Error fail(size_t at, std::string_view reason) const {
    return make_error(describe_error(text_, at, reason));
  }

  Result<Term> parse_term() {
    Term term;
    term.position = pos_;
    if (text_[pos_] == '-') {
      term.negated = true;
      ++pos_;
      if (pos_ >= text_.size() || is_space(text_[pos_])) {
        return fail(term.position, "'-' must be followed by a term to negate, without a space");
      }
    }
    size_t name_end = pos_;
    while (name_end < text_.size() && is_field_char(text_[name_end])) ++name_end;
    if (name_end < text_.size() && text_[name_end] == ':' && name_end > pos_) {
      term.field = std::string(text_.substr(pos_, name_end - pos_));
      std::transform(term.field.begin(), term.field.end(), term.field.begin(), ::tolower);
      if (std::find(filter_fields().begin(), filter_fields().end(), term.field) ==
          filter_fields().end()) {
        std::string known;
        for (std::string_view f : filter_fields())
          known += (known.empty() ? "" : ", ") + std::string(f);
        return fail(pos_, fmt::format("unknown field '{}' (fields: {})", term.field, known));
      }
      pos_ = name_end + 1;
      if (Status s = parse_values(term, term.field != "near"); !s) return make_error(s.error());
      return term;
    }
    if (Status s = parse_values(term, false); !s) return make_error(s.error());
    return term;
  }

  // Reads `value(,value)*` up to white space; commas split values only when `lists` is set.
  Status parse_values(Term& term, bool lists) {
    while (true) {
      size_t start = pos_;
      std::string value;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        size_t close = text_.find('"', pos_ + 1);
        if (close == std::string_view::npos) return fail(pos_, "this quote is never closed");
        value = std::string(text_.substr(pos_ + 1, close - pos_ - 1));
        pos_ = close + 1;
        if (pos_ < text_.size() && !is_space(text_[pos_]) && !(lists && text_[pos_] == ',')) {
          return fail(pos_, "expected a space or ',' after the closing quote");
        }
      } else {
        while (pos_ < text_.size() && !is_space(text_[pos_]) && !(lists && text_[pos_] == ',')) {
          if (text_[pos_] == '"')
            return fail(pos_, "a quote inside a value: quote the whole value");
          ++pos_;
        }
        value = std::string(text_.substr(start, pos_ - start));
      }
      if (value.empty()) {
        return fail(start, term.field.empty() ? "empty phrase"
                                              : fmt::format("empty value for {}:", term.field));
      }
      term.values.push_back(std::move(value));
      term.positions.push_back(start);
      if (lists && pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      return Status::success();
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

const std::vector<std::string_view>& filter_fields() {
  static const std::vector<std::string_view> fields = {
      "actor",    "actor1",     "actor2", "country", "admin1",    "admin2",
      "location", "date",       "type",   "subtype", "target",    "weapon",
      "claimed",  "fatalities", "near",   "dataset", "native_id", "id"};
  return fields;
}

std::string describe_error(std::string_view filter, size_t position, std::string_view reason) {
  int column = 1;
  for (size_t i = 0; i < position && i < filter.size(); ++i) {
    if ((static_cast<unsigned char>(filter[i]) & 0xC0) != 0x80) ++column;
  }
  return fmt::format("column {}: {}\n  {}\n  {}^", column, reason, filter,
                     std::string(static_cast<size_t>(column - 1), ' '));
}

Result<Filter> parse_filter(std::string_view text) {
  return Parser(text).parse();
}

}  // namespace sitrep::query
