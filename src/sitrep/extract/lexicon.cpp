#include "sitrep/extract/lexicon.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include <fmt/format.h>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::extract {
namespace {

constexpr std::pair<Cue, std::string_view> kCueNames[] = {
    {Cue::claim, "claim"},
    {Cue::claim_verb, "claim-verb"},
    {Cue::no_claim, "no-claim"},
    {Cue::deny, "deny"},
    {Cue::hedge, "hedge"},
    {Cue::suspect, "suspect"},
    {Cue::fire_verb, "fire-verb"},
    {Cue::origin, "origin"},
    {Cue::destination, "destination"},
    {Cue::speech, "speech"},
    {Cue::attribution, "attribution"},
    {Cue::not_event, "not-event"},
    {Cue::off_topic, "off-topic"},
    {Cue::reference, "reference"},
    {Cue::seizure, "seizure"},
    {Cue::background, "background"},
    {Cue::all_events, "all-events"},
    {Cue::feature_word, "feature-word"},
    {Cue::defend, "defend"},
    {Cue::origin_abroad, "origin-abroad"},
    {Cue::separate, "separate"},
    {Cue::not_claim, "not-claim"},
    {Cue::same_day, "same-day"},
    {Cue::refers_back, "refers-back"},
    {Cue::negation, "negation"},
    {Cue::genitive, "genitive"},
    {Cue::agent, "agent"},
    {Cue::period, "period"},
    {Cue::more, "more"},
    {Cue::also, "also"},
    {Cue::toward, "toward"},
};

Result<int> parse_strength(const model::TsvTable& table, const model::TsvRow& row,
                           const std::string& text) {
  if (text.size() == 1 && text[0] >= '0' && text[0] <= '9') return text[0] - '0';
  return make_error(table.where(row) + ": strength must be a digit, not '" + text + "'");
}

// Reads one table, calling add(row, cell) for each row; `cell(name)` is the named column.
template <typename F>
Status read_table(const std::string& path, const std::vector<std::string_view>& columns, F&& add) {
  auto table = model::read_tsv(path, columns);
  if (!table) return make_error(table.error());
  for (const model::TsvRow& row : table->rows) {
    auto cell = [&](std::string_view name) -> const std::string& {
      return row.cells[static_cast<size_t>(table->column(name))];
    };
    if (cell(columns[0]).empty()) {
      return make_error(table->where(row) + ": the " + std::string(columns[0]) + " is empty");
    }
    const std::string& phrase = cell(columns[0]);
    if (phrase.ends_with('*') && !prefix_phrase(phrase)) {
      return make_error(
          fmt::format("{}: '{}' ends in a star but has fewer than {} letters before it",
                      table->where(row), phrase, kPrefixLetters));
    }
    if (Status s = add(*table, row, cell); !s) return s;
  }
  return Status::success();
}

}  // namespace

std::string_view to_string(Cue cue) {
  for (const auto& [c, name] : kCueNames) {
    if (c == cue) return name;
  }
  return "?";
}

