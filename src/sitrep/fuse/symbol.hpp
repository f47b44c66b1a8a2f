// An interned string: four bytes standing for a text kept once for the life of the process.
//
// A fusion run holds every record it reads, a million or ten, and their strings repeat: a few
// countries, a few hundred provinces, actors, outlets, event types, and rare words each shared
// by a handful of reports. Held as std::string, they made a record about a kilobyte; as symbols,
// each text is stored once, a record holds four bytes per field, and two fields compare as two
// integers. Interning is thread-safe; reading a symbol's text never locks: a thread holding a
// symbol got it from interning (under the table's lock) or from another thread through some
// synchronisation, so the text's entry was written before it looks.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace sitrep::fuse {

class Symbol {
 public:
  Symbol() = default;  // the empty text
  // Implicit: records are filled from the strings the store and the generator give.
  Symbol(std::string_view text);  // NOLINT(google-explicit-constructor)
  Symbol(const std::string& text) : Symbol(std::string_view(text)) {}  // NOLINT
  Symbol(const char* text) : Symbol(std::string_view(text)) {}         // NOLINT

  // Interns every text of `texts` under one hold of the table's lock, appending their symbols
  // to `out` in order: a record's words cost one lock, not one each.
  static void intern_all(const std::vector<std::string_view>& texts, std::vector<Symbol>& out);

  std::string_view view() const;
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  std::string str() const { return std::string(view()); }
  bool empty() const { return id_ == 0; }
  void clear() { id_ = 0; }
  size_t size() const { return view().size(); }
  // Numbers in the order texts were first interned: a stable key within one process, not an
  // order of the texts.
  uint32_t id() const { return id_; }

  friend bool operator==(Symbol a, Symbol b) { return a.id_ == b.id_; }
  friend bool operator==(Symbol a, std::string_view b) { return a.view() == b; }
  friend bool operator==(Symbol a, const char* b) { return a.view() == b; }
  friend bool operator==(Symbol a, const std::string& b) { return a.view() == b; }
  // By text, so that anything sorted by symbols comes out the same in every run.
  friend bool operator<(Symbol a, Symbol b) { return a.id_ != b.id_ && a.view() < b.view(); }

 private:
  uint32_t id_ = 0;
};

inline std::ostream& operator<<(std::ostream& out, Symbol s) {
  return out << s.view();
}

inline std::string operator+(const std::string& a, Symbol b) {
  return a + std::string(b.view());
}

}  // namespace sitrep::fuse

template <>
struct fmt::formatter<sitrep::fuse::Symbol> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(sitrep::fuse::Symbol s, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(s.view(), ctx);
  }
};
