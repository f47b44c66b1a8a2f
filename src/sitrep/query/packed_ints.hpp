// A column of integers stored in the narrowest of 1, 2 or 4 bytes that holds every value.
//
// Each value is kept as an unsigned offset from a base (frame-of-reference encoding): day
// numbers from the first day, codes from 0. Scans are templated on the element type through
// `visit`, so the compiler emits one tight (and vectorisable) loop per width.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sitrep::query {

struct PackedInts {
  const void* data = nullptr;
  size_t size = 0;
  uint32_t width = 1;  // bytes per value: 1, 2 or 4
  int64_t base = 0;    // value = base + stored

  // Calls f(const T* values) with T = uint8_t, uint16_t or uint32_t.
  template <typename F>
  decltype(auto) visit(F&& f) const {
    switch (width) {
      case 1:
        return f(static_cast<const uint8_t*>(data));
      case 2:
        return f(static_cast<const uint16_t*>(data));
      default:
        return f(static_cast<const uint32_t*>(data));
    }
  }

  uint32_t stored(size_t row) const {
    return visit([row](const auto* v) { return static_cast<uint32_t>(v[row]); });
  }
  int64_t value(size_t row) const { return base + stored(row); }
  size_t bytes() const { return size * width; }

  // The width that holds stored values up to `max_stored`.
  static uint32_t width_for(uint64_t max_stored) {
    return max_stored <= 0xFF ? 1 : max_stored <= 0xFFFF ? 2 : 4;
  }
};

}  // namespace sitrep::query
