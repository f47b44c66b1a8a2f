#include "context.hpp"

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

namespace sitrep::cli {

std::string resolve_db_path(const GlobalOptions& options) {
  if (!options.db.empty()) return options.db;
  if (const char* env = std::getenv("SITREP_DB"); env && *env) return env;
  return "sitrep.db";
}

Result<Context> open_context(const GlobalOptions& options) {
  Context context;
  context.db_path = resolve_db_path(options);
  auto vocabulary = model::Vocabulary::load(model::find_data_dir(options.data_dir));
  if (!vocabulary) return make_error(vocabulary.error());
  context.vocabulary = std::move(vocabulary).value();
  auto store = store::SqliteStore::open(context.db_path);
  if (!store) return make_error(store.error());
  context.store = std::move(store).value();
  return context;
}

void announce_text_index_build(Context& context, const store::SqlCondition& where) {
  if (!where.uses_text_index) return;
  auto current = context.store->text_index_is_current();
  if (current && !*current) {
    std::cerr << "Building the full-text index over the notes (once, after a bulk import)…\n";
  }
}

std::string thousands(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

}  // namespace sitrep::cli
