// sitrep query FILTER --by KEY... --measure M... [--top N] [--compare FROM..TO] — counts and
// sums over the columnar index, as a table, CSV or JSON.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "sitrep/fuse/incident_store.hpp"
#include "sitrep/query/aggregation.hpp"
#include "sitrep/query/sql_aggregation.hpp"

namespace sitrep::cli {
namespace {

struct QueryArgs {
  std::vector<std::string> filter;
  std::vector<std::string> by;
  std::vector<std::string> measures;
  int64_t top = -1;
  std::string compare;
  std::string format = "table";
  std::string engine = "index";
  bool timing = false;
  int64_t repeat = 1;
  std::string unit = "incidents";
};

// One output row: key labels, the window's values and, with --compare, the baseline's.
struct Row {
  std::vector<std::string> labels;
  std::vector<int64_t> values;
  std::vector<int64_t> baseline;
  uint64_t order = 0;
};

// The filter with its positive date terms replaced by `date:WINDOW`.
Result<query::Filter> baseline_filter(const query::Filter& filter, const std::string& window) {
  auto extra = query::parse_filter("date:" + window);
  if (!extra) return make_error("--compare: " + extra.error());
  query::Filter out;
  out.text = filter.text;
  for (const query::Term& t : filter.terms) {
    if (t.field != "date" || t.negated) out.terms.push_back(t);
  }
  size_t offset = out.text.size() + 1;
  out.text += " date:" + window;
  for (query::Term t : extra->terms) {
    t.position += offset;
    for (size_t& p : t.positions) p += offset;
    out.terms.push_back(std::move(t));
  }
  return out;
}

std::string change_text(int64_t now, int64_t before) {
  if (before == 0) return now == 0 ? "0" : "new";
  double pct = 100.0 * static_cast<double>(now - before) / static_cast<double>(before);
  return fmt::format("{:+.1f}%", pct);
}

std::vector<std::string> header(const query::Grouping& g, bool compare) {
  std::vector<std::string> columns;
  for (query::GroupKey k : g.keys) {
    for (std::string& c : query::key_columns(k)) columns.push_back(std::move(c));
  }
  for (query::Measure m : g.measures) {
    columns.emplace_back(query::to_string(m));
    if (compare) {
      columns.push_back(fmt::format("{}_baseline", query::to_string(m)));
      columns.push_back(fmt::format("{}_change", query::to_string(m)));
    }
  }
  return columns;
}

std::vector<std::string> cells(const Row& r, bool compare, bool for_table) {
  std::vector<std::string> out;
  for (const std::string& l : r.labels) out.push_back(l.empty() && for_table ? "(not given)" : l);
  for (size_t i = 0; i < r.values.size(); ++i) {
    out.push_back(for_table ? thousands(r.values[i]) : std::to_string(r.values[i]));
    if (compare) {
      out.push_back(for_table ? thousands(r.baseline[i]) : std::to_string(r.baseline[i]));
      out.push_back(change_text(r.values[i], r.baseline[i]));
    }
  }
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

void print(const std::vector<Row>& rows, const Row& total, const query::Grouping& g, bool compare,
           const std::string& format) {
  std::vector<std::string> columns = header(g, compare);
  size_t label_count = columns.size() - g.measures.size() * (compare ? 3 : 1);
  if (format == "csv") {
    for (size_t i = 0; i < columns.size(); ++i) std::cout << (i ? "," : "") << columns[i];
    std::cout << '\n';
    for (const Row& r : rows) {
      auto c = cells(r, compare, false);
      for (size_t i = 0; i < c.size(); ++i) std::cout << (i ? "," : "") << csv_field(c[i]);
      std::cout << '\n';
    }
    return;
  }
  if (format == "json") {
    auto to_json = [&](const Row& r) {
      nlohmann::ordered_json o;
      auto c = cells(r, compare, false);
      for (size_t i = 0; i < label_count; ++i) {
        o[columns[i]] =
            r.labels[i].empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.labels[i]);
      }
      for (size_t m = 0; m < g.measures.size(); ++m) {
        std::string name(query::to_string(g.measures[m]));
        o[name] = r.values[m];
        if (compare) {
          o[name + "_baseline"] = r.baseline[m];
          o[name + "_change"] = r.values[m] - r.baseline[m];
        }
      }
      return o;
    };
    nlohmann::ordered_json out;
    out["rows"] = nlohmann::ordered_json::array();
    for (const Row& r : rows) out["rows"].push_back(to_json(r));
    out["total"] = to_json(total);
    std::cout << out.dump(2) << '\n';
    return;
  }
  std::vector<std::vector<std::string>> table = {columns};
  for (const Row& r : rows) table.push_back(cells(r, compare, true));
  Row labelled_total = total;
  if (!labelled_total.labels.empty()) {
    std::fill(labelled_total.labels.begin(), labelled_total.labels.end(), "");
    labelled_total.labels[0] = "total";
  }
  if (label_count > 0) {
    // The total's key cells are blank, not "(not given)": it is no group.
    std::vector<std::string> row = cells(labelled_total, compare, true);
    for (size_t i = 0; i < label_count && i < row.size(); ++i) row[i] = i == 0 ? "total" : "";
    table.push_back(std::move(row));
  }
  std::vector<size_t> width(columns.size(), 0);
  for (const auto& line : table) {
    for (size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], line[i].size());
  }
  for (size_t n = 0; n < table.size(); ++n) {
    if (label_count > 0 && n + 1 == table.size()) {
      size_t rule = 0;
      for (size_t w : width) rule += w + 2;
      std::cout << std::string(rule - 2, '-') << '\n';
    }
    const auto& line = table[n];
    std::string text;
    for (size_t i = 0; i < line.size(); ++i) {
      if (i) text += "  ";
      text += i < label_count ? fmt::format("{:<{}}", line[i], width[i])
                              : fmt::format("{:>{}}", line[i], width[i]);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    std::cout << text << '\n';
  }
}

int run_query(const QueryArgs& args, const GlobalOptions& global) {
  auto fail_usage = [](const std::string& message) {
    std::cerr << "sitrep query: " << message << '\n';
    return kExitUsage;
  };
  if (args.format != "table" && args.format != "csv" && args.format != "json") {
    return fail_usage("--format must be table, csv or json");
  }
  std::vector<query::GroupKey> keys;
  for (const std::string& name : args.by) {
    auto key = query::parse_group_key(name);
    if (!key) return fail_usage("--by: " + key.error());
    if (!args.compare.empty() && query::is_time_key(*key)) {
      return fail_usage(
          "--compare lines up groups by their keys, and the periods of two windows "
          "differ: group by a field (admin1, type, actor, ...), not by " +
          name);
    }
    keys.push_back(*key);
  }
  // A place key carries its parents (admin2 is country, admin1, admin2): grouping by a place
  // and by one of its parents is grouping by the place, shown once.
  auto depth = [](query::GroupKey k) {
    switch (k) {
      case query::GroupKey::country:
        return 1;
      case query::GroupKey::admin1:
        return 2;
      case query::GroupKey::admin2:
        return 3;
      case query::GroupKey::location:
        return 4;
      default:
        return 0;
    }
  };
  int deepest = 0;
  for (query::GroupKey k : keys) deepest = std::max(deepest, depth(k));
  std::erase_if(keys, [&](query::GroupKey k) { return depth(k) > 0 && depth(k) < deepest; });
  std::vector<query::GroupKey> seen;
  std::erase_if(keys, [&](query::GroupKey k) {
    if (std::find(seen.begin(), seen.end(), k) != seen.end()) return true;
    seen.push_back(k);
    return false;
  });
  std::vector<query::Measure> measures;
  for (const std::string& name : args.measures) {
    auto m = query::parse_measure(name);
    if (!m) return fail_usage("--measure: " + m.error());
    measures.push_back(*m);
  }
  if (measures.empty()) measures.push_back(query::Measure::count);

  auto context = open_context_for("query", global);
  if (!context) return kExitFailure;
  auto filter = query::parse_filter(join_filter(args.filter));
  if (!filter) return fail_usage("bad filter at " + filter.error());
  auto parsed_unit = parse_unit(args.unit);
  if (!parsed_unit) return fail_usage(parsed_unit.error());
  Unit unit = *parsed_unit;
  const bool use_sql = args.engine == "sql";
  if (use_sql && unit == Unit::incidents) {
    // The reference path counts rows; with incidents in the store it would answer another
    // question than the index.
    auto incidents = fuse::IncidentStore(*context->store).count_incidents();
    if (incidents && *incidents > 0) {
      return fail_usage("the sql engine counts records: add --unit records");
    }
    unit = Unit::records;
  }
  if (!use_sql) {
    if (Status s = open_index(*context); !s) {
      std::cerr << "sitrep query: " << s.error() << '\n';
      return kExitFailure;
    }
  }
  // The groups and the total of one filter, through the chosen engine.
  auto compute =
      [&](const query::Filter& f) -> Result<std::pair<query::Grouping, query::Grouping>> {
    if (use_sql) {
      auto where = query::to_sql(f, context->vocabulary);
      if (!where) return std::move(where).take_error();
      auto groups = query::aggregate_sql(*context->store, *where, keys, measures);
      if (!groups) return std::move(groups).take_error();
      auto total = query::aggregate_sql(*context->store, *where, {}, measures);
      if (!total) return std::move(total).take_error();
      return std::make_pair(std::move(*groups), std::move(*total));
    }
    auto rows = select_rows(*context, f, unit);
    if (!rows) return std::move(rows).take_error();
    const auto* corrections = fatality_corrections(*context, unit);
    query::Grouping groups = query::aggregate(*context->index, *rows, keys, measures, corrections);
    // Additive measures total as the sum of the groups; distinct places need their own pass.
    bool additive = std::find(measures.begin(), measures.end(), query::Measure::distinct_places) ==
                    measures.end();
    if (!additive || keys.empty()) {
      query::Grouping total =
          keys.empty() ? groups
                       : query::aggregate(*context->index, *rows, {}, measures, corrections);
      return std::make_pair(std::move(groups), std::move(total));
    }
    query::Grouping total;
    total.measures = measures;
    total.groups.emplace_back();
    total.groups[0].values.assign(measures.size(), 0);
    for (const query::Group& g : groups.groups) {
      for (size_t m = 0; m < measures.size(); ++m) total.groups[0].values[m] += g.values[m];
    }
    return std::make_pair(std::move(groups), std::move(total));
  };
  // The whole computation, `repeat` times for a benchmark (each run computes from the index:
  // nothing is cached between runs); the time reported is the median run.
  query::Grouping grouping, totals, baseline, baseline_totals;
  const bool compare = !args.compare.empty();
  std::vector<double> times;
  for (int64_t run = 0; run < std::max<int64_t>(args.repeat, 1); ++run) {
    auto started = std::chrono::steady_clock::now();
    auto window = compute(*filter);
    if (!window) return fail_usage(window.error());
    grouping = std::move(window->first);
    totals = std::move(window->second);
    if (compare) {
      auto second = baseline_filter(*filter, args.compare);
      if (!second) return fail_usage(second.error());
      auto result = compute(*second);
      if (!result) return fail_usage(result.error());
      baseline = std::move(result->first);
      baseline_totals = std::move(result->second);
    }
    times.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count());
  }
  std::sort(times.begin(), times.end());
  const double ms = times[times.size() / 2];

