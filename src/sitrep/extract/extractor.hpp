// The extractor: a report in, its events out — who did what to whom, where, when, with what,
// and who claimed or denied it, each field with the words it was read from.
//
//   Extractor x = *Extractor::load(data_dir, gazetteer);
//   ReportExtraction r = x.extract(document);
//
// How a report is read (everything linguistic is data in data/lexicon/):
//   1. The text is the title, a blank line and the body; offsets in the result point into it
//      (Document::full_text).
//   2. One pass of the lexicon automaton finds actors, event words (triggers), targets and cues;
//      one pass over the gazetteer's names finds places; dates and casualty counts are read
//      against the publication date.
//   3. Sentences with an event word start a mention, unless they tell more of the current one
//      (same places, same date, no "in a separate attack"); sentences without one add what they
//      say (a claim, a denial, a toll) to the current mention.
//   4. Each mention's fields come from its sentences: the strongest event word names the type
//      ("by-target" attacks are classed by whom they struck, as ACLED does); the actor before the
//      event word, after "by", or claiming it is the perpetrator, never one that only speaks or
//      denies; "from" a place with a fire verb marks the origin, and an origin in another country
//      makes the event cross-border.
// Nothing is guessed: a field the text does not give stays empty, and `not_understood` says
// what the extractor could not read (a language without event words, a place not found).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sitrep/extract/casualties.hpp"
#include "sitrep/extract/date_phrases.hpp"
#include "sitrep/extract/document.hpp"
#include "sitrep/extract/language.hpp"
#include "sitrep/extract/lexicon.hpp"
#include "sitrep/extract/mention.hpp"
#include "sitrep/extract/place_finder.hpp"
#include "sitrep/extract/source_kind.hpp"
#include "sitrep/extract/word_table.hpp"
#include "sitrep/geo/geocoder.hpp"
#include "sitrep/model/actor_registry.hpp"

namespace sitrep::extract {

struct ReportExtraction {
  std::string text;  // the full text the offsets point into (title, blank line, body)
  LanguageGuess language;
  SourceKind source;
  std::vector<Mention> mentions;
  // Every place and actor the report names, each once, whether or not an event was read: what a
  // report in a language read only in part still gives (an Uzbek arrest report with no event
  // word sitrep knows still names Tashkent and the Islamic State).
  std::vector<PlaceMention> places;
  std::vector<ActorMention> actors;
  std::vector<std::string> not_understood;
};

// The text extraction reads: the title, a blank line, then the body (just the body if untitled).
std::string full_text(const Document& document);

struct ExtractorOptions {
  // ISO2 of the country the reports are about when a report names no place that says so: actor
  // names are resolved there ("IS" in an Afghan feed is IS-KP). Empty: no country.
  std::string country;
};

class Extractor {
 public:
  // Loads the lexicons under <data_dir>/lexicon/, data/actors.tsv, and the gazetteer's names.
  static Result<Extractor> load(const std::string& data_dir,
                                std::shared_ptr<const geo::Gazetteer> gazetteer,
                                ExtractorOptions options = {});

  // Not thread-safe (the geocoder remembers answers): one Extractor per thread.
  ReportExtraction extract(const Document& document) const;

  // A copy for another thread: it shares the lexicon, the readers and the gazetteer, which are
  // read-only, and has a geocoder of its own (starting with what this one remembers). Its
  // answers are this one's: a geocoder's memory only saves work.
  Extractor for_another_thread() const;

  const Lexicon& lexicon() const { return *lexicon_; }
  const geo::Gazetteer& gazetteer() const { return geocoder_->gazetteer(); }

  struct Parts;  // the readers it combines (extractor.cpp)

 private:
  std::shared_ptr<const Parts> parts_;
  std::shared_ptr<const Lexicon> lexicon_;
  std::shared_ptr<geo::Geocoder> geocoder_;
  ExtractorOptions options_;
};

}  // namespace sitrep::extract
