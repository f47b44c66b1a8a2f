// Where and against whom: the subject's targets by province, and whether the mix differs between
// provinces (the chi-square statistic of independence, its p-value from 999 permutations when
// cells expect few records, Cramér's V for the size of the difference, and adjusted residuals
// to say which province leans to which target).
#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "sitrep/analyze/assessment.hpp"
#include "sitrep/analyze/detail/wording.hpp"
#include "sitrep/analyze/statistics.hpp"
#include "sitrep/analyze/target_groups.hpp"
#include "sitrep/io/thousands.hpp"

namespace sitrep::analyze {
namespace {

constexpr auto& kGroups = kTargetGroups;

constexpr size_t kMinimumPerProvince = 5;
constexpr size_t kMinimumTotal = 30;
constexpr double kResidualToName = 2.0;
constexpr int64_t kMinimumLeaning = 5;

// Whether any cell of the table (rows and columns with records) expects fewer than 5.
bool expects_few(const std::vector<int64_t>& table, size_t rows, size_t columns) {
  std::vector<double> row_total(rows, 0), column_total(columns, 0);
  double total = 0;
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < columns; ++c) {
      const auto v = static_cast<double>(table[r * columns + c]);
      row_total[r] += v;
      column_total[c] += v;
      total += v;
    }
  }
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < columns; ++c) {
      if (row_total[r] > 0 && column_total[c] > 0 && row_total[r] * column_total[c] / total < 5) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

void find_target_mix(const FinderInput& in, std::vector<Finding>& out) {
  // The window alone when it has enough targets, else window and baseline together.
  auto known = [](const std::vector<const Record*>& records) {
    std::vector<const Record*> out;
    for (const Record* r : records) {
      if (target_group(r->target) >= 0 && !r->admin1.empty()) out.push_back(r);
    }
    return out;
  };
  std::vector<const Record*> records = known(in.window);
  Period span = in.options.window;
  // The baseline's events the loader summed up (province, group, count) rather than held.
  const HeldBack* held = nullptr;
  if (records.size() < kMinimumTotal) {
    held = in.held_back();
    for (const Record* r : known(in.baseline)) records.push_back(r);
    span = Period{in.options.baseline.empty() ? in.options.window.from : in.options.baseline.from,
                  in.options.window.to};
  }
  std::map<std::string_view, std::array<int64_t, kGroups.size()>> by_province;
  for (const Record* r : records)
    ++by_province[r->admin1][static_cast<size_t>(target_group(r->target))];
  size_t total = records.size();
  if (held) {
    for (const auto& [key, n] : held->targets) {
      by_province[key.first][static_cast<size_t>(key.second)] += static_cast<int64_t>(n);
      total += n;
    }
  }
  // Provinces with few records are pooled, so that no row is too thin for the test.
  std::vector<std::string> rows;
  std::vector<int64_t> table;
  std::array<int64_t, kGroups.size()> pooled{};
  for (const auto& [province, counts] : by_province) {
    int64_t n = 0;
    for (int64_t c : counts) n += c;
    if (static_cast<size_t>(n) >= kMinimumPerProvince) {
      rows.emplace_back(province);
      table.insert(table.end(), counts.begin(), counts.end());
    } else {
      for (size_t g = 0; g < kGroups.size(); ++g) pooled[g] += counts[g];
    }
  }
  int64_t pooled_total = 0;
  for (int64_t c : pooled) pooled_total += c;
  if (static_cast<size_t>(pooled_total) >= kMinimumPerProvince) {
    rows.emplace_back("elsewhere");
    table.insert(table.end(), pooled.begin(), pooled.end());
  }

  // Each record as (row, group), for the permutation test; records of provinces too thin even
  // when pooled are left out, as they are of the table.
  std::vector<int> record_rows, record_groups;
  for (const Record* r : records) {
    auto it = std::find(rows.begin(), rows.end(), r->admin1);
    if (it == rows.end()) {
      if (rows.empty() || rows.back() != "elsewhere") continue;
      it = rows.end() - 1;
    }
    record_rows.push_back(static_cast<int>(it - rows.begin()));
    record_groups.push_back(target_group(r->target));
  }
  if (held) {
    for (const auto& [key, n] : held->targets) {
      auto it = std::find(rows.begin(), rows.end(), key.first);
      if (it == rows.end()) {
        if (rows.empty() || rows.back() != "elsewhere") continue;
        it = rows.end() - 1;
      }
      record_rows.insert(record_rows.end(), n, static_cast<int>(it - rows.begin()));
      record_groups.insert(record_groups.end(), n, key.second);
    }
  }

  Finding f;
  f.kind = FindingKind::target_mix;
  f.title = "Targets by province";
  ContingencyTest test = test_independence(table, rows.size(), kGroups.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t g = 0; g < kGroups.size(); ++g) {
      int64_t n = table[r * kGroups.size() + g];
      if (n > 0) {
        f.figures.push_back({fmt::format("{} / {}", rows[r], kGroups[g]), static_cast<double>(n),
                             std::to_string(n)});
      }
    }
  }
  if (!test.valid || total < kMinimumTotal) {
    f.reported = false;
    f.not_reported_because =
        fmt::format("{} with a known target and province in {}: too few to compare provinces",
                    in.options.count(static_cast<int64_t>(total)), to_string(span));
    out.push_back(std::move(f));
    return;
  }
  // The chi-square approximation is liberal when cells expect few records (Cochran's rule:
  // any below 5): the p-value then comes from permutations instead.
  if (expects_few(table, rows.size(), kGroups.size())) {
    // 999 permutations, or 199 over many records: p-values down to 0.005, enough for the
    // 0.01 bar, at a fifth of the cost.
    const int permutations = record_rows.size() > 5000 ? 199 : 999;
    test.p_value = permutation_independence_p(record_rows, record_groups, rows.size(),
                                              kGroups.size(), permutations);
  }
  // Each province's most over-represented target group, when it stands out: a residual of at
  // least 2 on at least 5 events and a quarter of the province's (one attack on an official in a
  // province of twenty is no leaning). The pooled rest is never named.
  std::map<int, std::vector<std::string>> leaning;
  for (size_t r = 0; r < rows.size(); ++r) {
    if (rows[r] == "elsewhere") continue;
    int64_t n = 0;
    for (size_t g = 0; g < kGroups.size(); ++g) n += table[r * kGroups.size() + g];
    std::optional<size_t> best;
    for (size_t g = 0; g < kGroups.size(); ++g) {
      const int64_t count = table[r * kGroups.size() + g];
      const double residual = test.residuals[r * kGroups.size() + g];
      if (residual < kResidualToName || count < kMinimumLeaning || 4 * count < n) continue;
      if (!best || residual > test.residuals[r * kGroups.size() + *best]) best = g;
    }
    if (!best) continue;
    leaning[static_cast<int>(*best)].push_back(
        fmt::format("{} ({} of {})", rows[r], table[r * kGroups.size() + *best], n));
  }
  std::string detail_text;
  for (const auto& [group, provinces] : leaning) {
    detail_text += detail_text.empty() ? ": " : "; ";
    detail_text += fmt::format("{} in ", kGroups[static_cast<size_t>(group)]);
    for (size_t i = 0; i < provinces.size(); ++i) detail_text += (i ? ", " : "") + provinces[i];
  }
  f.statement = fmt::format(
      "What {} attacked differed between provinces in {} ({} with a known target; chi-square {} "
      "on {} df, {}, Cramér's V {}){}.",
      in.options.subject, to_string(span), io::thousands(static_cast<int64_t>(total)),
      detail::number(test.chi_square, 1), test.degrees_of_freedom, detail::p_text(test.p_value),
      detail::number(test.cramers_v, 2), detail_text);
  f.p_value = test.p_value;
  f.confidence = confidence_from(test.p_value, total);
  f.figures.push_back({"chi-square", test.chi_square, detail::number(test.chi_square, 1)});
  f.figures.push_back({"p-value", test.p_value, detail::p_text(test.p_value)});
  f.figures.push_back({"Cramér's V", test.cramers_v, detail::number(test.cramers_v, 2)});
  f.reported = test.p_value < 0.01 && !leaning.empty();
  if (!f.reported) {
    f.not_reported_because =
        fmt::format("no province's mix stands out ({})", detail::p_text(test.p_value));
  }
  f.score = 50 + 20 * test.cramers_v;
  f.evidence = detail::deadliest(records, 5);
  out.push_back(std::move(f));
}

}  // namespace sitrep::analyze
