// The extraction lexicon: every phrase that says who, what, against whom, with what, and who
// claimed or denied it, in every supported language — data an analyst edits, not code:
//
//   data/lexicon/actors.tsv    group and force names → an actor data/actors.tsv knows
//   data/lexicon/triggers.tsv  "suicide bomber", "ракетный обстрел", "حمله" → event type, weapon
//   data/lexicon/targets.tsv   "governor", "Shia mosque", "مکتب" → target type, level, minority
//   data/lexicon/cues.tsv      "claimed responsibility", "denied", "allegedly", "fired from"
//
// All four go into one automaton (PhraseMatcher), so a passage is read in one pass whatever the
// lexicon's size. A phrase may sit in several tables ("Taliban fighters" is an actor and a
// target); a hit keeps every entry of its span.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/extract/phrase_matcher.hpp"
#include "sitrep/result.hpp"

namespace sitrep::extract {

struct ActorEntry {
  std::string actor;  // a name data/actors.tsv resolves (canonical or alias)
  enum class Role : uint8_t { actor, unidentified, government_seat } role = Role::actor;
  bool exact_case = false;  // "IS", not "is"
};

struct TriggerEntry {
  std::string event_type;  // ACLED's, or "by-target"
  std::string sub_event_type;
  std::string weapon;  // data/weapons.tsv code, or empty
  int strength = 0;
};

struct TargetEntry {
  std::string target;    // data/targets.tsv code
  std::string level;     // national, provincial, district, or empty
  std::string minority;  // the community named, or empty
  int strength = 0;
};

enum class Cue : uint8_t {
  claim,
  claim_verb,
  no_claim,
  deny,
  hedge,
  suspect,
  fire_verb,
  origin,
  destination,
  speech,
  attribution,
  separate,
  not_event,
  off_topic,
  reference,
  seizure,
  background,
  all_events,
  feature_word,
  defend,
  origin_abroad,
  not_claim,
  same_day,
  refers_back,
  negation,
  genitive,
  agent,
  period,
  more,
  also,
  toward,
};

// One phrase found in a text: its span and what it is.
struct LexiconHit {
  enum class Kind : uint8_t { actor, trigger, target, cue } kind = Kind::cue;
  uint32_t entry = 0;  // index into the kind's entries
  size_t begin = 0, end = 0;
  std::string_view language;
};

class Lexicon {
 public:
  // Reads the four tables under <data_dir>/lexicon/; a bad row is an error naming file and line.
  static Result<Lexicon> load(const std::string& data_dir);

  // Every hit in the text, by position. Of overlapping phrases the leftmost wins, the longest
  // of those starting there; every entry with exactly that span is kept (one hit each).
  std::vector<LexiconHit> find(std::string_view text) const;
  std::vector<LexiconHit> find(std::string_view text, const NormalText& normal) const;

  const ActorEntry& actor(uint32_t i) const { return actors_[i]; }
  const TriggerEntry& trigger(uint32_t i) const { return triggers_[i]; }
  const TargetEntry& target(uint32_t i) const { return targets_[i]; }
  Cue cue(uint32_t i) const { return cues_[i]; }
  // The value column of a cue ("AF" for "from Afghan territory"); empty when none.
  const std::string& cue_value(uint32_t i) const { return cue_values_[i]; }

  // Languages with event words (triggers): others yield places and actors only.
  const std::vector<std::string>& event_languages() const { return event_languages_; }
  size_t phrase_count() const { return matcher_.phrase_count(); }

 private:
  struct Phrase {
    LexiconHit::Kind kind;
    uint32_t entry;
    std::string language;
    std::string exact;  // for exact-case actors: the letters the text must have
  };
  std::vector<ActorEntry> actors_;
  std::vector<TriggerEntry> triggers_;
  std::vector<TargetEntry> targets_;
  std::vector<Cue> cues_;
  std::vector<std::string> cue_values_;
  std::vector<Phrase> phrases_;  // by matcher id
  std::vector<std::string> event_languages_;
  PhraseMatcher matcher_;
};

std::string_view to_string(Cue cue);

}  // namespace sitrep::extract
