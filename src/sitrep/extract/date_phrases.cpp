#include "sitrep/extract/date_phrases.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "sitrep/extract/tokens.hpp"
#include "sitrep/model/solar_hijri.hpp"
#include "sitrep/model/tsv_table.hpp"

namespace sitrep::extract {
namespace {

using model::DatePrecision;
using model::DateSpan;
using model::Day;

Day end_of_month(int year, int month) {
  return model::to_day({year, month, model::days_in_month(year, month)});
}

DateSpan month_span(int year, int month) {
  return {model::to_day({year, month, 1}), end_of_month(year, month), DatePrecision::month};
}

// The year that puts month/day on or before publication (a day of grace for time zones).
int year_for(int month, int day, Day published) {
  model::CivilDate p = model::to_civil(published);
  int year = p.year;
  int dim = model::days_in_month(year, month);
  if (day > dim) day = dim;
  if (model::to_day({year, month, day}) > published + 1) --year;
  return year;
}

// Whether a word's first letter is a lower-case one ("душанбе", not "Душанбе").
bool written_in_lower_case(std::string_view word) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_isULowercase(c);
}

}  // namespace

Result<DateReader> DateReader::load(const std::string& data_dir) {
  auto words = WordTable::load(data_dir + "/lexicon/dates.tsv");
  if (!words) return std::move(words).take_error();
  DateReader r;
  r.words_ = std::move(*words);
  return r;
}

std::vector<DateMention> DateReader::find(std::string_view text, Day published) const {
  return find(text, published, tokenize(text));
}

