// Binding an event's content columns into a statement, and reading an event back from a row.
// The order is schema.cpp's event_content_columns().
#pragma once

#include "sitrep/model/event.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::store::detail {

// Binds the content columns at parameters first, first+1, ...; returns the next free index.
// The event's strings are bound without a copy: keep `event` alive until the step is done.
int bind_content(Statement& stmt, int first, const model::Event& event);

// Reads the content columns starting at result column `first`; returns the next column.
int read_content(const Statement& stmt, int first, model::Event& event);

// "; "-joined actor names, and back.
std::string join_names(const std::vector<model::ActorRef>& actors, bool canonical);
std::vector<model::ActorRef> split_names(std::string_view canonical, std::string_view original);

}  // namespace sitrep::store::detail
