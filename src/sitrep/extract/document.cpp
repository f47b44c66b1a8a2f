#include "sitrep/extract/document.hpp"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sitrep/io/mapped_file.hpp"
#include "sitrep/io/utf8.hpp"

namespace sitrep::extract {
namespace {

using nlohmann::json;

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

io::RowError reject(const std::string& file, int64_t line, int column, std::string field,
                    std::string reason, std::string_view raw) {
  io::RowError e;
  e.file = file;
  e.line = line;
  e.column = column;
  e.field = std::move(field);
  e.reason = std::move(reason);
  e.raw = std::string(raw.substr(0, 4096));  // a 50 MB line is not copied whole into a reject
  return e;
}

// Line and column (1-based, in bytes) of a byte offset.
std::pair<int64_t, int> position(std::string_view text, size_t offset) {
  int64_t line =
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  size_t column = start == std::string_view::npos ? offset + 1 : offset - start;
  return {line, static_cast<int>(column)};
}

std::string text_of(const json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

// The header block of a plain-text report: "key: value" lines with known keys, then a blank line.
constexpr std::array<std::string_view, 5> kHeaderKeys = {"url", "title", "published", "source",
                                                         "language"};

bool header_line(std::string_view line, std::string& key, std::string& value) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  std::string k(trim(line.substr(0, colon)));
  std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return std::tolower(c); });
  if (std::find(kHeaderKeys.begin(), kHeaderKeys.end(), k) == kHeaderKeys.end()) return false;
  key = k;
  value = std::string(trim(line.substr(colon + 1)));
  return true;
}

Document plain_text(const std::string& path, std::string_view text) {
  Document d;
  d.file = path;
  d.format = "text";
  d.line = 1;
  size_t pos = 0;
  int64_t line_number = 1;
  std::string key, value;
  // The header block counts only if its first line is a header line.
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() && pos > 0) {  // the blank line that ends the header
      pos = end + 1;
      ++line_number;
      d.line = line_number;
      break;
    }
    if (!header_line(line, key, value)) {
      if (pos == 0) break;  // no header at all
      // A header that runs straight into the text: the text starts here.
      d.line = line_number;
      break;
    }
    if (key == "url") d.url = value;
    if (key == "title") d.title = value;
    if (key == "source") d.source = value;
    if (key == "language") d.language = value;
    if (key == "published") d.published = parse_published(value);
    pos = end + 1;
    ++line_number;
    d.line = line_number;
  }
  d.text = std::string(trim(text.substr(std::min(pos, text.size()))));
  return d;
}

void from_json_item(const json& item, Document& d) {
  if (item.contains("id")) {
    const json& id = item["id"];
    d.id = id.is_string()           ? id.get<std::string>()
           : id.is_number_integer() ? std::to_string(id.get<int64_t>())
                                    : "";
  }
  d.url = item.contains("url") ? text_of(item["url"]) : "";
  d.title = item.contains("title") ? text_of(item["title"]) : "";
  d.source = item.contains("source") ? text_of(item["source"]) : "";
  d.language = item.contains("language") ? text_of(item["language"]) : "";
  if (item.contains("published")) d.published = parse_published(text_of(item["published"]));
  d.text = item.contains("text") ? text_of(item["text"]) : "";
}

void read_jsonl(const std::string& path, std::string_view text, std::vector<Document>& out,
                std::vector<io::RowError>& rejects) {
  size_t pos = 0;
  int64_t line_number = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) continue;
    if (size_t bad = io::find_invalid_utf8(line); bad != std::string_view::npos) {
      rejects.push_back(reject(path, line_number, static_cast<int>(bad) + 1, "",
                               "invalid UTF-8 (the file must be UTF-8 encoded)", line));
      continue;
    }
    json item = json::parse(line, nullptr, false);
    if (item.is_discarded() || !item.is_object()) {
      // Find where: parse again with exceptions for the byte offset of the fault.
      int column = 1;
      try {
        json again = json::parse(line);
        (void)again;
      } catch (const json::parse_error& e) {
        column = static_cast<int>(e.byte);
      }
      rejects.push_back(reject(path, line_number, column, "",
                               item.is_discarded() ? "not valid JSON" : "not a JSON object", line));
      continue;
    }
    Document d;
    d.file = path;
    d.line = line_number;
    d.format = "jsonl";
    from_json_item(item, d);
    if (trim(d.text).empty()) {
      size_t at = line.find("\"text\"");
      rejects.push_back(reject(path, line_number,
                               at == std::string_view::npos ? 1 : static_cast<int>(at) + 1, "text",
                               "no text (a news item needs a non-empty \"text\")", line));
      continue;
    }
    out.push_back(std::move(d));
  }
}