  // Join the two windows on the key labels.
  std::map<std::vector<std::string>, Row> joined;
  const std::vector<int64_t> zeros(measures.size(), 0);
  for (const query::Group& g : grouping.groups) {
    joined[g.labels] = Row{g.labels, g.values, zeros, g.order};
  }
  for (const query::Group& g : baseline.groups) {
    auto [it, inserted] = joined.try_emplace(g.labels, Row{g.labels, zeros, zeros, g.order});
    it->second.baseline = g.values;
  }
  std::vector<Row> out;
  for (auto& [labels, row] : joined) out.push_back(std::move(row));
  bool by_time = !keys.empty() && query::is_time_key(keys[0]);
  auto by_first_measure = [](const Row& a, const Row& b) {
    if (a.values[0] != b.values[0]) return a.values[0] > b.values[0];
    if (a.baseline[0] != b.baseline[0]) return a.baseline[0] > b.baseline[0];
    return a.order < b.order;
  };
  std::sort(out.begin(), out.end(), by_first_measure);
  if (args.top >= 0 && out.size() > static_cast<size_t>(args.top)) {
    out.resize(static_cast<size_t>(args.top));
  }
  if (by_time) {
    std::sort(out.begin(), out.end(), [](const Row& a, const Row& b) { return a.order < b.order; });
  }
  Row total{std::vector<std::string>(header(grouping, false).size() - measures.size()),
            totals.groups.empty() ? zeros : totals.groups[0].values, zeros, 0};
  if (compare && !baseline_totals.groups.empty()) total.baseline = baseline_totals.groups[0].values;
  print(out, total, grouping, compare, args.format);
  std::cout.flush();
  if (std::string note = unit_note(*context, unit); !note.empty() && args.format == "table") {
    std::cerr << note << '\n';
  }
  if (args.format == "table" || args.timing) {
    std::cerr << fmt::format(
        "{} groups in {:.2f} ms ({} engine{})\n", thousands(static_cast<int64_t>(out.size())), ms,
        args.engine, times.size() > 1 ? fmt::format(", median of {} runs", times.size()) : "");
  }
  if (args.timing && context->index && context->index->size() > 0) {
    const query::EventIndex& index = *context->index;
    auto n = static_cast<double>(index.size());
    std::cerr << fmt::format(
        "index: {} events, {:.1f} MB, {:.1f} B/event ({:.1f} B/event in per-event columns, "
        "grid and lists; the rest dictionaries and zone maps)\n",
        thousands(static_cast<int64_t>(index.size())), index.memory_bytes() / 1e6,
        static_cast<double>(index.memory_bytes()) / n, static_cast<double>(index.row_bytes()) / n);
    std::string widths;
    for (size_t c = 0; c < query::kColumnCount; ++c) {
      auto column = static_cast<query::Column>(c);
      widths += fmt::format("{}{} {}", widths.empty() ? "" : ", ",
                            query::column_section(column).substr(4), index.column(column).width);
    }
    std::cerr << "column bytes per event: " << widths << '\n';
  }
  return kExitOk;
}

}  // namespace

