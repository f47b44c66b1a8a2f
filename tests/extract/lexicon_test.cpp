// The extraction lexicon as bundled: one pass finds actors, event words, targets and cues, in
// several languages, leftmost-longest, with exact-case aliases kept apart from common words.
#include "sitrep/extract/lexicon.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "bundled.hpp"

namespace sitrep::extract {
namespace {

using testing::bundled;

std::vector<std::string> found(std::string_view text, LexiconHit::Kind kind) {
  std::vector<std::string> out;
  for (const LexiconHit& h : bundled<Lexicon>().find(text)) {
    if (h.kind == kind) out.emplace_back(text.substr(h.begin, h.end - h.begin));
  }
  return out;
}

TEST(Lexicon, FindsActorsInEveryScriptWithTheirRegistryName) {
  const Lexicon& lex = bundled<Lexicon>();
  auto hits = lex.find("ISKP, Талибан, داعش and ولایت پاکستان");
  std::vector<std::string> actors;
  for (const LexiconHit& h : hits) {
    if (h.kind == LexiconHit::Kind::actor) actors.push_back(lex.actor(h.entry).actor);
  }
  EXPECT_EQ(actors, (std::vector<std::string>{"IS-KP", "Taliban", "IS", "IS-Pakistan"}));
}

TEST(Lexicon, ExactCaseAliasesDoNotMatchCommonWords) {
  EXPECT_EQ(found("IS claimed it. The attack is over.", LexiconHit::Kind::actor),
            std::vector<std::string>{"IS"});
}

TEST(Lexicon, LeftmostLongestKeepsANegatedClaimWhole) {
  const Lexicon& lex = bundled<Lexicon>();
  auto hits = lex.find("No group has claimed responsibility for the blast.");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].kind, LexiconHit::Kind::cue);
  EXPECT_EQ(lex.cue(hits[0].entry), Cue::no_claim);
}

TEST(Lexicon, APhraseInTwoTablesKeepsBothEntries) {
  auto actors = found("Taliban fighters were ambushed", LexiconHit::Kind::actor);
  auto targets = found("Taliban fighters were ambushed", LexiconHit::Kind::target);
  EXPECT_EQ(actors, std::vector<std::string>{"Taliban fighters"});
  EXPECT_EQ(targets, std::vector<std::string>{"Taliban fighters"});
}

TEST(Lexicon, TriggersCarryTypeWeaponAndStrength) {
  const Lexicon& lex = bundled<Lexicon>();
  for (const LexiconHit& h : lex.find("a suicide bomber and ракетный обстрел")) {
    ASSERT_EQ(h.kind == LexiconHit::Kind::trigger || h.kind == LexiconHit::Kind::actor, true);
    if (h.kind != LexiconHit::Kind::trigger) continue;
    const TriggerEntry& t = lex.trigger(h.entry);
    EXPECT_EQ(t.event_type, "Explosions/Remote violence");
    EXPECT_FALSE(t.weapon.empty());
    EXPECT_GE(t.strength, 4);
  }
}

TEST(Lexicon, ABadRowIsAnErrorNamingFileAndLine) {
  auto dir = std::filesystem::temp_directory_path() / "sitrep-lexicon-test";
  std::filesystem::create_directories(dir / "lexicon");
  for (const char* name : {"actors.tsv", "triggers.tsv", "targets.tsv", "cues.tsv"}) {
    std::filesystem::copy_file(std::string(SITREP_SOURCE_DATA_DIR) + "/lexicon/" + name,
                               dir / "lexicon" / name,
                               std::filesystem::copy_options::overwrite_existing);
  }
  std::ofstream(dir / "lexicon" / "cues.tsv", std::ios::app) << "swore\ten\tpromise\n";
  auto loaded = Lexicon::load(dir.string());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().find("cues.tsv:"), std::string::npos) << loaded.error();
  EXPECT_NE(loaded.error().find("unknown cue 'promise'"), std::string::npos) << loaded.error();
  std::filesystem::remove_all(dir);
}

// An analyst adding a row should learn that it is there already: a repeated row changes nothing
// and hides which of the two a later edit should change.
TEST(Lexicon, NoBundledTableRepeatsARow) {
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(SITREP_SOURCE_DATA_DIR) + "/lexicon")) {
    if (entry.path().extension() != ".tsv") continue;
    std::ifstream in(entry.path());
    std::map<std::string, int> first_line;
    std::string row;
    for (int line = 1; std::getline(in, row); ++line) {
      if (row.empty() || row[0] == '#') continue;
      auto [at, added] = first_line.try_emplace(row, line);
      EXPECT_TRUE(added) << entry.path().filename() << ":" << line << " repeats line " << at->second
                         << ": " << row;
    }
  }
}

}  // namespace
}  // namespace sitrep::extract
