// A finding: one statement an analyst would put in a brief, with the numbers and the records
// behind it.
//
// Findings state facts of the record ("13 events in the window against 4.5 a month before") and,
// where the data support a judgement, the judgement with its probability ("the group's tempo
// rose", 0.93) or the confidence of a test. The report module words the probability on the
// ICD 203 scale; docs/findings.md says how each finding's probability or confidence is obtained.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/analyze/record.hpp"

namespace sitrep::analyze {

enum class FindingKind : uint8_t {
  tempo,
  change_point,
  first_in_area,
  reemergence,
  cross_border,
  target_mix,
  spread,
  claims,
  high_value_target,
  hallmark_match,
  campaign,
  media,
};

std::string_view to_string(FindingKind kind);

// How far a test supports a finding: low, moderate or high (ICD 203 keeps confidence apart
// from likelihood). Set from p-values and counts, as docs/findings.md lists.
enum class Confidence : uint8_t { low, moderate, high };

std::string_view to_string(Confidence confidence);

// A number behind a finding, as the brief and the JSON show it.
struct Figure {
  std::string name;  // "events in window" ("incidents in window" counting incidents), ...
  double value = 0;
  std::string text;  // the value as the brief prints it ("2.9", "2020-12-04", "Kunar")
};

// A record the finding rests on, as a key into the assessment's records.
struct Evidence {
  RecordOrigin origin = RecordOrigin::event;
  int64_t id = 0;
  bool operator==(const Evidence&) const = default;
};

struct Finding {
  FindingKind kind = FindingKind::tempo;
  std::string title;      // a short heading: "Tempo", "First attack in Kunar"
  std::string statement;  // one sentence of fact
  // A judgement the statement supports and its probability, when the data give one.
  std::string judgement;
  std::optional<double> probability;
  std::optional<double> p_value;
  Confidence confidence = Confidence::low;
  // Whether the finding is worth reporting (enough records, significant); reported == false
  // findings are listed as checked, not stated.
  bool reported = true;
  std::string not_reported_because;
  double score = 0;  // ranks reported findings: higher first
  std::vector<Figure> figures;
  std::vector<Evidence> evidence;  // most telling first
};

}  // namespace sitrep::analyze
