// The lexicon automaton: whole words, one normal form for case, diacritics and Arabic-script
// variants, overlapping phrases, and offsets into the original text.
#include "sitrep/extract/phrase_matcher.hpp"

#include <gtest/gtest.h>

namespace sitrep::extract {
namespace {

std::vector<std::string> found(const PhraseMatcher& m, std::string_view text,
                               bool longest = false) {
  std::vector<PhraseMatch> matches = m.find(text);
  if (longest) matches = longest_matches(std::move(matches));
  std::vector<std::string> out;
  for (const PhraseMatch& p : matches) {
    out.push_back(std::string(text.substr(p.begin, p.end - p.begin)) + "#" +
                  std::to_string(p.phrase));
  }
  return out;
}

using Found = std::vector<std::string>;

TEST(PhraseMatcher, CaseDiacriticsAndArabicScriptVariantsDoNotMatter) {
  PhraseMatcher m;
  m.add("Taliban", 1);
  m.add("طالبان", 1);
  m.add("کابل", 2);
  m.build();
  EXPECT_EQ(found(m, "TALIBAN fighters and the Tālibān"), Found({"TALIBAN#1", "Tālibān#1"}));
  EXPECT_EQ(found(m, "طالبان در كابل"), Found({"طالبان#1", "كابل#2"}));  // Arabic kaf
  EXPECT_EQ(found(m, "کابل‌ ـ طالبـان"),
            Found({"کابل#2", "طالبـان#1"}));  // ZWNJ, tatweel
}

TEST(PhraseMatcher, APhraseEndingInAStarMatchesTheBeginningOfAWordAndSpansIt) {
  PhraseMatcher m;
  m.add("qo'lga ol*", 1);
  m.add("ab*", 2);  // too short to be a prefix: the star is a letter like any other
  m.build();
  // Uzbek adds its endings to the verb: arrested, had been arrested, they arrested
  EXPECT_EQ(found(m, "besh kishi qo'lga olindi; qo'lga olingan; qo'lga oldi"),
            Found({"qo'lga olindi#1", "qo'lga olingan#1", "qo'lga oldi#1"}));
  EXPECT_EQ(found(m, "qo'lga bolindi, about, abcd"), Found({}));  // not inside a word
  // in Cyrillic, where a short last word would otherwise be kept whole for the stemmer
  PhraseMatcher cyrillic;
  cyrillic.add("қўлга ол*", 1);
  cyrillic.build();
  EXPECT_EQ(found(cyrillic, "беш киши қўлга олинди"), Found({"қўлга олинди#1"}));
  EXPECT_TRUE(prefix_phrase("ушлан*"));
  EXPECT_FALSE(prefix_phrase("ол*"));
}

TEST(PhraseMatcher, UzbekApostrophesAreOneLetterWhicheverIsTyped) {
  PhraseMatcher m;
  m.add("halok bo'ldi", 1);
  m.build();
  // the official "ʻ", typographic quotes and the ASCII apostrophe
  EXPECT_EQ(found(m, "halok boʻldi. halok bo‘ldi. halok bo’ldi. halok bo'ldi."),
            Found({"halok boʻldi#1", "halok bo‘ldi#1", "halok bo’ldi#1", "halok bo'ldi#1"}));
}

TEST(PhraseMatcher, ARussianPhraseMatchesInEveryCaseAndSpansWholeWords) {
  PhraseMatcher m;
  m.add("самодельное взрывное устройство", 1);
  m.add("шииты", 2);
  m.build();
  EXPECT_EQ(found(m, "подорвался на самодельном взрывном устройстве у дороги"),
            Found({"самодельном взрывном устройстве#1"}));
  EXPECT_EQ(found(m, "колонну с шиитами и шиитов"), Found({"шиитами#2", "шиитов#2"}));
  // "й" stays a letter of its own, so that adjectives in -ый and -ом share their stem
  PhraseMatcher adjective;
  adjective.add("северный", 1);
  adjective.build();
  EXPECT_EQ(found(adjective, "в Северном районе"), Found({"Северном#1"}));
  // short words, and words whose stem would be short, stay whole: "боев" (battles) is not
  // Tajik's "бо" (with)
  PhraseMatcher battle;
  battle.add("боев", 1);
  battle.add("бой", 1);
  battle.build();
  EXPECT_EQ(found(battle, "бо гурӯҳи мусаллаҳ, бой и боев"), Found({"бой#1", "боев#1"}));
  // ... and a word kept whole does not meet another's stem, either way: "боевой" (combat-ready)
  // stems to "боев"; "суд" (court) is the stem of "судья" (judge)
  EXPECT_EQ(found(battle, "в полной боевой готовности"), Found({}));
  PhraseMatcher combat;
  combat.add("боевой", 1);
  combat.add("судья", 2);
  combat.build();
  EXPECT_EQ(found(combat, "после тяжелых боев дело передали в суд"), Found({}));
  EXPECT_EQ(found(combat, "боевые машины и судьи"), Found({"боевые#1", "судьи#2"}));
  // stems are of whole Russian words: not of a word that runs on into Latin letters or digits
  EXPECT_EQ(found(m, "шиитыX шииты2"), Found({}));
}

TEST(PhraseMatcher, OnlyWholeWordsMatch) {
  PhraseMatcher m;
  m.add("IS", 1);
  m.add("ied", 2);
  m.build();
  EXPECT_EQ(found(m, "This island is IS-held; an IED, not a bodied one."),
            Found({"is#1", "IS#1", "IED#2"}));
}

TEST(PhraseMatcher, OverlappingPhrasesAreAllFoundAndTheLongestCanBeKept) {
  PhraseMatcher m;
  m.add("Islamic State", 1);
  m.add("Islamic State Khorasan Province", 2);
  m.add("Khorasan", 3);
  m.build();
  std::string text = "Claimed by Islamic State Khorasan Province.";
  EXPECT_EQ(found(m, text),
            Found({"Islamic State Khorasan Province#2", "Islamic State#1", "Khorasan#3"}));
  EXPECT_EQ(found(m, text, true), Found({"Islamic State Khorasan Province#2"}));
}

TEST(PhraseMatcher, OffsetsPointIntoTheOriginalText) {
  PhraseMatcher m;
  m.add("rocket", 7);
  m.build();
  std::string text = "Мазари-Шариф: ROCKET fire";  // multi-byte letters before the match
  auto matches = m.find(text);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(text.substr(matches[0].begin, matches[0].end - matches[0].begin), "ROCKET");
}

TEST(PhraseMatcher, AManyPhraseLexiconFindsEachOfItsPhrases) {
  PhraseMatcher m;
  std::vector<std::string> phrases;
  for (int i = 0; i < 2000; ++i) phrases.push_back("word" + std::to_string(i * 7919 % 100000));
  for (size_t i = 0; i < phrases.size(); ++i) m.add(phrases[i], static_cast<uint32_t>(i));
  m.build();
  std::string text;
  for (size_t i = 0; i < phrases.size(); i += 3) text += phrases[i] + " and ";
  auto matches = m.find(text);
  ASSERT_EQ(matches.size(), (phrases.size() + 2) / 3);
  for (size_t k = 0; k < matches.size(); ++k) EXPECT_EQ(matches[k].phrase, k * 3);
}

TEST(PhraseMatcher, NothingMatchesInAnEmptyTextOrWithAnEmptyLexicon) {
  PhraseMatcher empty;
  empty.build();
  EXPECT_TRUE(empty.find("anything").empty());
  PhraseMatcher m;
  m.add("x", 1);
  m.build();
  EXPECT_TRUE(m.find("").empty());
}

}  // namespace
}  // namespace sitrep::extract