Result<Lexicon> Lexicon::load(const std::string& data_dir) {
  Lexicon lex;
  const std::string dir = data_dir + "/lexicon/";
  // Rows that read the same once normalised (Russian case forms share a stem: "Талибана",
  // "Талибаном") and say the same (`meaning`) are one phrase, so a word gives one hit.
  std::unordered_set<std::string> seen;
  auto add_phrase = [&](const std::string& text, LexiconHit::Kind kind, uint32_t entry,
                        const std::string& language, bool exact, const std::string& meaning) {
    std::string key = fmt::format("{}\t{}\t{}\t{}", static_cast<int>(kind),
                                  exact ? text : normalize_for_matching(text).text, meaning, exact);
    if (!seen.insert(std::move(key)).second) return;
    auto id = static_cast<uint32_t>(lex.phrases_.size());
    lex.phrases_.push_back({kind, entry, language, exact ? text : std::string()});
    lex.matcher_.add(text, id);
  };

  Status s = read_table(
      dir + "actors.tsv", {"alias", "actor", "language", "match", "role"},
      [&](const model::TsvTable& t, const model::TsvRow& row, auto cell) -> Status {
        ActorEntry e{cell("actor"), ActorEntry::Role::actor, cell("match") == "case"};
        const std::string& role = cell("role");
        if (role == "unidentified") {
          e.role = ActorEntry::Role::unidentified;
        } else if (role == "government-seat") {
          e.role = ActorEntry::Role::government_seat;
        } else if (role != "actor" && !role.empty()) {
          return make_error(t.where(row) + ": role must be actor, unidentified or government-seat");
        }
        if (cell("match") != "word" && cell("match") != "case") {
          return make_error(t.where(row) + ": match must be word or case");
        }
        add_phrase(cell("alias"), LexiconHit::Kind::actor,
                   static_cast<uint32_t>(lex.actors_.size()), cell("language"), e.exact_case,
                   cell("actor") + "\t" + role);
        lex.actors_.push_back(std::move(e));
        return Status::success();
      });
  if (!s) return make_error(s.error());

  s = read_table(dir + "triggers.tsv",
                 {"phrase", "language", "event_type", "sub_event_type", "weapon", "strength"},
                 [&](const model::TsvTable& t, const model::TsvRow& row, auto cell) -> Status {
                   auto strength = parse_strength(t, row, cell("strength"));
                   if (!strength) return make_error(strength.error());
                   if (cell("event_type").empty()) {
                     return make_error(t.where(row) + ": event_type is empty");
                   }
                   add_phrase(cell("phrase"), LexiconHit::Kind::trigger,
                              static_cast<uint32_t>(lex.triggers_.size()), cell("language"), false,
                              cell("event_type") + "\t" + cell("sub_event_type") + "\t" +
                                  cell("weapon") + "\t" + cell("strength"));
                   lex.triggers_.push_back(
                       {cell("event_type"), cell("sub_event_type"), cell("weapon"), *strength});
                   const std::string& language = cell("language");
                   if (std::find(lex.event_languages_.begin(), lex.event_languages_.end(),
                                 language) == lex.event_languages_.end()) {
                     lex.event_languages_.push_back(language);
                   }
                   return Status::success();
                 });
  if (!s) return make_error(s.error());

  s = read_table(
      dir + "targets.tsv", {"phrase", "language", "target", "level", "minority", "strength"},
      [&](const model::TsvTable& t, const model::TsvRow& row, auto cell) -> Status {
        auto strength = parse_strength(t, row, cell("strength"));
        if (!strength) return make_error(strength.error());
        const std::string& level = cell("level");
        if (!level.empty() && level != "national" && level != "provincial" && level != "district") {
          return make_error(t.where(row) +
                            ": level must be national, provincial, district or empty");
        }
        add_phrase(
            cell("phrase"), LexiconHit::Kind::target, static_cast<uint32_t>(lex.targets_.size()),
            cell("language"), false,
            cell("target") + "\t" + level + "\t" + cell("minority") + "\t" + cell("strength"));
        lex.targets_.push_back({cell("target"), level, cell("minority"), *strength});
        return Status::success();
      });
  if (!s) return make_error(s.error());

  s = read_table(
      dir + "cues.tsv", {"phrase", "language", "cue", "value"},
      [&](const model::TsvTable& t, const model::TsvRow& row, auto cell) -> Status {
        const std::string& name = cell("cue");
        const auto* found = std::find_if(std::begin(kCueNames), std::end(kCueNames),
                                         [&](const auto& c) { return c.second == name; });
        if (found == std::end(kCueNames)) {
          return make_error(t.where(row) + ": unknown cue '" + name + "'");
        }
        add_phrase(cell("phrase"), LexiconHit::Kind::cue, static_cast<uint32_t>(lex.cues_.size()),
                   cell("language"), false, name + "\t" + cell("value"));
        lex.cues_.push_back(found->first);
        lex.cue_values_.push_back(cell("value"));
        return Status::success();
      });
  if (!s) return make_error(s.error());
  lex.matcher_.build();
  return lex;
}

std::vector<LexiconHit> Lexicon::find(std::string_view text) const {
  return find(text, normalize_for_matching(text));
}

std::vector<LexiconHit> Lexicon::find(std::string_view text, const NormalText& normal) const {
  std::vector<PhraseMatch> all = matcher_.find(text, normal);
  // Exact-case actors ("IS") must have the phrase's own letters.
  std::erase_if(all, [&](const PhraseMatch& m) {
    const Phrase& p = phrases_[m.phrase];
    return !p.exact.empty() && text.substr(m.begin, m.end - m.begin) != p.exact;
  });
  // Leftmost-longest, as a tokenizer reads: the earliest phrase wins, the longest of those that
  // start there, and the next phrase starts after it ("no group has claimed | responsibility",
  // not "no group has | claimed responsibility"). Other entries of exactly that span stay.
  std::sort(all.begin(), all.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  // A country fire came from is read inside a longer phrase too: "fired from | Afghan
  // territory" keeps "from Afghan territory" (origin-abroad) beside the fire verb "fired from".
  auto overlay = [&](const PhraseMatch& m) {
    const Phrase& p = phrases_[m.phrase];
    return p.kind == LexiconHit::Kind::cue && cues_[p.entry] == Cue::origin_abroad;
  };
  std::vector<PhraseMatch> kept;
  size_t free_from = 0, kept_begin = 0, kept_end = 0;
  for (const PhraseMatch& m : all) {
    bool same = !kept.empty() && m.begin == kept_begin && m.end == kept_end;
    if (same || m.begin >= free_from) {
      kept.push_back(m);
      kept_begin = m.begin;
      kept_end = m.end;
      free_from = m.end;
    } else if (overlay(m) && m.end > free_from) {
      kept.push_back(m);  // still in start order: it starts after the kept one before it
    }
  }
  std::vector<LexiconHit> hits;
  hits.reserve(kept.size());
  for (const PhraseMatch& m : kept) {
    const Phrase& p = phrases_[m.phrase];
    bool duplicate = !hits.empty() && hits.back().begin == m.begin && hits.back().end == m.end &&
                     hits.back().kind == p.kind && hits.back().entry == p.entry;
    if (!duplicate) hits.push_back({p.kind, p.entry, m.begin, m.end, p.language});
  }
  return hits;
}

}  // namespace sitrep::extract
