#include "sitrep/fuse/pair_comparison.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sitrep/fuse/fuser.hpp"
#include "sitrep/fuse/record_loader.hpp"

namespace sitrep::fuse {
namespace {

const FusionRecord* find(const std::vector<FusionRecord>& records, RecordRef ref) {
  auto it = std::find_if(records.begin(), records.end(),
                         [&](const FusionRecord& r) { return r.ref() == ref; });
  return it == records.end() ? nullptr : &*it;
}

}  // namespace

Result<PairComparison> compare_stored(store::SqliteStore& store, const FusionData& data,
                                      RecordRef a, RecordRef b) {
  if (a == b) return make_error(fmt::format("{} is compared with itself", to_string(a)));
  std::vector<FusionRecord> pair;
  if (Status s = load_records(store, data.words, std::vector<RecordRef>{a, b}, pair); !s) {
    return make_error(s.error());
  }
  for (RecordRef ref : {a, b}) {
    if (!find(pair, ref)) {
      return make_error(fmt::format(
          "no {} in the store that fusion can read ({})", to_string(ref),
          ref.from_text ? "a mention without a date is not fused" : "sitrep events lists them"));
    }
  }
  // The records the words are weighed among: the whole store's, or those of the weeks around.
  auto total = store_record_count(store);
  if (!total) return make_error(total.error());
  std::optional<DayWindow> window;
  if (*total > static_cast<int64_t>(kWholeStoreRecords)) {
    constexpr int kDaysAround = 28;
    window = DayWindow{std::min(pair[0].date.start, pair[1].date.start) - kDaysAround,
                       std::max(pair[0].date.end, pair[1].date.end) + kDaysAround};
  }
  std::vector<FusionRecord> around;
  if (Status s = load_records(store, data.words, window, around); !s) return make_error(s.error());
  prepare_records(around, data.rules);
  const FusionRecord* x = find(around, a);
  const FusionRecord* y = find(around, b);
  if (!x || !y) return make_error("the two records are not among the records of their days");
  PairComparison out{*x, *y, match(*x, *y, data.rules), "", false, around.size(), window};
  out.same_source = !x->exclusive.empty() && x->exclusive == y->exclusive;
  if (!out.match.compatible) out.why_apart = why_apart(*x, *y, data.rules);
  return out;
}

}  // namespace sitrep::fuse
