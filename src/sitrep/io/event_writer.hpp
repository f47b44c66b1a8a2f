// Writing events out: CSV, sitrep JSONL, GeoJSON (a point layer for QGIS and web maps), and an
// aligned text table for the terminal. Writers stream: memory does not grow with the output.
#pragma once

#include <memory>
#include <ostream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sitrep/model/event.hpp"
#include "sitrep/result.hpp"

namespace sitrep::io {

enum class OutputFormat { table, csv, jsonl, geojson };
std::optional<OutputFormat> parse_output_format(std::string_view name);

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual void begin() {}
  virtual void write(const model::Event& event) = 0;
  virtual void end() {}
};

std::unique_ptr<EventWriter> make_event_writer(OutputFormat format, std::ostream& out);

// Every attribute of an event as one flat object (lists joined with "; ", provenance as
// provenance_run/_file/_line): the columns of CSV output and the properties of GeoJSON features.
nlohmann::ordered_json flat_event_json(const model::Event& event);

}  // namespace sitrep::io