// A Telegram message's text: a string, or an array of strings and {type, text} runs.
std::string telegram_text(const json& text) {
  if (text.is_string()) return text.get<std::string>();
  std::string out;
  if (text.is_array()) {
    for (const json& run : text) {
      if (run.is_string())
        out += run.get<std::string>();
      else if (run.is_object() && run.contains("text"))
        out += text_of(run["text"]);
    }
  }
  return out;
}

Status read_telegram(const std::string& path, std::string_view text, const json& export_doc,
                     std::vector<Document>& out, std::vector<io::RowError>& rejects) {
  std::string channel = export_doc.contains("name") ? text_of(export_doc["name"]) : "";
  std::string channel_id = export_doc.contains("id") && export_doc["id"].is_number_integer()
                               ? std::to_string(export_doc["id"].get<int64_t>())
                               : channel;
  const json& messages = export_doc["messages"];
  if (!messages.is_array()) return make_error(fmt::format("{}: \"messages\" is not a list", path));
  // Lines of messages are found by their ids in the text (the JSON library keeps no offsets),
  // counting newlines only from the previous message on: an export of 100,000 messages is not
  // rescanned from its start for each one.
  size_t search_from = 0;
  int64_t line_at_search_from = 1;
  for (size_t i = 0; i < messages.size(); ++i) {
    const json& m = messages[i];
    if (!m.is_object()) continue;
    std::string id = m.contains("id") && m["id"].is_number_integer()
                         ? std::to_string(m["id"].get<int64_t>())
                         : "";
    size_t at = id.empty() ? std::string_view::npos : text.find("\"id\": " + id, search_from);
    int64_t line = 0;
    if (at != std::string_view::npos) {
      line_at_search_from += std::count(text.begin() + static_cast<std::ptrdiff_t>(search_from),
                                        text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
      search_from = at;
      line = line_at_search_from;
    }
    if (m.contains("type") && text_of(m["type"]) != "message") continue;  // service messages
    std::string body = m.contains("text") ? telegram_text(m["text"]) : "";
    if (trim(body).empty()) continue;  // a photo or a file without a caption
    if (size_t bad = io::find_invalid_utf8(body); bad != std::string_view::npos) {
      rejects.push_back(reject(path, line, 1, "text", "invalid UTF-8 in the message text", body));
      continue;
    }
    Document d;
    d.file = path;
    d.line = line;
    d.format = "telegram";
    d.id = fmt::format("telegram:{}:{}", channel_id, id);
    d.source = m.contains("from") ? text_of(m["from"]) : channel;
    if (d.source.empty()) d.source = channel;
    if (m.contains("date")) d.published = parse_published(text_of(m["date"]));
    d.text = std::move(body);
    out.push_back(std::move(d));
  }
  return Status::success();
}

}  // namespace

std::string_view to_string(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::text:
      return "text";
    case DocumentFormat::jsonl:
      return "jsonl";
    case DocumentFormat::telegram:
      return "telegram";
  }
  return "text";
}

std::optional<model::Day> parse_published(std::string_view text) {
  text = trim(text);
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') text = text.substr(0, 10);
  auto day = model::parse_date(text);
  if (!day) return std::nullopt;
  return *day;
}

std::string text_hash_id(std::string_view text) {
  XXH128_hash_t h = XXH3_128bits(text.data(), text.size());
  return fmt::format("xxh3:{:016x}{:016x}", h.high64, h.low64);
}

Result<std::vector<Document>> read_documents(const std::string& path,
                                             std::vector<io::RowError>& rejects) {
  auto mapped = io::MappedFile::open(path);
  if (!mapped) return std::move(mapped).take_error();
  return parse_documents(path, mapped->contents(), rejects);
}

Result<std::vector<Document>> parse_documents(const std::string& path, std::string_view text,
                                              std::vector<io::RowError>& rejects) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (trim(text).empty()) return make_error(fmt::format("{}: the file is empty", path));
  std::vector<Document> out;
  std::string_view start = trim(text.substr(0, 4096));
  bool json_object = !start.empty() && start.front() == '{';
  // One JSON object for the whole file with "messages": a Telegram export. Else JSONL when the
  // first line is an object; else a plain-text report.
  if (json_object) {
    json whole = json::parse(text, nullptr, false);
    if (!whole.is_discarded() && whole.is_object() && whole.contains("messages")) {
      if (Status s = read_telegram(path, text, whole, out, rejects); !s)
        return make_error(s.error());
    } else {
      read_jsonl(path, text, out, rejects);
    }
  } else {
    if (size_t bad = io::find_invalid_utf8(text); bad != std::string_view::npos) {
      auto [line, column] = position(text, bad);
      return make_error(fmt::format("{}:{}:{}: invalid UTF-8 (the file must be UTF-8 encoded)",
                                    path, line, column));
    }
    out.push_back(plain_text(path, text));
    if (out.back().text.empty()) return make_error(fmt::format("{}: a header and no text", path));
  }
  for (Document& d : out) {
    if (d.id.empty()) d.id = text_hash_id(d.text);
  }
  return out;
}

}  // namespace sitrep::extract
