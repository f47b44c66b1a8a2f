// The fast JSONL text writer and the nlohmann builder give the same document.
#include "sitrep/io/event_json.hpp"

#include <gtest/gtest.h>

#include "../support/test_support.hpp"
#include "sitrep/io/event_reader.hpp"

namespace sitrep::io {
namespace {

void expect_same_document(const model::Event& e) {
  std::string text;
  append_event_json(text, e);
  EXPECT_EQ(nlohmann::json::parse(text), nlohmann::json::parse(event_to_json(e).dump())) << text;
}

TEST(EventJson, TextWriterMatchesTheBuilderOnEveryFixtureEvent) {
  for (const char* name : {"acled-export.csv", "gtd-full.csv", "ucdp-ged-full.csv"}) {
    auto reader =
        open_event_reader(testing::fixture(name), std::nullopt, testing::bundled_vocabulary());
    ASSERT_TRUE(reader.ok()) << reader.error();
    model::Event event;
    RowError error;
    while ((*reader)->next(event, error)) expect_same_document(event);
  }
}

TEST(EventJson, TextWriterEscapesQuotesControlCharactersAndKeepsUnicode) {
  model::Event e;
  e.dataset = "wire";
  e.native_id = "q\"1";
  e.notes = "line one\nline \"two\"\t\\ \x01 مزار شریف";
  e.assoc_actors1 = {{"", "A \"quoted\" group"}, {"IS-KP", "ISKP"}};
  e.latitude = 34.5167;
  e.fatalities_best = 0;
  expect_same_document(e);
  std::string text;
  append_event_json(text, e);
  EXPECT_NE(text.find("\\u0001"), std::string::npos);
  EXPECT_NE(text.find("مزار شریف"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::io
