#include "sitrep/io/event_writer.hpp"

#include <fmt/format.h>

#include "sitrep/io/event_json.hpp"

namespace sitrep::io {
namespace {

using nlohmann::ordered_json;

std::string csv_escape(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string cell_text(const ordered_json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

class CsvWriter final : public EventWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void begin() override {
    std::string header;
    const ordered_json columns = flat_event_json(model::Event());
    for (const auto& item : columns.items()) {
      header += (header.empty() ? "" : ",") + item.key();
    }
    out_ << header << '\n';
  }
  void write(const model::Event& event) override {
    std::string line;
    bool first = true;
    const ordered_json fields = flat_event_json(event);
    for (const auto& item : fields.items()) {
      if (!first) line += ',';
      first = false;
      line += csv_escape(cell_text(item.value()));
    }
    out_ << line << '\n';
  }

 private:
  std::ostream& out_;
};

class JsonlWriter final : public EventWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  std::string line_;
  void write(const model::Event& event) override {
    line_.clear();
    append_event_json(line_, event);
    line_ += '\n';
    out_ << line_;
  }

 private:
  std::ostream& out_;
};

class GeoJsonWriter final : public EventWriter {
 public:
  explicit GeoJsonWriter(std::ostream& out) : out_(out) {}
  void begin() override {
    out_ << "{\"type\":\"FeatureCollection\",\"name\":\"sitrep_events\","
            "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
            "\"urn:ogc:def:crs:OGC:1.3:CRS84\"}},\"features\":[\n";
  }
  void write(const model::Event& event) override {
    ordered_json feature;
    feature["type"] = "Feature";
    feature["id"] = event.id;
    if (event.latitude && event.longitude) {
      feature["geometry"] = {{"type", "Point"},
                             {"coordinates", {*event.longitude, *event.latitude}}};
    } else {
      feature["geometry"] = nullptr;
    }
    feature["properties"] = flat_event_json(event);
    out_ << (first_ ? "" : ",\n")
         << feature.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
    first_ = false;
  }
  void end() override { out_ << "\n]}\n"; }

 private:
  std::ostream& out_;
  bool first_ = true;
};

// Fixed columns, cut to a width, for reading at a terminal.
class TableWriter final : public EventWriter {
 public:
  explicit TableWriter(std::ostream& out) : out_(out) {}
  void begin() override {
    row({"id", "date", "cc", "admin1", "location", "type", "actor1", "actor2", "fat"});
  }
  void write(const model::Event& e) override {
    row({std::to_string(e.id), model::format_iso(e.date.start), e.country, e.admin1, e.location,
         e.event_type, e.actor1.name(), e.actor2.name(),
         e.fatalities_best ? std::to_string(*e.fatalities_best) : ""});
  }

 private:
  static std::string fit(std::string_view text, size_t width) {
    // Cut at a character boundary; pad by characters, not bytes.
    size_t chars = 0, i = 0;
    for (; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
      if (chars == width) break;
      ++chars;
    }
    std::string out(text.substr(0, i));
    if (i < text.size() && !out.empty()) {
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
        out.pop_back();
      if (!out.empty()) out.back() = '~';
    }
    return out + std::string(width > chars ? width - chars : 0, ' ');
  }
  void row(const std::vector<std::string>& cells) {
    static constexpr size_t kWidths[] = {7, 10, 2, 14, 20, 26, 22, 22, 4};
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) line += fit(cells[i], kWidths[i]) + "  ";
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out_ << line << '\n';
  }
  std::ostream& out_;
};

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "table") return OutputFormat::table;
  if (name == "csv") return OutputFormat::csv;
  if (name == "jsonl") return OutputFormat::jsonl;
  if (name == "geojson") return OutputFormat::geojson;
  return std::nullopt;
}

std::unique_ptr<EventWriter> make_event_writer(OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::table:
      return std::make_unique<TableWriter>(out);
    case OutputFormat::csv:
      return std::make_unique<CsvWriter>(out);
    case OutputFormat::jsonl:
      return std::make_unique<JsonlWriter>(out);
    case OutputFormat::geojson:
      return std::make_unique<GeoJsonWriter>(out);
  }
  return nullptr;
}

ordered_json flat_event_json(const model::Event& event) {
  const ordered_json in = event_to_json(event);
  ordered_json out = ordered_json::object();
  for (const auto& item : in.items()) {
    const std::string& key = item.key();
    if (key == "provenance") {
      out["provenance_run"] = item.value()["run"];
      out["provenance_file"] = item.value()["file"];
      out["provenance_line"] = item.value()["line"];
    } else if (item.value().is_array()) {
      std::string joined;
      for (const auto& name : item.value()) {
        joined += (joined.empty() ? "" : "; ") + name.get<std::string>();
      }
      out[key] = joined;
    } else {
      out[key] = item.value();
    }
  }
  return out;
}

}  // namespace sitrep::io
