// Column chunks (detail/column_chunk.hpp): encoding a part into layout 1 and back.
#include "sitrep/query/detail/column_chunk.hpp"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <optional>
#include <span>

#include <fmt/format.h>

namespace sitrep::query::detail {
namespace {

static_assert(std::endian::native == std::endian::little,
              "column chunks store values little-endian, copied as they lie in memory");

class ChunkWriter {
 public:
  template <typename T>
  void put(T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out_.append(bytes, sizeof(T));
  }
  void put_string(const std::string& s) {
    put(static_cast<uint32_t>(s.size()));
    out_ += s;
  }
  // `values` less their base, at the narrowest width that holds them; with `null`, that value
  // is NULL (stored 0) and the others are stored one more than their offset.
  template <typename T>
  void put_column(std::span<const T> values, std::optional<T> null = std::nullopt) {
    std::optional<int64_t> lo, hi;
    for (T v : values) {
      if (null && v == *null) continue;
      lo = std::min<int64_t>(lo.value_or(v), v);
      hi = std::max<int64_t>(hi.value_or(v), v);
    }
    const int64_t base = lo.value_or(0);
    const uint64_t shift = null ? 1 : 0;
    const uint64_t top = lo ? static_cast<uint64_t>(*hi) - static_cast<uint64_t>(base) + shift : 0;
    const uint8_t width = top == 0            ? 0
                          : top <= 0xFF       ? 1
                          : top <= 0xFFFF     ? 2
                          : top <= 0xFFFFFFFF ? 4
                                              : 8;
    put(base);
    put(width);
    for (T v : values) {
      uint64_t stored = null && v == *null ? 0
                                           : static_cast<uint64_t>(int64_t{v}) -
                                                 static_cast<uint64_t>(base) + shift;
      char bytes[8];
      std::memcpy(bytes, &stored, 8);  // little-endian: the low `width` bytes
      out_.append(bytes, width);
    }
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class ChunkReader {
 public:
  explicit ChunkReader(std::string_view blob) : in_(blob) {}

  template <typename T>
  bool get(T& value) {
    if (in_.size() - at_ < sizeof(T)) return false;
    std::memcpy(&value, in_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  bool get_string(std::string_view& s) {
    uint32_t size = 0;
    if (!get(size) || in_.size() - at_ < size) return false;
    s = in_.substr(at_, size);
    at_ += size;
    return true;
  }
  template <typename T>
  bool get_column(std::vector<T>& out, size_t n, std::optional<T> null = std::nullopt) {
    int64_t base = 0;
    uint8_t width = 0;
    if (!get(base) || !get(width)) return false;
    if (width != 0 && width != 1 && width != 2 && width != 4 && width != 8) return false;
    if ((in_.size() - at_) / std::max<size_t>(width, 1) < (width ? n : 0)) return false;
    out.resize(n);
    const char* from = in_.data() + at_;
    at_ += width * n;
    // One loop per width, so each is a plain typed load the compiler can unroll.
    switch (width) {
      case 0:
        return unpack<uint8_t, 0>(from, n, base, null, out);
      case 1:
        return unpack<uint8_t, 1>(from, n, base, null, out);
      case 2:
        return unpack<uint16_t, 2>(from, n, base, null, out);
      case 4:
        return unpack<uint32_t, 4>(from, n, base, null, out);
      default:
        return unpack<uint64_t, 8>(from, n, base, null, out);
    }
  }
  bool at_end() const { return at_ == in_.size(); }

  template <typename Stored, size_t kWidth, typename T>
  static bool unpack(const char* from, size_t n, int64_t base, std::optional<T> null,
                     std::vector<T>& out) {
    const uint64_t shift = null ? 1 : 0;
    const T null_value = null.value_or(T{});
    for (size_t i = 0; i < n; ++i) {
      Stored stored = 0;
      if constexpr (kWidth > 0) std::memcpy(&stored, from + i * kWidth, kWidth);
      const auto value = static_cast<T>(
          static_cast<int64_t>(static_cast<uint64_t>(base) + uint64_t{stored} - shift));
      out[i] = null && stored == 0 ? null_value : value;
    }
    return true;
  }
  // Whether `count` entries of `bytes` each can still be read (checked before sizing a vector).
  bool holds(uint32_t count, size_t bytes) const { return (in_.size() - at_) / bytes >= count; }

 private:
  std::string_view in_;
  size_t at_ = 0;
};

}  // namespace

std::string encode_chunk(const Part& part) {
  const RawEvents& raw = part.raw;
  ChunkWriter out;
  out.put(static_cast<uint32_t>(raw.id.size()));
  for (const Interner& interner : part.interners) {
    out.put(static_cast<uint32_t>(interner.size()));
    for (uint32_t code = 1; code <= interner.size(); ++code) out.put_string(interner.value(code));
  }
  out.put_column<int64_t>(raw.id);
  out.put_column<int32_t>(raw.day);
  out.put_column<int32_t>(raw.latitude, kNoCoordinate);
  out.put_column<int32_t>(raw.longitude, kNoCoordinate);
  for (const auto* f : {&raw.fatalities, &raw.fatalities_low, &raw.fatalities_high}) {
    out.put_column<int64_t>(*f, kNoFatalities);
  }
  for (const std::vector<uint32_t>& codes : raw.codes) out.put_column<uint32_t>(codes);
  out.put(static_cast<uint32_t>(raw.exact.size()));
  for (const ExactCoordinate& e : raw.exact) {
    out.put(e.row);
    out.put(e.latitude);
    out.put(e.longitude);
  }
  for (const auto* assoc : {&raw.assoc1, &raw.assoc2}) {
    out.put(static_cast<uint32_t>(assoc->size()));
    for (const AssociatedActor& a : *assoc) {
      out.put(a.row);
      out.put(a.actor);
    }
  }
  std::string blob = out.take();
  const uint64_t checksum = XXH3_64bits(blob.data(), blob.size());
  blob.append(reinterpret_cast<const char*>(&checksum), sizeof checksum);
  return blob;
}

namespace {

// Whether every code of `codes` names a value of `interner` (or is 0).
bool codes_within(const std::vector<uint32_t>& codes, const Interner& interner) {
  return std::all_of(codes.begin(), codes.end(), [&](uint32_t c) { return c <= interner.size(); });
}

}  // namespace

Result<Part> decode_chunk(std::string_view blob) {
  auto corrupt = [](std::string_view what) {
    return make_error(fmt::format("a column chunk is corrupt ({})", what));
  };
  if (blob.size() < sizeof(uint64_t)) return corrupt("too short");
  uint64_t checksum = 0;
  std::memcpy(&checksum, blob.data() + blob.size() - sizeof checksum, sizeof checksum);
  blob.remove_suffix(sizeof checksum);
  if (XXH3_64bits(blob.data(), blob.size()) != checksum) return corrupt("checksum mismatch");
  ChunkReader in(blob);
  Part part;
  RawEvents& raw = part.raw;
  uint32_t n = 0;
  if (!in.get(n) || n > kChunkEvents) return corrupt("event count");
  for (Interner& interner : part.interners) {
    uint32_t values = 0;
    if (!in.get(values)) return corrupt("dictionary size");
    for (uint32_t i = 0; i < values; ++i) {
      std::string_view value;
      if (!in.get_string(value)) return corrupt("dictionary value");
      auto code = interner.code(reinterpret_cast<const unsigned char*>(value.data()),
                                static_cast<int>(value.size()));
      if (code != i + 1) return corrupt("repeated dictionary value");
    }
  }
  bool ok = in.get_column<int64_t>(raw.id, n) && in.get_column<int32_t>(raw.day, n) &&
            in.get_column<int32_t>(raw.latitude, n, kNoCoordinate) &&
            in.get_column<int32_t>(raw.longitude, n, kNoCoordinate);
  for (auto* f : {&raw.fatalities, &raw.fatalities_low, &raw.fatalities_high}) {
    ok = ok && in.get_column<int64_t>(*f, n, kNoFatalities);
  }
  for (size_t f = 0; ok && f < raw.codes.size(); ++f) {
    ok = in.get_column<uint32_t>(raw.codes[f], n) &&
         codes_within(raw.codes[f], part.interners[static_cast<size_t>(kStringFields[f].category)]);
  }
  if (!ok) return corrupt("columns");
  uint32_t count = 0;
  if (!in.get(count) || count > n || !in.holds(count, 20)) return corrupt("exact coordinates");
  raw.exact.resize(count);
  for (ExactCoordinate& e : raw.exact) {
    if (!in.get(e.row) || !in.get(e.latitude) || !in.get(e.longitude) || e.row >= n) {
      return corrupt("exact coordinates");
    }
  }
  const Interner& actors = part.interners[static_cast<size_t>(Category::actor)];
  for (auto* assoc : {&raw.assoc1, &raw.assoc2}) {
    if (!in.get(count) || !in.holds(count, 8)) return corrupt("associated actors");
    assoc->resize(count);
    for (AssociatedActor& a : *assoc) {
      if (!in.get(a.row) || !in.get(a.actor) || a.row >= n || a.actor == 0 ||
          a.actor > actors.size()) {
        return corrupt("associated actors");
      }
    }
  }
  if (!in.at_end()) return corrupt("trailing bytes");
  for (size_t i = 1; i < n; ++i) {
    if (raw.id[i] != raw.id[i - 1] + 1) return corrupt("ids not consecutive");
  }
  return part;
}

}  // namespace sitrep::query::detail
