#include "sitrep/store/run_ids.hpp"

#include "sitrep/model/stable_hash.hpp"

namespace sitrep::store::detail {

Result<RunIds> RunIds::create(sqlite3* db) {
  auto read_key = Statement::prepare(db, "SELECT dataset, native_id FROM events WHERE id = ?");
  if (!read_key) return std::move(read_key).take_error();
  RunIds ids;
  ids.read_key_ = std::move(read_key).value();
  return ids;
}

uint64_t RunIds::id_hash(const model::Event& event) {
  model::StableHasher hasher;
  hasher.add(event.dataset);
  hasher.add(event.native_id);
  return hasher.value();
}

std::string RunIds::full_key(const model::Event& event) {
  return event.dataset + '\x1f' + event.native_id;
}

Result<bool> RunIds::stored_key_is(int64_t rowid, const model::Event& event) {
  read_key_.bind(1, rowid);
  auto row = read_key_.step();
  if (!row || !*row) {
    read_key_.reset();
    return make_error(row ? "a row written by this import went missing" : row.error());
  }
  bool same =
      read_key_.column_text(0) == event.dataset && read_key_.column_text(1) == event.native_id;
  read_key_.reset();
  return same;
}

const RunIds::Seen* RunIds::HashTable::find(uint64_t hash) const {
  const uint64_t key = stored(hash);
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots_[i].hash == key) return &slots_[i].seen;
    if (slots_[i].hash == 0) return nullptr;
  }
}

std::pair<const RunIds::Seen*, bool> RunIds::HashTable::insert(uint64_t hash, Seen seen) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const uint64_t key = stored(hash);
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots_[i].hash == key) return {&slots_[i].seen, false};
    if (slots_[i].hash == 0) {
      slots_[i] = Slot{key, seen};
      ++size_;
      return {&slots_[i].seen, true};
    }
  }
}

void RunIds::HashTable::grow() {
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slots_.size() * 2));
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.hash == 0) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

Result<std::optional<int64_t>> RunIds::earlier_line(const model::Event& event, uint64_t id_hash) {
  const Seen* found = by_hash_.find(id_hash);
  if (!found) return std::optional<int64_t>();
  auto same = stored_key_is(found->rowid, event);
  if (!same) return std::move(same).take_error();
  if (*same) return std::optional<int64_t>(found->line);
  auto collided = collided_.find(full_key(event));
  if (collided == collided_.end()) return std::optional<int64_t>();
  return std::optional<int64_t>(collided->second.line);
}

void RunIds::add(const model::Event& event, uint64_t id_hash, int64_t line) {
  auto [seen, fresh] = by_hash_.insert(id_hash, Seen{event.id, line});
  if (!fresh && seen->rowid != event.id) collided_.emplace(full_key(event), Seen{event.id, line});
}

}  // namespace sitrep::store::detail
