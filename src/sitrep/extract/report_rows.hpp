// A report and its extracted mentions as the store keeps them (store/report_store.hpp): the
// fields queries filter on in columns, the whole extraction with its evidence as JSON.
#pragma once

#include "sitrep/extract/document.hpp"
#include "sitrep/extract/extractor.hpp"
#include "sitrep/store/report_store.hpp"

namespace sitrep::extract {

store::ReportRow report_row(const Document& document, const ReportExtraction& extraction);

}  // namespace sitrep::extract
