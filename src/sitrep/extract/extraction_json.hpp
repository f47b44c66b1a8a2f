// The JSON form of an extraction, as `sitrep extract --format jsonl` prints it and `sitrep
// ingest` stores it: one object per report, its mentions with every field and its evidence
// ({"begin", "end", "text"}: byte offsets into the report's full text, and the words there).
#pragma once

#include <nlohmann/json.hpp>

#include "sitrep/extract/document.hpp"
#include "sitrep/extract/extractor.hpp"

namespace sitrep::extract {

nlohmann::json mention_json(const Mention& mention, std::string_view text);
nlohmann::json extraction_json(const Document& document, const ReportExtraction& extraction);

}  // namespace sitrep::extract