std::vector<DateMention> DateReader::find(std::string_view text, Day published,
                                          const std::vector<Token>& tokens) const {
  std::vector<DateMention> out;
  // Each token's entries, looked up once: the patterns below ask a token for many kinds.
  std::vector<const std::vector<WordTable::Entry>*> known(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) known[i] = words_.entries(tokens[i].lower);
  auto word = [&](size_t i, std::string_view kind) -> const WordTable::Entry* {
    return i < tokens.size() ? WordTable::of_kind(known[i], kind) : nullptr;
  };
  auto is = [&](size_t i, std::string_view lower) {
    return i < tokens.size() && tokens[i].lower == lower;
  };
  auto number = [&](size_t i, int digits_min, int digits_max) {
    return i < tokens.size() && tokens[i].number >= 0 && tokens[i].digits >= digits_min &&
           tokens[i].digits <= digits_max;
  };
  auto between = [&](size_t a, size_t b) {  // the raw text between two tokens
    return text.substr(tokens[a].end, tokens[b].begin - tokens[a].end);
  };
  auto emit = [&](size_t first, size_t last, DateSpan span) {
    out.push_back({tokens[first].begin, tokens[last].end, span});
  };
  auto plausible_year = [](int y) { return y >= 1900 && y <= 2100; };
  // A day whose month and day end at token `at`, and perhaps a year (and "года") after them;
  // emitted from token `first`. Returns the last token used, or 0 when the day does not exist.
  auto emit_day = [&](size_t first, size_t at, int m, int d) -> size_t {
    size_t last = at;
    int y = 0;
    if (number(at + 1, 4, 4) && plausible_year(tokens[at + 1].number)) {
      y = tokens[at + 1].number;
      last = word(at + 2, "year-word") ? at + 2 : at + 1;
    } else {
      y = year_for(m, d, published);
    }
    if (d > model::days_in_month(y, m)) return 0;
    Day day = model::to_day({y, m, d});
    emit(first, last, {day, day, DatePrecision::day});
    return last;
  };

  // A Solar Hijri day: with its year, or the latest such day on or before publication.
  auto emit_hijri_day = [&](size_t first, size_t at, int m, int d) -> size_t {
    size_t last = at;
    std::optional<Day> day;
    if (number(at + 1, 4, 4) && tokens[at + 1].number >= 1300 && tokens[at + 1].number <= 1500) {
      day = model::from_solar_hijri(tokens[at + 1].number, m, d);
      last = word(at + 2, "year-word") ? at + 2 : at + 1;
    } else {
      int y = model::to_solar_hijri(published).year;
      day = model::from_solar_hijri(y, m, d);
      if (day && *day > published) day = model::from_solar_hijri(y - 1, m, d);
    }
    if (!day) return 0;
    emit(first, last, {*day, *day, DatePrecision::day});
    return last;
  };

  // Pashto and Dari give the day after its month, and the year before them: "د ۲۰۲۳ کال د
  // اکتوبر په ۱۲مه" (on the 12th of October of the year 2023), "د ۱۳۹۷ لمریز کال د تلې میاشتې
  // په ۲۲مه" (on the 22nd of the month of Libra of the solar year 1397). The month at token i;
  // the day's token, or 0.
  auto day_after_month = [&](size_t i) -> size_t {
    size_t k = i + 1;
    if (word(k, "of-word") && word(k + 1, "month-word")) ++k;  // "د تلې د میاشتې"
    if (word(k, "month-word")) ++k;
    return word(k, "day-lead") && number(k + 1, 1, 2) ? k + 1 : 0;
  };
  // A year written before, up to four tokens back, with its year word: the year's token, or
  // none.
  auto year_before = [&](size_t i, int low, int high) -> std::optional<size_t> {
    for (size_t j = i; j-- > 0 && j + 4 >= i;) {
      if (number(j, 4, 4) && tokens[j].number >= low && tokens[j].number <= high &&
          (word(j + 1, "year-word") || word(j + 2, "year-word"))) {
        return j;
      }
    }
    return std::nullopt;
  };

  for (size_t i = 0; i < tokens.size(); ++i) {
    const WordTable::Entry* gregorian = word(i, "month");
    const WordTable::Entry* any_month = gregorian ? gregorian : word(i, "hijri-month");
    if (size_t at = any_month ? day_after_month(i) : 0; at != 0) {
      const bool hijri = gregorian == nullptr;
      const int m = std::stoi(any_month->value);
      const int d = tokens[at].number;
      auto year = hijri ? year_before(i, 1300, 1500) : year_before(i, 1900, 2100);
      std::optional<Day> day;
      if (hijri) {
        int y = year ? tokens[*year].number : model::to_solar_hijri(published).year;
        day = model::from_solar_hijri(y, m, d);
        if (!year && day && *day > published) day = model::from_solar_hijri(y - 1, m, d);
      } else {
        int y = year ? tokens[*year].number : year_for(m, d, published);
        if (d >= 1 && d <= model::days_in_month(y, m)) day = model::to_day({y, m, d});
      }
      if (day) {
        emit(year.value_or(i), at, {*day, *day, DatePrecision::day});
        i = at;
        continue;
      }
    }
    // Solar Hijri: 1401/2/18 (year first, 1300-1500), 18 ثور 1401, ثور 1401
    if (number(i, 4, 4) && tokens[i].number >= 1300 && tokens[i].number <= 1500 &&
        number(i + 1, 1, 2) && number(i + 2, 1, 2) && between(i, i + 1) == "/" &&
        between(i + 1, i + 2) == "/") {
      if (auto day = model::from_solar_hijri(tokens[i].number, tokens[i + 1].number,
                                             tokens[i + 2].number)) {
        emit(i, i + 2, {*day, *day, DatePrecision::day});
        i += 2;
        continue;
      }
    }
    if (number(i, 1, 2) && word(i + 1, "hijri-month")) {
      int m = std::stoi(word(i + 1, "hijri-month")->value);
      if (size_t last = emit_hijri_day(i, i + 1, m, tokens[i].number); last != 0) {
        i = last;
        continue;
      }
    }
    if (const WordTable::Entry* month = word(i, "hijri-month"); month && number(i + 1, 4, 4) &&
                                                                tokens[i + 1].number >= 1300 &&
                                                                tokens[i + 1].number <= 1500) {
      int y = tokens[i + 1].number, m = std::stoi(month->value);
      auto first = model::from_solar_hijri(y, m, 1);
      auto last = model::from_solar_hijri(y, m, model::solar_hijri_days_in_month(y, m));
      if (first && last) {
        emit(i, i + 1, {*first, *last, DatePrecision::month});
        ++i;
        continue;
      }
    }
    // 2022-04-18
    if (number(i, 4, 4) && number(i + 1, 1, 2) && number(i + 2, 1, 2) && between(i, i + 1) == "-" &&
        between(i + 1, i + 2) == "-") {
      int y = tokens[i].number, m = tokens[i + 1].number, d = tokens[i + 2].number;
      if (plausible_year(y) && m >= 1 && m <= 12 && d >= 1 && d <= model::days_in_month(y, m)) {
        Day day = model::to_day({y, m, d});
        emit(i, i + 2, {day, day, DatePrecision::day});
        i += 2;
        continue;
      }
    }
    // early|mid|late [-] Month [year]
    if (const WordTable::Entry* part = word(i, "part"); part && word(i + 1, "month")) {
      int m = std::stoi(word(i + 1, "month")->value);
      size_t last = i + 1;
      int y = 0;
      if (number(i + 2, 4, 4) && plausible_year(tokens[i + 2].number)) {
        y = tokens[i + 2].number;
        last = i + 2;
      } else {
        y = year_for(m, 1, published);
      }
      int third = std::stoi(part->value);
      int first_day = third == 1 ? 1 : third == 2 ? 11 : 21;
      int last_day = third == 1 ? 10 : third == 2 ? 20 : model::days_in_month(y, m);
      emit(
          i, last,
          {model::to_day({y, m, first_day}), model::to_day({y, m, last_day}), DatePrecision::week});
      i = last;
      continue;
    }
    // day Month [year [year-word]]   (18 April 2022, 18 апреля 2022 года)
    if (number(i, 1, 2) && tokens[i].number >= 1 && tokens[i].number <= 31 &&
        word(i + 1, "month")) {
      int d = tokens[i].number, m = std::stoi(word(i + 1, "month")->value);
      if (size_t last = emit_day(i, i + 1, m, d); last != 0) {
        i = last;
        continue;
      }
    }
    if (const WordTable::Entry* month = word(i, "month")) {
      int m = std::stoi(month->value);
      // Month day[, year]   (April 18, April 18, 2022)
      if (number(i + 1, 1, 2) && tokens[i + 1].number >= 1 && tokens[i + 1].number <= 31) {
        if (size_t last = emit_day(i, i + 1, m, tokens[i + 1].number); last != 0) {
          i = last;
          continue;
        }
      }
      // Month year   (March 2021, марте 2021 года)
      if (number(i + 1, 4, 4) && plausible_year(tokens[i + 1].number)) {
        size_t last = word(i + 2, "year-word") ? i + 2 : i + 1;
        emit(i, last, month_span(tokens[i + 1].number, m));
        i = last;
        continue;
      }
      // in Month   (a month name alone is too often another word: "may")
      if (i > 0 && (is(i - 1, "in") || is(i - 1, "в") || is(i - 1, "during"))) {
        emit(i, i, month_span(year_for(m, 1, published), m));
        continue;
      }
    }
    // Weekdays: the last one on or before publication; "last Monday": the one a week before.
    // Dari and Pashto may write them in two words: "سه شنبه" (three + Saturday) is Tuesday.
    const WordTable::Entry* weekday = word(i, "weekday");
    // Tajik "душанбе" (Monday) is the capital's name too: the weekday only in lower case
    if (!weekday &&
        written_in_lower_case(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin)))
      weekday = word(i, "weekday-lower");
    // Urdu "ہفتے" (Saturday) is also the week, and "پیر" (Monday) a saint: the weekday only
    // before "کو" (on), or "کے"/"کی" and a part of the day ("ہفتے کی شام", Saturday evening)
    if (const WordTable::Entry* marked = weekday ? nullptr : word(i, "weekday-marked")) {
      if (word(i + 1, "weekday-mark") ||
          (word(i + 1, "weekday-mark-of") && word(i + 2, "day-part"))) {
        weekday = marked;
      }
    }
    size_t weekday_end = i;
    const WordTable::Entry* prefix = word(i, "weekday-prefix");
    if (const WordTable::Entry* saturday = prefix ? word(i + 1, "weekday") : nullptr;
        saturday && saturday->value == "6") {
      weekday = prefix;
      weekday_end = i + 1;
    }
    if (weekday) {
      int want = std::stoi(weekday->value);                         // 1 = Monday
      int published_weekday = (((published + 3) % 7) + 7) % 7 + 1;  // 1970-01-01 was a Thursday
      int back = (published_weekday - want + 7) % 7;
      size_t first = i;
      if (i > 0 && (is(i - 1, "last") || is(i - 1, "past"))) {
        if (back == 0) back = 7;
        first = i - 1;
      }
      Day day = published - back;
      emit(first, weekday_end, {day, day, DatePrecision::day});
      i = weekday_end;
      continue;
    }
    if (const WordTable::Entry* relative = word(i, "relative")) {
      Day day = published - std::stoi(relative->value);
      emit(i, i, {day, day, DatePrecision::day});
      continue;
    }
    // last night, прошлой ночью; شب گذشته (the word for "last" after: Dari's order only)
    const WordTable::Entry* previous = word(i, "previous");
    const WordTable::Entry* following = word(i + 1, "previous");
    if ((previous && previous->value == "before" && word(i + 1, "night")) ||
        (word(i, "night") && following && following->value == "after")) {
      emit(i, i + 1, {published - 1, published, DatePrecision::day});
      ++i;
      continue;
    }
    // روز گذشته, تېره ورځ: the past day, yesterday
    if ((previous && previous->value == "before" && word(i + 1, "day-word")) ||
        (word(i, "day-word") && following && following->value == "after")) {
      emit(i, i + 1, {published - 1, published - 1, DatePrecision::day});
      ++i;
      continue;
    }
    // last|past week|month|year
    if ((is(i, "last") || is(i, "past")) && word(i + 1, "period")) {
      std::string unit = word(i + 1, "period")->value;
      model::CivilDate p = model::to_civil(published);
      DateSpan span;
      if (unit == "week") {
        int weekday = (((published + 3) % 7) + 7) % 7;  // 0 = Monday
        Day monday = published - weekday - 7;
        span = {monday, monday + 6, DatePrecision::week};
      } else if (unit == "month") {
        int y = p.month == 1 ? p.year - 1 : p.year, m = p.month == 1 ? 12 : p.month - 1;
        span = month_span(y, m);
      } else {
        span = {model::to_day({p.year - 1, 1, 1}), model::to_day({p.year - 1, 12, 31}),
                DatePrecision::year};
      }
      emit(i, i + 1, span);
      ++i;
      continue;
    }
    // in 2021, since 2021, "в 2021 году", "с 2012 года" (Russian "с" is also "with": only with
    // the year-word)
    const bool year_lead =
        is(i, "in") || is(i, "since") || is(i, "в") || (is(i, "с") && word(i + 2, "year-word"));
    if (year_lead && number(i + 1, 4, 4) && plausible_year(tokens[i + 1].number) &&
        !word(i + 2, "month")) {
      int y = tokens[i + 1].number;
      size_t last = word(i + 2, "year-word") ? i + 2 : i + 1;
      emit(i + 1, last,
           {model::to_day({y, 1, 1}), model::to_day({y, 12, 31}), DatePrecision::year});
      i = last;
      continue;
    }
  }
  return out;
}

}  // namespace sitrep::extract