Runner add_query_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand(
      "query",
      "Count and sum the events a filter selects, grouped by keys, from the columnar index.\n"
      "Examples:\n"
      "  sitrep query actor:IS-KP country:AF,PK date:2022-04-17..2022-05-01 target:civilians "
      "--by week,admin1\n"
      "  sitrep query country:AF --by admin2 --measure fatalities,count --top 20\n"
      "  sitrep query actor:IS-KP date:2022-04 --by type --compare 2022-03\n"
      "Keys: " +
          query::group_key_names() +
          "\n"
          "Measures: " +
          query::measure_names() +
          " (default count)\n"
          "Rows come largest first by the first measure, or in time order when the first key is a "
          "period; a total closes the table. A leading '-' negates a term (-type:Battles). See "
          "docs/query-engine.md.");
  cmd->add_option("filter", args->filter, "Filter terms (docs/filters.md; none: every event)");
  cmd->add_option("--by,-b", args->by, "Group by these keys (comma-separated or repeated)")
      ->delimiter(',');
  cmd->add_option("--measure,-m", args->measures, "Measures to compute (comma-separated)")
      ->delimiter(',');
  cmd->add_option("--top,-n", args->top, "Keep the N largest groups by the first measure");
  cmd->add_option("--compare", args->compare,
                  "A baseline window FROM..TO (or YYYY-MM, YYYY) computed with the same filter "
                  "in place of its dates, shown beside the window with the change")
      ->type_name("FROM..TO");
  cmd->add_option("--format,-f", args->format, "table (default), csv or json");
  cmd->add_option("--engine", args->engine,
                  "index (default): the columnar index; sql: the reference path, SQLite over "
                  "the store (same answers, for checking and benchmarks)")
      ->check(CLI::IsMember({"index", "sql"}));
  cmd->add_option("--unit", args->unit, kUnitHelp)->check(CLI::IsMember({"incidents", "records"}));
  cmd->add_flag("--timing", args->timing,
                "Print the time the query took (filter and aggregation, in-process) on stderr");
  cmd->add_option("--repeat", args->repeat,
                  "Compute the answer N times in this process and report the median time (for "
                  "benchmarks: the index stays open and warm, nothing is cached between runs)");
  return [args, &global] { return run_query(*args, global); };
}

}  // namespace sitrep::cli
