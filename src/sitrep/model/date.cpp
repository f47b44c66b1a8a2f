#include "sitrep/model/date.hpp"

#include <array>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

namespace sitrep::model {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// Month from an English name or its three-letter abbreviation, case-insensitive.
std::optional<int> parse_month_name(std::string_view text) {
  if (text.size() < 3) return std::nullopt;
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  for (size_t i = 0; i < kMonthNames.size(); ++i) {
    if (lower == kMonthNames[i] || lower == kMonthNames[i].substr(0, 3)) {
      return static_cast<int>(i) + 1;
    }
    if (lower == "sept" && i == 8) return 9;
  }
  return std::nullopt;
}

Result<Day> checked_day(int year, int month, int day, std::string_view text) {
  if (year < 1000 || year > 2999) {
    return make_error(fmt::format("'{}' is not a date: year {} is out of range", text, year));
  }
  if (month < 1 || month > 12) {
    return make_error(fmt::format("'{}' is not a date: month {} does not exist", text, month));
  }
  if (day < 1 || day > days_in_month(year, month)) {
    std::string month_name(kMonthNames[month - 1]);
    month_name[0] = static_cast<char>(std::toupper(month_name[0]));
    return make_error(fmt::format("'{}' is not a date: {} {} has {} days", text, month_name, year,
                                  days_in_month(year, month)));
  }
  return to_day(CivilDate{year, month, day});
}

Result<Day> parse_iso(std::string_view text) {
  // YYYY-MM-DD, optionally followed by 'T' or ' ' and a time that we ignore.
  std::string_view date = text.substr(0, 10);
  if (text.size() > 10 && text[10] != ' ' && text[10] != 'T') {
    return make_error(fmt::format("'{}' is not a date: expected YYYY-MM-DD", text));
  }
  // The common case, eight digits where they belong, read directly: every event's dates pass
  // here on import and on fusion's read.
  if (date.size() == 10 && date[4] == '-' && date[7] == '-') {
    auto digit = [&](size_t i) { return static_cast<unsigned>(date[i]) - '0'; };
    bool digits = true;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) digits &= digit(i) < 10;
    if (digits) {
      return checked_day(
          static_cast<int>(digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)),
          static_cast<int>(digit(5) * 10 + digit(6)), static_cast<int>(digit(8) * 10 + digit(9)),
          text);
    }
  }
  auto year = parse_int(date.substr(0, 4));
  auto month = parse_int(date.substr(5, 2));
  auto day = parse_int(date.substr(8, 2));
  if (date.size() != 10 || date[4] != '-' || date[7] != '-' || !year || !month || !day) {
    return make_error(fmt::format("'{}' is not a date: expected YYYY-MM-DD", text));
  }
  return checked_day(*year, *month, *day, text);
}

// "18 April 2022", "18-Apr-2022", "18 Apr. 2022".
Result<Day> parse_day_month_year(std::string_view text) {
  std::array<std::string_view, 3> parts;
  size_t count = 0;
  size_t pos = 0;
  while (pos < text.size() && count < 3) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '-')) ++pos;
    size_t start = pos;
    while (pos < text.size() && text[pos] != ' ' && text[pos] != '-') ++pos;
    if (pos > start) parts[count++] = text.substr(start, pos - start);
  }
  while (pos < text.size() && text[pos] == ' ') ++pos;
  auto day = count == 3 ? parse_int(parts[0]) : std::nullopt;
  auto month = count == 3 ? parse_month_name(parts[1]) : std::nullopt;
  auto year = count == 3 ? parse_int(parts[2]) : std::nullopt;
  if (!day || !month || !year || pos != text.size()) {
    return make_error(
        fmt::format("'{}' is not a date: expected YYYY-MM-DD or '18 April 2022'", text));
  }
  return checked_day(*year, *month, *day, text);
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days.
Day to_day(CivilDate date) {
  int y = date.year - (date.month <= 2 ? 1 : 0);
  int era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned mp = static_cast<unsigned>(date.month + (date.month > 2 ? -3 : 9));
  unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(date.day) - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<Day>(era * 146097 + static_cast<int>(doe) - 719468);
}

CivilDate to_civil(Day day) {
  int z = day + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{y + (m <= 2 ? 1 : 0), m, d};
}

std::string format_iso(Day day) {
  // By hand rather than with fmt: the importer formats two dates per row.
  CivilDate c = to_civil(day);
  char text[10];
  int year = c.year < 0 ? 0 : c.year % 10000;
  for (int i = 3; i >= 0; --i, year /= 10) text[i] = static_cast<char>('0' + year % 10);
  text[4] = '-';
  text[5] = static_cast<char>('0' + c.month / 10);
  text[6] = static_cast<char>('0' + c.month % 10);
  text[7] = '-';
  text[8] = static_cast<char>('0' + c.day / 10);
  text[9] = static_cast<char>('0' + c.day % 10);
  return std::string(text, 10);
}

Result<Day> parse_date(std::string_view text) {
  if (text.empty()) return make_error("empty date");
  if (text.size() >= 10 && std::isdigit(static_cast<unsigned char>(text[0])) && text[4] == '-') {
    return parse_iso(text);
  }
  return parse_day_month_year(text);
}

std::string_view to_string(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::day:
      return "day";
    case DatePrecision::week:
      return "week";
    case DatePrecision::month:
      return "month";
    case DatePrecision::year:
      return "year";
  }
  return "day";
}

std::optional<DatePrecision> parse_date_precision(std::string_view text) {
  if (text == "day") return DatePrecision::day;
  if (text == "week") return DatePrecision::week;
  if (text == "month") return DatePrecision::month;
  if (text == "year") return DatePrecision::year;
  return std::nullopt;
}

DateSpan month_span(int year, int month) {
  return DateSpan{to_day({year, month, 1}), to_day({year, month, days_in_month(year, month)}),
                  DatePrecision::month};
}

DateSpan year_span(int year) {
  return DateSpan{to_day({year, 1, 1}), to_day({year, 12, 31}), DatePrecision::year};
}

Result<Day> parse_date_bound(std::string_view text, bool end) {
  int year = 0, month = 0;
  auto digits = [](std::string_view s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
  };
  if (text.size() == 4 && digits(text, year)) {
    return end ? year_span(year).end : year_span(year).start;
  }
  if (text.size() == 7 && text[4] == '-' && digits(text.substr(0, 4), year) &&
      digits(text.substr(5, 2), month) && month >= 1 && month <= 12) {
    DateSpan span = month_span(year, month);
    return end ? span.end : span.start;
  }
  return parse_date(text);
}

}  // namespace sitrep::model
