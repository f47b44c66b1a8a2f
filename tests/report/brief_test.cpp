// The brief from a hand-made assessment: notes numbered once per record, judgements worded,
// what was not reported listed apart, and Markdown and JSON saying the same.
#include "sitrep/report/brief.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace sitrep::report {
namespace {

analyze::Assessment sample_assessment() {
  analyze::Assessment a;
  a.options.subject = "IS-KP";
  a.options.window = {model::to_day({2022, 4, 1}), model::to_day({2022, 4, 30})};
  a.options.baseline = analyze::default_baseline(a.options.window);
  a.options.coverage = {model::to_day({2015, 1, 1}), model::to_day({2022, 4, 30})};
  analyze::Finding tempo;
  tempo.title = "Tempo";
  tempo.statement = "9 events.";
  tempo.judgement = "the rate rose";
  tempo.probability = 0.93;
  tempo.evidence = {{analyze::RecordOrigin::event, 5}, {analyze::RecordOrigin::mention, 5}};
  analyze::Finding first;
  first.kind = analyze::FindingKind::first_in_area;
  first.title = "First in UZ";
  first.statement = "First in UZ.";
  first.evidence = {{analyze::RecordOrigin::mention, 5}};
  analyze::Finding quiet;
  quiet.kind = analyze::FindingKind::claims;
  quiet.title = "Claims";
  quiet.reported = false;
  quiet.not_reported_because = "no source says";
  a.findings = {tempo, first, quiet};
  return a;
}

Citation cite(const analyze::Evidence& e) {
  if (e.origin == analyze::RecordOrigin::mention) return {"Reuters, 2022-04-20", "https://r.com/x"};
  return {"UCDP GED 1", ""};
}

TEST(Brief, NotesAreNumberedOncePerRecordInOrderOfFirstCitation) {
  analyze::Assessment a = sample_assessment();
  Brief b = build_brief(a, cite);
  ASSERT_EQ(b.sections.size(), 2u);
  EXPECT_EQ(b.sections[0].notes, (std::vector<int>{1, 2}));
  EXPECT_EQ(b.sections[1].notes, (std::vector<int>{2}));  // the same mention, the same note
  ASSERT_EQ(b.notes.size(), 2u);
  EXPECT_EQ(b.notes[1].text, "Reuters, 2022-04-20");
  ASSERT_EQ(b.not_reported.size(), 1u);
  EXPECT_EQ(b.sections[0].judgement, "It is very likely (93%) that the rate rose.");
  EXPECT_EQ(b.takeaway, "It is very likely (93%) that the rate rose. 9 events. First in UZ.");
}

TEST(Brief, MarkdownCitesNotesDefangsUrlsAndListsWhatWasNotReported) {
  analyze::Assessment a = sample_assessment();
  std::string md = to_markdown(build_brief(a, cite));
  EXPECT_NE(md.find("# IS-KP: assessment of 2022-04-01..2022-04-30"), std::string::npos);
  EXPECT_NE(md.find("9 events. [1][2]"), std::string::npos);
  EXPECT_NE(md.find("2. Reuters, 2022-04-20 hxxps://r(dot)com/x"), std::string::npos);
  EXPECT_EQ(md.find("https://"), std::string::npos);
  EXPECT_NE(md.find("- Claims: no source says."), std::string::npos);
}

TEST(Brief, JsonCarriesTheSameFindingsAndNotes) {
  analyze::Assessment a = sample_assessment();
  nlohmann::json j = to_json(build_brief(a, cite));
  ASSERT_EQ(j["findings"].size(), 2u);
  EXPECT_EQ(j["findings"][0]["judgement_text"], "It is very likely (93%) that the rate rose.");
  EXPECT_EQ(j["findings"][0]["notes"], nlohmann::json::array({1, 2}));
  EXPECT_EQ(j["notes"][1]["url"], "hxxps://r(dot)com/x");
  EXPECT_EQ(j["not_reported"][0]["not_reported_because"], "no source says");
  EXPECT_EQ(j["window"], "2022-04-01..2022-04-30");
}

TEST(Brief, WithNothingReportedTheTakeawaySaysSo) {
  analyze::Assessment a = sample_assessment();
  for (analyze::Finding& f : a.findings) f.reported = false;
  Brief b = build_brief(a, cite);
  EXPECT_TRUE(b.sections.empty());
  EXPECT_EQ(b.takeaway,
            "No finding about IS-KP in 2022-04-01..2022-04-30 passed the reporting bar.");
}

}  // namespace
}  // namespace sitrep::report
