// Reports as sitrep reads them before extraction: one Document per news item, statement, claim
// or channel post, with what is known of where and when it was published.
//
// Three inputs (read_documents detects which from the file):
//   plain text       one report per file; an optional header block of "key: value" lines
//                    (url, title, published, source, language) ended by a blank line
//   JSONL            one news item per line: {id, url, title, published, source, language, text}
//   Telegram export  Telegram Desktop's result.json of a channel: one document per message
//                    with text (formatted runs joined, service messages skipped)
// A record that cannot be read is a reject with file, line, column and reason; the others are
// still read. Every document's text is valid UTF-8; its id is the one given, or else a hash of
// its text (so the same report read twice is one document).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sitrep/io/event_reader.hpp"
#include "sitrep/model/date.hpp"
#include "sitrep/result.hpp"

namespace sitrep::extract {

struct Document {
  std::string id;
  std::string url;
  std::string title;
  std::string source;    // outlet, agency or channel
  std::string language;  // as given (ISO 639 code); empty when the input does not say
  std::optional<model::Day> published;
  std::string text;
  // where it came from
  std::string file;
  int64_t line = 0;    // 1-based line of the record (JSONL), of the text (plain text files), or
                       // of the message's opening brace (Telegram)
  std::string format;  // "text", "jsonl", "telegram"
};

enum class DocumentFormat { text, jsonl, telegram };
std::string_view to_string(DocumentFormat format);

// Reads every document of a file; records that cannot be read go to `rejects`. Returns an error
// (and nothing) when the file itself cannot be read or is empty.
Result<std::vector<Document>> read_documents(const std::string& path,
                                             std::vector<io::RowError>& rejects);

// The same from text already in memory (standard input); `path` names it in messages.
Result<std::vector<Document>> parse_documents(const std::string& path, std::string_view text,
                                              std::vector<io::RowError>& rejects);

// The published date of "2022-04-18", "2022-04-18T10:30:00Z", "2022-04-18 10:30" or
// "18 April 2022"; nullopt for anything else.
std::optional<model::Day> parse_published(std::string_view text);

// A document's id when none is given: "xxh3:" and 32 hex digits of its text's XXH3-128.
std::string text_hash_id(std::string_view text);

}  // namespace sitrep::extract
