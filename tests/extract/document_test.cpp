// Reading reports: plain text with and without a header, JSONL news items, Telegram exports,
// and the inputs that must give clear errors without losing the rest.
#include "sitrep/extract/document.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace sitrep::extract {
namespace {

namespace fs = std::filesystem;

class DocumentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sitrep-doc-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  fs::path dir_;
  std::vector<io::RowError> rejects_;
};

TEST_F(DocumentTest, APlainTextReportWithAHeaderBlock) {
  auto docs = read_documents(write("r.txt",
                                   "Title: Rockets hit Termez\n"
                                   "Published: 2022-07-05T09:10:00Z\n"
                                   "Source: Example Wire\n"
                                   "URL: https://example.org/a\n"
                                   "\n"
                                   "Militants fired ten rockets.\n"),
                             rejects_);
  ASSERT_TRUE(docs.ok()) << docs.error();
  ASSERT_EQ(docs->size(), 1u);
  const Document& d = (*docs)[0];
  EXPECT_EQ(d.title, "Rockets hit Termez");
  EXPECT_EQ(d.source, "Example Wire");
  EXPECT_EQ(d.url, "https://example.org/a");
  ASSERT_TRUE(d.published);
  EXPECT_EQ(model::format_iso(*d.published), "2022-07-05");
  EXPECT_EQ(d.text, "Militants fired ten rockets.");
  EXPECT_EQ(d.line, 6);  // where the text starts
  EXPECT_EQ(d.id.substr(0, 5), "xxh3:");
}

TEST_F(DocumentTest, TextWithoutAHeaderIsAllText) {
  auto docs = read_documents(write("r.txt", "Kabul: a blast hit a mosque.\nNo group claimed it.\n"),
                             rejects_);
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ((*docs)[0].text, "Kabul: a blast hit a mosque.\nNo group claimed it.");
  EXPECT_FALSE((*docs)[0].published);
}

TEST_F(DocumentTest, TheSameTextHasTheSameId) {
  auto a = read_documents(write("a.txt", "Same report.\n"), rejects_);
  auto b = read_documents(write("b.txt", "Source: Other\n\nSame report.\n"), rejects_);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)[0].id, (*b)[0].id);
}

TEST_F(DocumentTest, JsonlItemsAreReadAndBadLinesRejectedAlone) {
  std::string bad_utf8 = "{\"text\": \"caf\xC3\"}";
  auto docs = read_documents(
      write("n.jsonl",
            "{\"id\": \"a1\", \"title\": \"T\", \"published\": \"2022-04-18\", \"source\": \"S\", "
            "\"language\": \"en\", \"text\": \"Gunmen attacked a checkpoint.\"}\n"
            "{\"id\": \"a2\", \"text\": \"unterminated\n" +
                bad_utf8 + "\n{\"id\": \"a4\", \"title\": \"no text\"}\n" +
                "{\"id\": 5, \"text\": \"Fifth.\"}\n"),
      rejects_);
  ASSERT_TRUE(docs.ok()) << docs.error();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].id, "a1");
  EXPECT_EQ((*docs)[0].language, "en");
  EXPECT_EQ(model::format_iso(*(*docs)[0].published), "2022-04-18");
  EXPECT_EQ((*docs)[1].id, "5");
  EXPECT_EQ((*docs)[1].line, 5);
  ASSERT_EQ(rejects_.size(), 3u);
  EXPECT_EQ(rejects_[0].line, 2);
  EXPECT_NE(rejects_[0].reason.find("not valid JSON"), std::string::npos);
  EXPECT_EQ(rejects_[1].line, 3);
  EXPECT_NE(rejects_[1].reason.find("invalid UTF-8"), std::string::npos);
  EXPECT_EQ(rejects_[1].column, 14);  // the byte after "caf"
  EXPECT_EQ(rejects_[2].field, "text");
}

TEST_F(DocumentTest, ATelegramExportGivesOneDocumentPerTextMessage) {
  auto docs = read_documents(write("result.json", R"({
 "name": "Example Channel",
 "type": "public_channel",
 "id": 1234,
 "messages": [
  {
   "id": 1,
   "type": "service",
   "date": "2022-04-17T10:00:00",
   "action": "create_channel"
  },
  {
   "id": 2,
   "type": "message",
   "date": "2022-04-18T09:30:00",
   "from": "Example Channel",
   "text": ["Breaking: ", {"type": "bold", "text": "an attack"}, " in Kunduz."]
  },
  {
   "id": 3,
   "type": "message",
   "date": "2022-04-18T09:31:00",
   "photo": "photos/1.jpg",
   "text": ""
  },
  {
   "id": 4,
   "type": "message",
   "date": "2022-04-19T08:00:00",
   "text": "Plain text message."
  }
 ]
})"),
                             rejects_);
  ASSERT_TRUE(docs.ok()) << docs.error();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].text, "Breaking: an attack in Kunduz.");
  EXPECT_EQ((*docs)[0].id, "telegram:1234:2");
  EXPECT_EQ((*docs)[0].source, "Example Channel");
  EXPECT_EQ(model::format_iso(*(*docs)[0].published), "2022-04-18");
  EXPECT_EQ((*docs)[0].line, 13);
  EXPECT_EQ((*docs)[1].id, "telegram:1234:4");
  EXPECT_EQ((*docs)[1].source, "Example Channel");  // no "from": the channel
  EXPECT_TRUE(rejects_.empty());
}

TEST_F(DocumentTest, EmptyFilesAndHeadersWithoutTextAreErrors) {
  auto empty = read_documents(write("e.txt", " \n\n"), rejects_);
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().find("empty"), std::string::npos);
  auto header_only = read_documents(write("h.txt", "Title: x\nSource: y\n"), rejects_);
  ASSERT_FALSE(header_only.ok());
  EXPECT_NE(header_only.error().find("no text"), std::string::npos);
}

TEST_F(DocumentTest, InvalidUtf8InATextFileIsAnErrorWithItsPlace) {
  auto bad = read_documents(write("b.txt", "line one\nline \xFF two\n"), rejects_);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().find("b.txt:2:6: invalid UTF-8"), std::string::npos) << bad.error();
}

TEST_F(DocumentTest, AHugeSingleLineIsReadAndAnyRejectKeepsOnlyItsStart) {
  std::string text(50 << 20, 'a');
  auto docs = read_documents(write("big.jsonl", "{\"text\": \"" + text + "\"}\n{bad\n"), rejects_);
  ASSERT_TRUE(docs.ok()) << docs.error();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].text.size(), text.size());
  ASSERT_EQ(rejects_.size(), 1u);
  EXPECT_LE(rejects_[0].raw.size(), 4096u);
}

TEST(PublishedDates, CommonFormsAreRead) {
  EXPECT_EQ(model::format_iso(*parse_published("2021-12-31T23:59:59+04:30")), "2021-12-31");
  EXPECT_EQ(model::format_iso(*parse_published("18 April 2022")), "2022-04-18");
  EXPECT_FALSE(parse_published("yesterday"));
  EXPECT_FALSE(parse_published(""));
}

}  // namespace
}  // namespace sitrep::extract
