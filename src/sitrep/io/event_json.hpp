// The sitrep JSONL event schema (docs/formats.md): one JSON object per line.
//
// Writing: every analytic field, plus the output-only keys id, revision and provenance.
// Reading: the same keys; id, revision and provenance are accepted and ignored (the store
// assigns them), any other unknown key is an error, so a misspelt key is never dropped quietly.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sitrep/model/event.hpp"
#include "sitrep/model/vocabulary.hpp"
#include "sitrep/result.hpp"

namespace sitrep::io {

nlohmann::ordered_json event_to_json(const model::Event& event);

// Appends the same document as compact JSON text (event_to_json(event).dump()), without
// building it first: the JSONL writer's fast path.
void append_event_json(std::string& out, const model::Event& event);

// Why a JSON object is not a valid event: the key at fault (empty for malformed JSON), the
// reason, and for malformed JSON the column of the fault.
struct JsonFieldError {
  std::string key;
  std::string reason;
  int column = 0;
};

// Reads sitrep JSONL objects into events (simdjson). Reuse one parser for many lines: it keeps
// its buffers. Country names are resolved to ISO2 through the vocabulary; actors keep canonical
// names given as `actor1_canonical` etc.
class EventJsonParser {
 public:
  EventJsonParser();
  ~EventJsonParser();
  EventJsonParser(const EventJsonParser&) = delete;
  EventJsonParser& operator=(const EventJsonParser&) = delete;

  // Fills `event` from one JSON object; on failure returns the first fault.
  std::optional<JsonFieldError> parse(std::string_view text, const model::Vocabulary& vocabulary,
                                      model::Event& event);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace sitrep::io
