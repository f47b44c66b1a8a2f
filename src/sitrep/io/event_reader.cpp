#include "sitrep/io/event_reader.hpp"

#include <fmt/format.h>

#include "sitrep/io/detail/csv_event_reader.hpp"
#include "sitrep/io/mapped_file.hpp"

namespace sitrep::io {

std::string_view to_string(Format format) {
  switch (format) {
    case Format::acled:
      return "acled";
    case Format::ucdp_ged:
      return "ucdp-ged";
    case Format::gtd:
      return "gtd";
    case Format::jsonl:
      return "jsonl";
  }
  return "";
}

std::optional<Format> parse_format(std::string_view name) {
  if (name == "acled") return Format::acled;
  if (name == "ucdp-ged" || name == "ucdp") return Format::ucdp_ged;
  if (name == "gtd") return Format::gtd;
  if (name == "jsonl") return Format::jsonl;
  return std::nullopt;
}

std::string RowError::message() const {
  return field.empty() ? fmt::format("{}:{}:{}: {}", file, line, column, reason)
                       : fmt::format("{}:{}:{}: {}: {}", file, line, column, field, reason);
}

Result<Format> detect_format(std::string_view first_line) {
  if (first_line.substr(0, 3) == "\xEF\xBB\xBF") first_line.remove_prefix(3);
  size_t start = first_line.find_first_not_of(" \t");
  if (start != std::string_view::npos && first_line[start] == '{') return Format::jsonl;
  auto has = [&](std::string_view column) {
    // Column names are matched as whole CSV cells, quoted or not.
    for (std::string_view cell :
         {std::string(column) + ",", std::string(column) + "\"", std::string(column) + "\r"}) {
      size_t at = first_line.find(cell);
      while (at != std::string_view::npos) {
        if (at == 0 || first_line[at - 1] == ',' || first_line[at - 1] == '"') return true;
        at = first_line.find(cell, at + 1);
      }
    }
    return first_line.ends_with(column) &&
           (first_line.size() == column.size() ||
            first_line[first_line.size() - column.size() - 1] == ',');
  };
  if (has("event_id_cnty") && has("event_date")) return Format::acled;
  if (has("type_of_violence") && has("date_start")) return Format::ucdp_ged;
  if (has("eventid") && has("iyear")) return Format::gtd;
  std::string shown(first_line.substr(0, 120));
  return make_error(fmt::format(
      "cannot tell the format from the header '{}{}': an ACLED export has event_id_cnty and "
      "event_date, a UCDP GED file type_of_violence and date_start, a GTD file eventid and "
      "iyear, sitrep JSONL starts with '{{'; use --format to force one",
      shown, first_line.size() > 120 ? "…" : ""));
}

Result<std::unique_ptr<EventReader>> open_event_reader(const std::string& path,
                                                       std::optional<Format> forced,
                                                       const model::Vocabulary& vocabulary) {
  auto file = MappedFile::open(path);
  if (!file) return std::move(file).take_error();
  std::string_view text = file->contents();
  Format format;
  if (forced) {
    format = *forced;
  } else {
    if (text.find_first_not_of(" \t\r\n\xEF\xBB\xBF") == std::string_view::npos) {
      return make_error(fmt::format("{}: the file is empty", path));
    }
    auto detected = detect_format(text.substr(0, text.find('\n')));
    if (!detected) return make_error(fmt::format("{}:1: {}", path, detected.error()));
    format = *detected;
  }
  if (format == Format::jsonl) return detail::open_jsonl(std::move(file).value(), vocabulary);
  auto header = detail::read_csv_header(*file);
  if (!header) return std::move(header).take_error();
  switch (format) {
    case Format::acled:
      return detail::open_acled(std::move(file).value(), std::move(header).value(), vocabulary);
    case Format::ucdp_ged:
      return detail::open_ucdp(std::move(file).value(), std::move(header).value(), vocabulary);
    case Format::gtd:
      return detail::open_gtd(std::move(file).value(), std::move(header).value(), vocabulary);
    case Format::jsonl:
      break;
  }
  return make_error("unreachable");
}

}  // namespace sitrep::io
