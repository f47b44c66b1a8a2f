#include "sitrep/io/csv_reader.hpp"

#include <gtest/gtest.h>

#include "sitrep/io/utf8.hpp"

namespace sitrep::io {
namespace {

struct Outcome {
  std::vector<std::vector<std::string>> records;
  std::vector<int64_t> lines;
  std::vector<CsvError> errors;
};

Outcome read_all(std::string_view text) {
  Outcome out;
  CsvReader reader(text);
  CsvRecord record;
  CsvError error;
  while (true) {
    auto step = reader.next(record, error);
    if (step == CsvReader::Step::end) break;
    if (step == CsvReader::Step::error) {
      out.errors.push_back(error);
      continue;
    }
    out.records.emplace_back(record.fields.begin(), record.fields.end());
    out.lines.push_back(record.line);
  }
  return out;
}

TEST(CsvReader, ReadsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks) {
  auto out = read_all("a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x,\n");
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(out.records[0], (std::vector<std::string>{"a", "b, c", "say \"hi\""}));
  EXPECT_EQ(out.records[1], (std::vector<std::string>{"two\nlines", "x", ""}));
  EXPECT_EQ(out.lines, (std::vector<int64_t>{1, 2}));
}

TEST(CsvReader, AcceptsCrlfAndAMissingFinalNewlineAndSkipsBlankLines) {
  auto out = read_all("a,b\r\n\r\nc,d\r\ne,f");
  ASSERT_EQ(out.records.size(), 3u);
  EXPECT_EQ(out.records[1], (std::vector<std::string>{"c", "d"}));
  EXPECT_EQ(out.records[2], (std::vector<std::string>{"e", "f"}));
  EXPECT_EQ(out.lines[2], 4);
}

TEST(CsvReader, ReportsAStrayQuoteWithLineAndColumnAndKeepsReading) {
  auto out = read_all("a,b\nc,d\"x,e\nf,g\n");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].at.line, 2);
  EXPECT_EQ(out.errors[0].at.column, 4);
  EXPECT_EQ(out.errors[0].raw, "c,d\"x,e");
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(out.records[1], (std::vector<std::string>{"f", "g"}));
}

TEST(CsvReader, ReportsTextAfterAClosingQuote) {
  auto out = read_all("\"a\"b,c\nd,e\n");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].at.column, 4);
  EXPECT_EQ(out.records.size(), 1u);
}

TEST(CsvReader, AnUnclosedQuoteLosesOnlyItsOwnLine) {
  // A truncated file: the quote on line 2 never closes. Lines 3 and 4 are still read.
  auto out = read_all("a,b\nc,\"never closed\nd,e\nf,g\n");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].at.line, 2);
  EXPECT_NE(out.errors[0].reason.find("never closed"), std::string::npos);
  ASSERT_EQ(out.records.size(), 3u);
  EXPECT_EQ(out.records[1], (std::vector<std::string>{"d", "e"}));
  EXPECT_EQ(out.lines[2], 4);
}

TEST(CsvReader, FieldPositionsCountCharactersNotBytes) {
  CsvReader reader("مزار,x\n");
  CsvRecord record;
  CsvError error;
  ASSERT_EQ(reader.next(record, error), CsvReader::Step::record);
  EXPECT_EQ(record.field_position(1).column, 6);
}

TEST(Utf8, FindsTheFirstInvalidByte) {
  EXPECT_EQ(find_invalid_utf8("plain ascii, and مزار شریف and Термез"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("abc\xff"), 3u);
  EXPECT_EQ(find_invalid_utf8("ab\xc0\xaf"), 2u);           // overlong '/'
  EXPECT_EQ(find_invalid_utf8("\xed\xa0\x80"), 0u);         // surrogate
  EXPECT_EQ(find_invalid_utf8("truncated \xe2\x82"), 10u);  // cut sequence
}

}  // namespace
}  // namespace sitrep::io
