// What kind of source a report comes from: a news organisation, an official (a government,
// army or ministry), a militant group's claim channel, or its propaganda (magazines, media
// foundations) — and, for the last two, which group it speaks for.
//
// Known outlets are data (data/lexicon/outlets.tsv: names in every script and web domains).
// A document is matched on its source field and its title, by name (PhraseMatcher: whole words,
// any case, diacritics and Arabic-script variants), and on its URL's host. An unknown source is
// "unknown", not a guess.
#pragma once

#include <string>
#include <vector>

#include "sitrep/extract/document.hpp"
#include "sitrep/extract/phrase_matcher.hpp"
#include "sitrep/result.hpp"

namespace sitrep::extract {

struct SourceKind {
  std::string kind = "unknown";  // news, official, claim, propaganda, unknown
  std::string outlet;            // the outlet's name in the lexicon
  std::string actor;             // the group it speaks for (claim, propaganda)
};

class SourceClassifier {
 public:
  static Result<SourceClassifier> load(const std::string& data_dir);
  SourceKind classify(const Document& document) const;

 private:
  struct Outlet {
    std::string name, kind, actor;
    std::vector<std::string> domains;
  };
  std::vector<Outlet> outlets_;
  PhraseMatcher names_;
};

// The host of a URL, lower-cased, without "www." ("https://www.Reuters.com/x" → reuters.com).
std::string url_host(std::string_view url);

}  // namespace sitrep::extract
