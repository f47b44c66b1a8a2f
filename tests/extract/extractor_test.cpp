// The extractor end to end on passages written for these tests: every field a brief needs,
// read from wire, official and claim styles in English, Russian and Dari.
#include "sitrep/extract/extractor.hpp"
#include "sitrep/geo/name_key.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "../geo/bundled_gazetteer.hpp"
#include "bundled.hpp"

namespace sitrep::extract {
namespace {

const Extractor& extractor() {
  return testing::bundled_extractor();
}

Document report(std::string text, std::string published = "2022-04-20", std::string title = "",
                std::string source = "") {
  Document d;
  d.text = std::move(text);
  d.title = std::move(title);
  d.source = std::move(source);
  d.published = parse_published(published);
  d.id = "test";
  return d;
}

// The low killed toll of a report that tells one event; -1 when it tells none, several, or no
// toll.
int killed_in_one_event(const Document& d) {
  auto x = extractor().extract(d);
  if (x.mentions.size() != 1 || !x.mentions[0].killed) return -1;
  return x.mentions[0].killed->low;
}

std::string quote(const ReportExtraction& x, const Evidence& e) {
  return x.text.substr(e.begin, e.end - e.begin);
}

TEST(Extractor, RocketsAcrossABorderHaveOriginTargetCountAndClaimAgainstDenial) {
  auto x = extractor().extract(report(
      "Militants of the Islamic State Khorasan Province fired ten 107mm rockets from Balkh "
      "province toward a military base in Termez on Monday. Uzbekistan's defence ministry denied "
      "that any attack took place. IS-KP claimed responsibility for the attack."));
  ASSERT_EQ(x.mentions.size(), 1u);
  const Mention& m = x.mentions[0];
  EXPECT_EQ(m.event_type, "Explosions/Remote violence");
  EXPECT_EQ(m.sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(m.weapon, "indirect-fire");
  EXPECT_EQ(m.weapon_count, 10);
  ASSERT_TRUE(m.perpetrator);
  EXPECT_EQ(m.perpetrator->actor, "IS-KP");
  EXPECT_EQ(m.target, "military");
  ASSERT_EQ(m.places.size(), 2u);
  EXPECT_EQ(m.places[0].role, PlaceMention::Role::target);
  EXPECT_EQ(m.places[0].country, "UZ");
  EXPECT_EQ(m.places[1].role, PlaceMention::Role::origin);
  EXPECT_EQ(m.places[1].admin1, "Balkh");
  EXPECT_TRUE(m.cross_border);
  ASSERT_TRUE(m.date);
  EXPECT_EQ(model::format_iso(m.date->start), "2022-04-18");
  EXPECT_EQ(quote(x, m.date_evidence), "Monday");
  EXPECT_EQ(m.claim, model::ClaimStatus::disputed);
  ASSERT_EQ(m.denied_by.size(), 1u);
  EXPECT_EQ(m.denied_by[0].actor, "Government of Uzbekistan");
}

TEST(Extractor, AnUnclaimedAttackOnAShiaMosqueIsAnAttackOnAMinority) {
  auto x = extractor().extract(
      report("At least 31 worshippers were killed when a bomb exploded inside a Shia mosque in "
             "Mazar-i-Sharif. No group has claimed responsibility."));
  ASSERT_EQ(x.mentions.size(), 1u);
  const Mention& m = x.mentions[0];
  EXPECT_EQ(m.target, "minorities");
  EXPECT_EQ(m.target_minority, "Shia");
  EXPECT_EQ(m.claim, model::ClaimStatus::unclaimed);
  ASSERT_TRUE(m.killed);
  EXPECT_EQ(m.killed->low, 31);
  EXPECT_FALSE(m.killed->high);
  EXPECT_EQ(m.places.at(0).admin1, "Balkh");
  EXPECT_TRUE(m.date_from_publication);
}

TEST(Extractor, OfficialsCarryTheirLevel) {
  auto deputy = extractor().extract(
      report("Unidentified gunmen shot dead the deputy governor of Kunar province in Asadabad."));
  ASSERT_EQ(deputy.mentions.size(), 1u);
  EXPECT_EQ(deputy.mentions[0].target, "government");
  EXPECT_EQ(deputy.mentions[0].target_level, "provincial");
  EXPECT_EQ(deputy.mentions[0].event_type, "Violence against civilians");
  EXPECT_EQ(deputy.mentions[0].perpetrator->actor, "Unidentified armed group");
  auto district = extractor().extract(report("A district governor was killed by a magnetic bomb."));
  ASSERT_EQ(district.mentions.size(), 1u);
  EXPECT_EQ(district.mentions[0].target_level, "district");
  EXPECT_EQ(district.mentions[0].sub_event_type, "Remote explosive/landmine/IED");
}

TEST(Extractor, AnOfficialsPlaceGivesTheLevel) {
  // a governor is provincial, but the governor of a district is a district's official; a
  // police chief of a province or named after it is provincial
  struct Case {
    const char* text;
    const char* level;
  };
  for (const Case& c :
       {Case{"Gunmen shot dead the governor of Qaisar district in Faryab province on Sunday.",
             "district"},
        Case{"The police chief of Takhar province was killed by a roadside mine on Saturday.",
             "provincial"},
        Case{"A roadside mine killed the Takhar police chief on Saturday.", "provincial"},
        Case{"A suicide bomber blew himself up near the foreign ministry in Kabul, killing five.",
             "national"},
        Case{"An assistant commissioner was killed when militants ambushed his vehicle in Bajaur.",
             "district"}}) {
    auto x = extractor().extract(report(c.text, "2020-09-20"));
    ASSERT_EQ(x.mentions.size(), 1u) << c.text;
    EXPECT_EQ(x.mentions[0].target, "government") << c.text;
    EXPECT_EQ(x.mentions[0].target_level, c.level) << c.text;
  }
}

TEST(Extractor, TheOfficeASpokesmanSpeaksForWasNotStruck) {
  // the governor speaks through his spokesman, or blames; the police were struck
  for (const char* text :
       {"Five police officers died in the clashes, said Mohammad Jawad Hejri, a spokesman for "
        "the governor.",
        "Taliban fighters attacked police checkpoints, the spokesman for the Uruzgan governor "
        "said.",
        "Gunmen shot dead two policemen in Zurmat district. Provincial officials accused the "
        "Taliban of the killing."}) {
    auto x = extractor().extract(report(text, "2020-09-20"));
    ASSERT_EQ(x.mentions.size(), 1u) << text;
    EXPECT_EQ(x.mentions[0].target, "police") << text;
    EXPECT_EQ(x.mentions[0].target_level, "") << text;
  }
  // "a civil activist was shot dead in Mazar-i-Sharif; the Balkh governor's spokesman blamed
  // the Taliban"
  const std::string dari_text =
      "یک فعال جامعه مدنی روز سه‌شنبه "
      "از سوی افراد مسلح ناشناس در شهر "
      "مزار شریف به ضرب گلوله کشته شد. "
      "سخنگوی والی بلخ طالبان را مسئول "
      "این قتل دانست.";
  auto dari = extractor().extract(report(dari_text, "2020-09-16"));
  ASSERT_EQ(dari.mentions.size(), 1u);
  EXPECT_NE(dari.mentions[0].target, "government");
}

TEST(Extractor, AttacksAreClassedByWhomTheyStruck) {
  auto police = extractor().extract(report("Gunmen attacked a police checkpoint in Kunduz."));
  ASSERT_EQ(police.mentions.size(), 1u);
  EXPECT_EQ(police.mentions[0].event_type, "Battles");
  EXPECT_EQ(police.mentions[0].sub_event_type, "Armed clash");
  auto villagers = extractor().extract(report("Gunmen attacked villagers in Kunduz."));
  ASSERT_EQ(villagers.mentions.size(), 1u);
  EXPECT_EQ(villagers.mentions[0].event_type, "Violence against civilians");
}

TEST(Extractor, AnAircraftThatStruckMadeAnAirStrike) {
  for (const char* text : {"A drone struck a car in Barmal on Friday, killing four people.",
                           "Helicopter gunships pounded a village in Kunar, killing three."}) {
    auto x = extractor().extract(report(text));
    ASSERT_EQ(x.mentions.size(), 1u) << text;
    EXPECT_EQ(x.mentions[0].sub_event_type, "Air/drone strike") << text;
    EXPECT_EQ(x.mentions[0].weapon, "air") << text;
  }
}

TEST(Extractor, ATalibanShadowOfficialIsAFighterNotAnOfficial) {
  auto x = extractor().extract(
      report("The army said it raided a compound in Sayedabad district on Monday, killing 12 "
             "Taliban insurgents, including their shadow district chief.",
             "2019-07-10"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].target, "armed-groups");
  EXPECT_EQ(x.mentions[0].target_level, "");
}

TEST(Extractor, ReportersSpokenToWereNotStruck) {
  auto x = extractor().extract(
      report("Militants stormed a police station in Dera Ismail Khan on Saturday. The Pakistani "
             "Taliban took credit for the assault in a message sent to reporters."));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].target, "police");
  EXPECT_EQ(x.mentions[0].event_type, "Battles");
}

TEST(Extractor, RussianTargetsInTheirCases) {
  // Russian declines its nouns: "у блокпоста" (at the checkpoint), "учителя" (a teacher, as
  // object) are the same targets as their nominatives.
  auto teacher = extractor().extract(
      report("Боевики застрелили учителя в городе Кундуз в понедельник.", "2019-07-10"));
  ASSERT_EQ(teacher.mentions.size(), 1u);
  EXPECT_EQ(teacher.mentions[0].target, "education");
  auto checkpoint = extractor().extract(
      report("В понедельник у блокпоста в городе Асадабад взорвалось самодельное взрывное "
             "устройство, погибли двое.",
             "2019-07-10"));
  ASSERT_EQ(checkpoint.mentions.size(), 1u);
  EXPECT_EQ(checkpoint.mentions[0].target, "police");
}

TEST(Extractor, PashtoReportsGiveTheirEventsActorsAndPlaces) {
  // Pakistani forces firing into Kunar: the actor in its oblique case, the province in Pashto
  // spelling (names.tsv), fire across the border.
  auto shelling = extractor().extract(report(
      "د کونړ ولایت چارواکي وايي چې پاکستاني ځواکونو د درېشنبې په ورځ د ډنګام ولسوالۍ پر استوګنو "
      "سیمو توغندي وویشتل چې درې ملکي وګړي ووژل شول.",
      "2020-07-16"));
  ASSERT_EQ(shelling.mentions.size(), 1u);
  const Mention& m = shelling.mentions[0];
  EXPECT_EQ(m.sub_event_type, "Shelling/artillery/missile attack");
  ASSERT_TRUE(m.perpetrator);
  EXPECT_EQ(m.perpetrator->actor, "Government of Pakistan");
  ASSERT_FALSE(m.places.empty());
  EXPECT_EQ(m.places[0].admin1, "Kunar");
  EXPECT_TRUE(m.cross_border);
  // Suicide vests seized in an arrest name no bombing.
  auto arrest = extractor().extract(
      report("د ملي امنیت ځواکونو د جمعې په ورځ په جلال اباد ښار کې د داعش پنځه غړي ونیول. له "
             "دوی څخه دوه ځانمرګي واسکټونه ترلاسه شوې دي.",
             "2020-07-18"));
  ASSERT_EQ(arrest.mentions.size(), 1u);
  EXPECT_EQ(arrest.mentions[0].sub_event_type, "Arrests");
  // A soldier of the former national army is a civilian.
  auto former = extractor().extract(report(
      "ناپېژانده وسله والو د پخوانۍ ملي اردو یو سرتېری د خوست ښار کې په ډزو ووژل.", "2022-07-16"));
  ASSERT_EQ(former.mentions.size(), 1u);
  EXPECT_EQ(former.mentions[0].target, "civilians");
  EXPECT_EQ(former.mentions[0].event_type, "Violence against civilians");
  // Russian too puts "former" a word before the force: "бывшего сотрудника полиции".
  auto russian = extractor().extract(
      report("В понедельник неизвестные застрелили бывшего сотрудника полиции в городе Кундуз.",
             "2022-07-16"));
  ASSERT_EQ(russian.mentions.size(), 1u);
  EXPECT_EQ(russian.mentions[0].target, "civilians");
}

TEST(Extractor, ANameThatIsACommonWordIsAPlaceOnlyWithItsKindWord) {
  // Urdu "پولیس چوکی" is a police post, not the Kunar town of Chawkay ("چوکی" in GeoNames)...
  auto post = extractor().extract(
      report("بنوں میں نامعلوم مسلح افراد نے پولیس چوکی پر حملہ کیا جس میں تین اہلکار ہلاک ہو گئے۔",
             "2023-05-02"));
  ASSERT_EQ(post.mentions.size(), 1u);
  ASSERT_EQ(post.mentions[0].places.size(), 1u);
  EXPECT_EQ(post.mentions[0].places[0].admin1, "Khyber Pakhtunkhwa");
  // ... but "چوکۍ ولسوالۍ" is the district.
  auto district = extractor().extract(
      report("د کونړ ولایت د چوکۍ ولسوالۍ کې طالبانو پر یوې پوستې برید وکړ او درې سرتېري یې ووژل.",
             "2020-07-16"));
  ASSERT_EQ(district.mentions.size(), 1u);
  ASSERT_FALSE(district.mentions[0].places.empty());
  EXPECT_EQ(district.mentions[0].places[0].admin1, "Kunar");
  EXPECT_EQ(district.mentions[0].places[0].admin2, "Chawkay");
}

TEST(Extractor, RussianReportsFindDistrictsTheGazetteerSpellsOnlyInLatin) {
  // "Чахардара" is GeoBoundaries' "Chahar Dara"; "уезде" is the district word's locative.
  auto x = extractor().extract(
      report("Боевики движения «Талибан» в понедельник атаковали пост полиции в уезде Чахардара "
             "провинции Кундуз, погибли девять полицейских.",
             "2019-08-06"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_FALSE(x.mentions[0].places.empty());
  EXPECT_EQ(x.mentions[0].places[0].admin2, "Chahar Dara");
  EXPECT_EQ(x.mentions[0].places[0].admin1, "Kunduz");
  // names.tsv's "Северный Вазиристан", its adjective and its noun both inflected
  auto waziristan = extractor().extract(report(
      "Боевики напали на колонну армии в Северном Вазиристане, погибли 10 военных.", "2023-08-29"));
  ASSERT_EQ(waziristan.mentions.size(), 1u);
  ASSERT_FALSE(waziristan.mentions[0].places.empty());
  EXPECT_EQ(waziristan.mentions[0].places[0].admin2, "North Wazīristān District");
  // A short spelling that is a Russian word needs its kind word: "Обе" (both) is not Herat's
  // Obe district.
  auto both = extractor().extract(report(
      "Неизвестные застрелили в Кабуле двух судей. Обе женщины погибли на месте.", "2021-01-18"));
  ASSERT_EQ(both.mentions.size(), 1u);
  for (const PlaceMention& p : both.mentions[0].places) EXPECT_NE(p.admin1, "Herat");
}

TEST(Extractor, RussianSourcesAreNotTargetsAndTheDayTheySpokeIsNotTheEventsDay) {
  // "сообщил представитель губернатора": the governor's spokesman spoke; "сообщили во вторник":
  // Tuesday is when, not the Monday of the attack.
  auto x = extractor().extract(
      report("Неизвестные застрелили в понедельник в Джелалабаде двух охранников, сообщил "
             "«Интерфаксу» представитель губернатора провинции Нангархар.",
             "2021-03-03"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_NE(x.mentions[0].target, "government");
  // "как сообщили в администрации губернатора": the governor's office spoke; "не взяла ни одна
  // группировка": nobody claimed it
  auto office = extractor().extract(
      report("Неизвестные напали на автомобиль неправительственной организации в Кандагаре, как "
             "сообщили в администрации губернатора, погибли двое сотрудников. Ответственность за "
             "нападение пока не взяла ни одна группировка.",
             "2020-02-12"));
  ASSERT_EQ(office.mentions.size(), 1u);
  EXPECT_EQ(office.mentions[0].target, "aid-workers");
  // "в заявлении, разосланном журналистам": sent to journalists, who were not struck
  auto sent = extractor().extract(
      report("Боевики обстреляли армейскую колонну в Южном Вазиристане, говорится в заявлении "
             "группировки, разосланном журналистам.",
             "2023-08-29"));
  ASSERT_EQ(sent.mentions.size(), 1u);
  EXPECT_NE(sent.mentions[0].target, "journalists");
  EXPECT_EQ(office.mentions[0].claim, model::ClaimStatus::unclaimed);
  auto said = extractor().extract(
      report("Власти провинции сообщили во вторник, что смертник взорвал себя в понедельник в "
             "мечети в Пешаваре, погибли 20 человек.",
             "2023-01-31"));
  ASSERT_EQ(said.mentions.size(), 1u);
  ASSERT_TRUE(said.mentions[0].date);
  EXPECT_EQ(model::format_iso(said.mentions[0].date->start), "2023-01-30");
}

TEST(Extractor, RussianNamesTheGroupOfItsFightersInTheGenitiveAfterTheVerb) {
  // "нападение совершили боевики «Исламского государства»": the attack was carried out by IS
  // fighters, whose own word "боевики" is not whom they struck.
  auto x = extractor().extract(report(
      "Нападение на пост в Кабуле совершили боевики «Исламского государства».", "2022-01-24"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "IS-KP");
  EXPECT_NE(x.mentions[0].target, "armed-groups");
  // "три бойца сил безопасности талибов": counted, so struck, and after August 2021 the
  // Taliban's forces are the state's military.
  auto counted = extractor().extract(
      report("Три бойца сил безопасности талибов погибли в субботу при нападении на пост в Кабуле.",
             "2022-01-24"));
  ASSERT_EQ(counted.mentions.size(), 1u);
  EXPECT_FALSE(counted.mentions[0].perpetrator &&
               counted.mentions[0].perpetrator->actor == "Taliban");
  EXPECT_EQ(counted.mentions[0].target, "military");
}

TEST(Extractor, TheNounACountOfSeveralCountsIsTheTargetNotANounAfterADeterminer) {
  // Aid workers are the stronger target, but the dead are the policemen escorting them.
  auto x =
      extractor().extract(report("Two policemen escorting a polio vaccination team were "
                                 "killed in Lakki Marwat on Tuesday.",
                                 "2023-04-26"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].target, "police");
  ASSERT_TRUE(x.mentions[0].killed);
  EXPECT_EQ(x.mentions[0].killed->low, 2);
}

TEST(Extractor, UzbekPlacesAreFoundBeforeTheirSuffixedKindWords) {
  // "Andijon viloyatining Asaka tumanida": in Asaka district of Andijan region; Uzbek puts the
  // case ending on the kind word, not the name.
  auto x = extractor().extract(
      report("Andijon viloyatining Asaka tumanida militsiya postiga hujum qilindi.", "2022-03-02"));
  std::vector<std::string> admin2;
  for (const Mention& m : x.mentions) {
    for (const PlaceMention& p : m.places) admin2.push_back(p.admin2);
  }
  EXPECT_NE(std::find(admin2.begin(), admin2.end(), "Asaka Tumani"), admin2.end());
}

TEST(Extractor, AReportWithNoEventStillListsThePlacesAndActorsItNames) {
  // a conference, not an event: what a report in a language read in part still gives
  auto x = extractor().extract(
      report("Toshkent shahrida «Islomiy davlat» va Tolibon haqida xalqaro konferensiya bo'ldi.",
             "2023-05-02"));
  EXPECT_TRUE(x.mentions.empty());
  ASSERT_EQ(x.places.size(), 1u);
  EXPECT_EQ(x.places[0].name, "Tashkent");
  EXPECT_EQ(x.places[0].country, "UZ");
  std::vector<std::string> actors;
  for (const ActorMention& a : x.actors) actors.push_back(a.actor);
  EXPECT_EQ(actors.size(), 2u);
  EXPECT_NE(std::find(actors.begin(), actors.end(), "Taliban"), actors.end());
  // each once, however often named
  auto twice = extractor().extract(report(
      "Gunmen attacked a police post in Kunduz. Kunduz police said gunmen fled.", "2020-03-06"));
  EXPECT_EQ(twice.places.size(), 1u);
  EXPECT_EQ(twice.actors.size(), 1u);
}

TEST(Extractor, UzbekAndTajikEventWordsAreReadWithTheirEndings) {
  auto arrest = extractor().extract(report(
      "Davlat xavfsizlik xizmati Samarqand shahrida uch nafar shaxsni qo‘lga oldi.", "2023-05-02"));
  ASSERT_EQ(arrest.mentions.size(), 1u);
  EXPECT_EQ(arrest.mentions[0].sub_event_type, "Arrests");
  auto tajik =
      extractor().extract(report("Дар ноҳияи Панҷ се нафар боздошт шуданд.", "2023-05-02"));
  ASSERT_EQ(tajik.mentions.size(), 1u);
  EXPECT_EQ(tajik.mentions[0].sub_event_type, "Arrests");
}

TEST(Extractor, DariAndPashtoDistrictsAreFoundBesideTheirKindWordInTheProvinceNamed) {
  // Arabic script has no capitals to mark a name: a word beside "ولسوالی" (district) is looked
  // up, and a spelling met only by its consonants counts in the province the text names
  auto admin2_of = [](const ReportExtraction& x) {
    std::vector<std::string> out;
    for (const Mention& m : x.mentions) {
      for (const PlaceMention& p : m.places) out.push_back(p.admin2);
    }
    return out;
  };
  auto dari = extractor().extract(
      report("جنگجویان طالب بر پاسگاه‌های پولیس در ولسوالی "
             "اندر "
             "ولایت "
             "غزنی "
             "حمله کردند.",
             "2020-06-10"));
  auto d = admin2_of(dari);
  EXPECT_NE(std::find(d.begin(), d.end(), "Andar"), d.end());
  auto pashto = extractor().extract(
      report("د هلمند ولایت د ګرمسیر ولسوالۍ کې یو موټر له ماین سره ولګېد.", "2016-11-14"));
  auto p = admin2_of(pashto);
  EXPECT_NE(std::find(p.begin(), p.end(), "Garmser"), p.end());
}

// The first event's claim status, unknown when no event is read.
model::ClaimStatus first_claim(const std::string& text,
                               const std::string& published = "2022-04-20") {
  auto x = extractor().extract(report(text, published));
  return x.mentions.empty() ? model::ClaimStatus::unknown : x.mentions.front().claim;
}

// The first event's target type, "" when none is read.
std::string first_target(const std::string& text, const std::string& published = "2022-04-20") {
  auto x = extractor().extract(report(text, published));
  return x.mentions.empty() ? std::string() : x.mentions.front().target;
}

// The first event's first place, read from one sentence of 2020-06-10.
PlaceMention first_place(const std::string& text) {
  auto x = extractor().extract(report(text, "2020-06-10"));
  return x.mentions.empty() || x.mentions.front().places.empty()
             ? PlaceMention{}
             : x.mentions.front().places.front();
}

TEST(Extractor, ABareNameOfAProvinceAndItsSeatIsTheProvinceUnlessTheTextSaysTheTown) {
  PlaceMention herat = first_place("Taliban commander killed in Herat.");
  EXPECT_EQ(herat.precision, "admin1");
  EXPECT_EQ(herat.admin1, "Herat");
  EXPECT_EQ(herat.admin2, "");
  // It stands where the town does, at the province's seat.
  PlaceMention town = first_place("Taliban commander killed in the western city of Herat.");
  EXPECT_EQ(town.precision, "point");
  EXPECT_NEAR(herat.latitude, town.latitude, 1e-6);
  EXPECT_EQ(first_place("Taliban commander killed in Herat city.").precision, "point");
  EXPECT_EQ(first_place("Талибы атаковали пост полиции в городе Кундуз.").precision, "point");
  EXPECT_EQ(first_place("Талибы атаковали пост полиции в Кундузе.").precision, "admin1");
  // The national capital is the city.
  EXPECT_EQ(first_place("A bomb killed three people in Kabul.").precision, "point");
  // In Arabic script too; Pashto puts "city" after the name.
  EXPECT_EQ(first_place("په غزني کې یوه چاودنه وشوه او درې کسان ووژل شول.").precision, "admin1");
  EXPECT_EQ(first_place("د غزني ښار کې یوه چاودنه وشوه او درې کسان ووژل شول.").precision, "point");
}

TEST(Extractor, AGroupsOwnVoiceAndItsSpokesmanOnItsFightersClaim) {
  // A claim in the group's voice: "by the grace of Allah, soldiers of the caliphate detonated …"
  auto voice = extractor().extract(
      report("ولایت خراسان – به توفیق الله تعالی، سربازان خلافت روز پنجشنبه یک دستگاه انفجاری را "
             "در یک موتر در شهر مزار شریف منفجر ساختند. در نتیجه ۹ تن هلاک شدند.",
             "2022-04-29"));
  ASSERT_EQ(voice.mentions.size(), 1u);
  EXPECT_EQ(voice.mentions[0].claim, model::ClaimStatus::claimed);
  ASSERT_EQ(voice.mentions[0].claimed_by.size(), 1u);  // the group once, named twice
  EXPECT_EQ(voice.mentions[0].claimed_by[0].actor, "IS-KP");
  // "the Taliban's spokesman said on Twitter that the movement's fighters 'cleared' three posts"
  EXPECT_EQ(first_claim("Девять полицейских погибли при нападении на посты в уезде Ханабад "
                        "провинции Кундуз. Официальный представитель талибов Забихулла Муджахид "
                        "заявил в Twitter, что боевики движения «зачистили» три поста.",
                        "2020-07-09"),
            model::ClaimStatus::claimed);
}

TEST(Extractor, UzbekTajikArabicAndUrduClaimsAndTheirNegativesAreRead) {
  const std::string uzbek = "Qunduz shahrida mina portlashi oqibatida uch kishi halok bo'ldi. ";
  EXPECT_EQ(first_claim(uzbek + "«Islomiy davlat» hujum uchun mas'uliyatni o'z zimmasiga oldi."),
            model::ClaimStatus::claimed);
  EXPECT_EQ(first_claim(uzbek + "Hozircha hech bir guruh javobgarlikni o'z zimmasiga olmagan."),
            model::ClaimStatus::unclaimed);
  const std::string tajik = "Дар шаҳри Кундуз дар натиҷаи таркиши мина се нафар кушта шуданд. ";
  EXPECT_EQ(first_claim(tajik + "Гурӯҳи «Давлати исломӣ» масъулияти ҳамларо бар дӯш гирифт."),
            model::ClaimStatus::claimed);
  EXPECT_EQ(first_claim(tajik + "То ҳол касе масъулияти ин ҳамларо бар дӯш нагирифтааст."),
            model::ClaimStatus::unclaimed);
  EXPECT_EQ(first_claim("قتل ثلاثة أشخاص في انفجار عبوة ناسفة في مدينة قندوز. ولم تعلن أي جهة "
                        "مسؤوليتها عن الهجوم."),
            model::ClaimStatus::unclaimed);
  EXPECT_EQ(first_claim("کوئٹہ میں بم دھماکے میں تین افراد ہلاک ہو گئے۔ کسی گروہ نے واقعے کی ذمہ "
                        "داری قبول نہیں کی۔"),
            model::ClaimStatus::unclaimed);
}

TEST(Extractor, PashtoSaysNobodyTookResponsibilityAndNoConnection) {
  // "so far no group has taken responsibility for this blast"
  EXPECT_EQ(first_claim("د باجوړ ضلعې کې د پولیسو ګاډي ته نږدې یو ریموټ کنټرول بم وچاودېد او پنځه "
                        "پولیس شهیدان شول. تر دې دمه کومې ډلې د دې چاودنې ذمه واري نه ده "
                        "اخیستې."),
            model::ClaimStatus::unclaimed);
  // a TTP commander claimed it; its spokesman said the movement has no connection with it
  EXPECT_EQ(first_claim("د ډېره اسماعیل خان ښار کې یوه ځانمرګي بریدګر خپل ځان والوزاوه او 9 "
                        "پولیس شهیدان شول. د تحریک طالبان پاکستان یوه قوماندان د دې برید مسؤلیت "
                        "ومانه، خو د دې ډلې ویاند وویل چې تحریک له دې برید سره تړاو نه لري."),
            model::ClaimStatus::disputed);
}

TEST(Extractor, TheCountedPersonsCommunityAndNotWhatTheyGuardedIsTheTarget) {
  EXPECT_EQ(first_target("A police constable assigned to guard a polio vaccination team was shot "
                         "dead in Swabi, officials said."),
            "police");
  EXPECT_EQ(first_target("A shopkeeper belonging to the Shia community was killed in Parachinar "
                         "on Monday when gunmen fired at him."),
            "minorities");
}

TEST(Extractor, AMilitaryAirportIsAMilitaryTargetBeforeItsCheckpoint) {
  EXPECT_EQ(first_target("An explosion at a checkpoint outside Kabul's military airport on Sunday "
                         "killed several people."),
            "military");
  EXPECT_EQ(first_target("Militants fired rockets at the Bagram air base on Sunday."), "military");
}

TEST(Extractor, ThoseArrestedAsMilitantsAreAnArmedGroupAndWorkersAreCivilians) {
  EXPECT_EQ(first_target("The Counter-Terrorism Department arrested four suspected militants in a "
                         "raid in Dera Ismail Khan on Wednesday, a CTD official said.",
                         "2023-07-06"),
            "armed-groups");
  EXPECT_EQ(first_target("Gunmen attacked a group of farm workers in Samangan province on Tuesday "
                         "night, killing 10 of them.",
                         "2020-06-17"),
            "civilians");
  // residents held as suspected members of a group the text names are that group's men
  EXPECT_EQ(first_target("Сотрудники СГБ Узбекистана задержали в Ташкенте троих жителей столицы, "
                         "подозреваемых в вербовке в ряды «Исламского государства».",
                         "2023-04-14"),
            "armed-groups");
  EXPECT_EQ(first_target("Police arrested five residents of Peshawar suspected of links to the "
                         "Tehreek-e-Taliban Pakistan.",
                         "2023-04-14"),
            "armed-groups");
  // people a state's forces detain, named by no trade or faith of their own, are held as
  // members of armed groups; journalists stay journalists
  EXPECT_EQ(first_target("Tajik security services detained nine people in Khatlon province on "
                         "Monday on suspicion of links to the Islamic State group.",
                         "2023-04-14"),
            "armed-groups");
  EXPECT_EQ(
      first_target("Taliban intelligence arrested two journalists of a local radio station in "
                   "Bamiyan city on Sunday.",
                   "2023-07-10"),
      "journalists");
  // a coal mine is where they worked; its collapse would be an accident
  EXPECT_EQ(first_target("Gunmen attacked a group of coal mine workers in Samangan province on "
                         "Tuesday night, killing 10 of them.",
                         "2020-06-17"),
            "civilians");
  EXPECT_TRUE(extractor()
                  .extract(report("Twelve miners were killed when a coal mine collapsed in "
                                  "Balochistan on Sunday.",
                                  "2020-06-17"))
                  .mentions.empty());
}

TEST(Extractor, DariAndPashtoSayTheyHadNoRoleInIt) {
  EXPECT_EQ(first_claim("روز چهارشنبه افراد مسلح بر یک پاسگاه پولیس در کندز حمله کردند و سه "
                        "پولیس کشته شدند. سخنگوی طالبان گفت که این گروه در این حمله نقشی "
                        "نداشته است."),
            model::ClaimStatus::denied);
  EXPECT_EQ(first_claim("وسله والو د کندز ښار کې د پولیسو پر یوه پوسته برید وکړ او درې پولیس "
                        "ووژل شول. طالبانو وویل چې دوی په دې برید کې ښکېل نه وو."),
            model::ClaimStatus::denied);
}

TEST(Extractor, RussianAnnouncesOrAdmitsInvolvementAndHasNothingToDoWithIt) {
  EXPECT_EQ(first_claim("В среду боевики атаковали пост полиции в Кундузе, погибли трое "
                        "полицейских. Группировка «Исламское государство» объявила о своей "
                        "причастности к нападению."),
            model::ClaimStatus::claimed);
  EXPECT_EQ(first_claim("В среду боевики атаковали пост полиции в Кундузе, погибли трое "
                        "полицейских. Талибы заявили, что не имеют отношения к нападению."),
            model::ClaimStatus::denied);
}

TEST(Extractor, RussianDenialsAndNoClaimsInOtherWords) {
  const std::string blast = "В Кабуле взорвалась бомба, погибли пять человек. ";
  // "said they have nothing at all to do with the attack", "the movement is not behind it"
  EXPECT_EQ(first_claim(blast + "Талибы заявили, что не имеют никакого отношения к нападению."),
            model::ClaimStatus::denied);
  EXPECT_EQ(first_claim(blast + "Представитель талибов сказал, что движение не стоит за взрывом."),
            model::ClaimStatus::denied);
  // "nobody has yet declared responsibility", "none of the groups took responsibility"
  EXPECT_EQ(first_claim(blast + "Об ответственности пока никто не заявил."),
            model::ClaimStatus::unclaimed);
  EXPECT_EQ(first_claim(blast + "Ни одна из группировок не взяла на себя ответственность."),
            model::ClaimStatus::unclaimed);
}

TEST(Extractor, NeitherConfirmingNorDenyingIsNoDenial) {
  EXPECT_EQ(first_claim("Airstrikes killed 40 civilians in Khost province on Saturday. Pakistan's "
                        "foreign ministry neither confirmed nor denied the strikes."),
            model::ClaimStatus::unknown);
  EXPECT_EQ(first_claim("Не менее 40 мирных жителей погибли в результате авиаударов по уезду "
                        "Спера провинции Хост. МИД Пакистана ни подтвердил, ни опроверг удары."),
            model::ClaimStatus::unknown);
}

TEST(Extractor, UzbekTajikArabicAndDariTargetsAreRead) {
  // the attackers' "fighters" is no target beside the army post they attacked
  EXPECT_EQ(first_target("Ҷангиёни Толибон ба посгоҳи артиш дар вилояти Тахор ҳамла карданд."),
            "military");
  EXPECT_EQ(first_target("Форёб вилоятида мина портлаши оқибатида уч нафар тинч аҳоли вакили ҳалок "
                         "бўлди."),
            "civilians");
  EXPECT_EQ(first_target("هاجم مسلحون مركز شرطة في ولاية قندوز وقتلوا ثلاثة."), "police");
  // the governor's spokesman speaks: the journalist was struck
  EXPECT_EQ(first_target("عطاءالله خوگیانی، سخنگوی والی ننگرهار، گفت که یک خبرنگار در شهر "
                         "جلال‌آباد "
                         "از سوی افراد مسلح ناشناس هدف گلوله قرار گرفت و کشته شد."),
            "journalists");
  // "مزار" is a shrine, but in "مزار شریف" it is the city's name
  EXPECT_EQ(first_target("یک ماین مقناطیسی در شهر مزار شریف منفجر شد و دو سرباز را کشت."),
            "military");
  // Uzbek and Tajik add their endings to the word: "gumonlanuvchini" (the suspect, object),
  // "қочоқбарро" (the smugglers, object); a rented house is where the suspects were
  EXPECT_EQ(first_target("Davlat xavfsizlik xizmati Toshkent shahrida ijaraga olingan xonadonda "
                         "besh nafar gumonlanuvchini qo‘lga oldi.",
                         "2023-08-30"),
            "armed-groups");
  EXPECT_EQ(first_target("Марзбонони тоҷик дар ноҳияи Панҷ бо қочоқбарон даргир шуданд ва ду "
                         "қочоқбарро куштанд.",
                         "2023-08-30"),
            "armed-groups");
  // an Urdu Sikh shopkeeper; Arabic journalists
  EXPECT_EQ(first_target("پشاور میں نامعلوم موٹر سائیکل سواروں نے فائرنگ کر کے سکھ برادری سے تعلق "
                         "رکھنے والے دکاندار کو قتل کر دیا۔"),
            "minorities");
  EXPECT_EQ(first_target("قتل مسلحون مجهولون صحفيين اثنين في مدينة جلال آباد."), "journalists");
  // "workers of an international charity", in Pashto
  EXPECT_EQ(first_target("ناپېژانده وسله والو د چغچران ښار ته نږدې د یوې نړیوالې خیریه موسسې "
                         "څلور افغان کارکوونکي وتښتول."),
            "aid-workers");
  // Dari counts in the singular: "دو غیرنظامی" (two civilians)
  EXPECT_EQ(first_target("نیروهای پاکستانی بر روستاهای ولسوالی تنی شلیک کردند و دو غیرنظامی "
                         "کشته شدند."),
            "civilians");
  // who speaks opens the clause and says it last, to whom between: "سخنگوی والی بادغیس به طلوع
  // نیوز گفت" (the Badghis governor's spokesman told Tolo News)
  EXPECT_EQ(first_target("جنگجویان طالب بر دو پاسگاه اردوی ملی حمله کردند. سخنگوی والی بادغیس به "
                         "طلوع نیوز گفت که در این درگیری هشت سرباز کشته شدند."),
            "military");
  // but the clause's subject, not a target before its verb, denied: "امارت اسلامی در قتل سربازان
  // پیشین … دست ندارد" (the Emirate had no hand in killing the former soldiers)
  EXPECT_EQ(first_target("مجاهد گفت که امارت اسلامی در قتل سربازان پیشین در "
                         "سپین‌بولدک "
                         "دست "
                         "ندارد. این سه تن روز پنجشنبه از سوی افراد مسلح ناشناس به ضرب گلوله "
                         "کشته شدند."),
            "civilians");
}

TEST(Extractor, UzbekAndTajikSourcesAreNoPerpetratorsAndMeanwhileOrBeforeThisStartsAnotherEvent) {
  // "according to the Taliban government's official spokesman": a source, not who did it
  auto uzbek = extractor().extract(
      report("Tolibon hukumati rasmiy vakili Zabihulloh Mujohidning so'zlariga ko'ra, Qunduz "
             "shahrida portlash oqibatida ikki kishi halok bo'ldi.",
             "2022-03-09"));
  ASSERT_EQ(uzbek.mentions.size(), 1u);
  EXPECT_FALSE(uzbek.mentions[0].perpetrator.has_value());
  // "دар ҳамин ҳол" (meanwhile): a blast in Taloqan, then a raid in Kunduz
  auto tajik = extractor().extract(
      report("Рӯзи душанбе дар шаҳри Толиқон таркиши мина ду ғайринизомиро кушт. Дар ҳамин ҳол, "
             "рӯзи сешанбе дар шаҳри Кундуз дар натиҷаи амалиёти Толибон се узви гурӯҳи «Давлати "
             "исломӣ» кушта шуданд.",
             "2022-03-09"));
  EXPECT_EQ(tajik.mentions.size(), 2u);
  // Pashto "له دې مخکې" (before this): rockets on Kabul, and earlier a mine under a police car
  auto pashto = extractor().extract(
      report("د شنبې په سهار د کابل ښار ته ۲۳ راکټونه ولګېدل چې اته ملکي وګړي یې ووژل. له دې "
             "مخکې په هماغه سهار یوه مقناطیسي ماین چې د پولیسو پر یوه موټر نښتې وه، وچاودېده او "
             "یو پولیس یې ووژه.",
             "2020-11-22"));
  EXPECT_EQ(pashto.mentions.size(), 2u);
}

TEST(Extractor, TheOthersKilledAddToThoseNamedBeforeThem) {
  // "along with him two more people died": the governor and two others
  EXPECT_EQ(killed_in_one_event(report(
                "Губернатор афганской провинции Балх погиб в четверг в результате взрыва в "
                "Мазари-Шарифе. Вместе с ним погибли ещё два человека, несколько получили ранения.",
                "2023-03-10", "Губернатор афганской провинции Балх погиб при взрыве")),
            3);
  // Pashto "دوه نور کسان" (two other persons)
  EXPECT_EQ(
      killed_in_one_event(report(
          "د بلخ والي پرون سهار د مزار شریف ښار کې په خپل دفتر کې په یوه ځانمرګي برید کې ووژل "
          "شو. ویاند وویل چې په دې برید کې د والي سربېره دوه نور کسان هم ووژل شول.",
          "2023-03-10")),
      3);
  EXPECT_EQ(killed_in_one_event(report("Gunmen shot dead the district governor on Monday. Two "
                                       "others were killed in the attack.",
                                       "2022-01-04")),
            3);
}

TEST(Extractor, DariAndPashtoTollsOfOthersAddUp) {
  // "the governor … was killed. … two guards of the governor also died in this attack"
  EXPECT_EQ(killed_in_one_event(report(
                "والی ولایت زابل روز سه شنبه در یک حمله انتحاری در شهر "
                "قلات کشته شد. مقام‌های محلی می‌گویند که دو "
                "محافظ "
                "والی "
                "نیز "
                "در این حمله جان باختند.",
                "2019-07-24")),
            3);
  // "three members of Daesh were killed and a soldier of the Emirate was martyred": Daesh,
  // named before the count, is whom the three were
  EXPECT_EQ(killed_in_one_event(report("په کندز کې په دې عملیاتو کې د داعش درې غړي ووژل شول او "
                                       "د امارت یو سرتېری هم شهید شو.",
                                       "2023-02-14")),
            4);
}

TEST(Extractor, AttackersCountedInRussianAreOthersButNeverTheTarget) {
  // "fifteen attackers were destroyed … a serviceman and an officer died": 17
  EXPECT_EQ(killed_in_one_event(report("В Рудакинском районе пятнадцать нападавших уничтожены. "
                                       "При отражении атаки погибли военнослужащий пограничных "
                                       "войск и сотрудник органов внутренних дел.",
                                       "2019-11-07")),
            17);
  // "armed men attacked a post in Kabul, the attackers fled": nobody named was struck
  EXPECT_EQ(first_target("Вооружённые люди напали на пост в Кабуле, нападавшие скрылись."), "");
}

TEST(Extractor, ARussianOneKilledAndTheOneKilledWithThemAreTwo) {
  // "shot dead a presenter … together with her died the driver": the object's singular
  // ending says one, "вместе с ней" says the driver is another
  EXPECT_EQ(killed_in_one_event(report("В Джелалабаде неизвестные застрелили телеведущую местного "
                                       "канала. Вместе с ней погиб водитель.",
                                       "2020-12-11")),
            2);
  // "a blast that took the life of the governor … his driver also died"
  EXPECT_EQ(killed_in_one_event(report("В Файзабаде взрыв унёс жизнь губернатора провинции "
                                       "Бадахшан. Погиб также его водитель, ещё шесть человек "
                                       "ранены.",
                                       "2023-06-07")),
            2);
}

// The first event's perpetrator, "" when none is named.
std::string first_perpetrator(const std::string& text, const std::string& published,
                              const std::string& title = "") {
  auto x = extractor().extract(report(text, published, title));
  return x.mentions.empty() || !x.mentions.front().perpetrator
             ? std::string()
             : x.mentions.front().perpetrator->actor;
}

// The first event's perpetrator and whether it is only suspected; "" when none is named.
std::pair<std::string, bool> first_suspect(const std::string& text) {
  auto x = extractor().extract(report(text, "2016-11-14"));
  if (x.mentions.empty() || !x.mentions.front().perpetrator) return {"", false};
  return {x.mentions.front().perpetrator->actor, x.mentions.front().perpetrator->uncertain};
}

TEST(Extractor, DariAndPashtoBlameTheActorRightBeforeTheVerb) {
  const std::pair<std::string, bool> suspected_taliban{"Taliban", true};
  // "The governor held the Taliban responsible", "… attributed this attack to the Taliban",
  // "… attributed this mine to the Taliban": the verb comes after the one blamed, who is
  // suspected, not the speaker.
  const std::string dari =
      "روز یکشنبه یک ماین کنار جاده در ولسوالی گرمسیر ولایت هلمند منفجر "
      "شد و شش غیرنظامی را کشت. ";
  EXPECT_EQ(first_suspect(dari + "والی هلمند طالبان را مسئول دانست."), suspected_taliban);
  EXPECT_EQ(first_suspect(dari + "والی هلمند این حمله را به طالبان نسبت داد."), suspected_taliban);
  EXPECT_EQ(first_suspect("د هلمند ولایت د ګرمسیر ولسوالۍ په مرکز کې یو موټر له ماین سره "
                          "ولګېد او شپږ ملکي وګړي ووژل شول. والي دا ماین طالبانو ته منسوب کړ."),
            suspected_taliban);
  // In English the one who blames comes right before the verb, and only speaks.
  EXPECT_EQ(first_suspect("A roadside bomb killed six civilians in Garmsir district of Helmand "
                          "on Sunday. The Taliban blamed the army."),
            (std::pair<std::string, bool>{"", false}));
}

TEST(Extractor, AnUzbekSideFiredTowardIsStruckNotStriking) {
  // "shots were fired from the Afghan bank toward a patrol of Uzbek border guards"
  EXPECT_EQ(first_perpetrator("Сурхондарё вилоятининг Музработ туманида Амударёнинг Афғонистон "
                              "қирғоғидан ўзбекистонлик чегарачилар патрулига қарата ўқ узилди.",
                              "2019-11-12"),
            "Unidentified armed group");
}

TEST(Extractor, AProtestWithNoOrganiserNamedIsMadeByProtesters) {
  EXPECT_EQ(first_perpetrator("BANNU: Hundreds of traders staged a sit-in outside the Bannu press "
                              "club on Saturday against extortion.",
                              "2023-11-05"),
            "Protesters");
  // A government that lodges a protest with another holds no protest
  auto x = extractor().extract(report(
      "پاکستان نے کابل میں افغان عبوری حکومت کے سامنے شدید احتجاج ریکارڈ کرایا ہے۔", "2022-12-12"));
  EXPECT_TRUE(x.mentions.empty());
}

TEST(Extractor, ARussianPassivesAgentInTheInstrumentalIsThePerpetrator) {
  // "three policemen were killed by the Taliban"
  EXPECT_EQ(first_perpetrator("Во вторник в провинции Кундуз трое полицейских были убиты талибами.",
                              "2020-12-16"),
            "Taliban");
  // "a post was attacked by Taliban fighters"
  EXPECT_EQ(first_perpetrator("Во вторник в провинции Кундуз пост полиции был атакован боевиками "
                              "«Талибана», погибли трое полицейских.",
                              "2020-12-16"),
            "Taliban");
  // "a magnetic mine attached to his car by unknown men"
  EXPECT_EQ(first_perpetrator("Заместитель губернатора провинции Кабул погиб во вторник в "
                              "результате взрыва магнитной мины, прикреплённой неизвестными к "
                              "его автомобилю.",
                              "2020-12-16"),
            "Unidentified armed group");
}

TEST(Extractor, AnAirForceNamedInRussianMadeAnAirStrikeOnThoseNamedBeforeIt) {
  // "some twenty Taliban fighters were destroyed by air strikes of the Afghan air force": the
  // air force struck, the Taliban named first were struck
  EXPECT_EQ(first_perpetrator("Около двадцати боевиков движения «Талибан» уничтожены в результате "
                              "авиаударов ВВС Афганистана в уезде Нади-Али провинции Гильменд.",
                              "2020-10-12"),
            "Government of Afghanistan (2004-2021)");
}

TEST(Extractor, AnAirForceNamedInRussianMadeAnAirStrike) {
  auto x = extractor().extract(
      report("В воскресенье ВВС Афганистана нанесли удар по позициям движения в уезде Над-Али "
             "провинции Гильменд: уничтожены 15 боевиков.",
             "2020-07-13"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].sub_event_type, "Air/drone strike");
  ASSERT_TRUE(x.mentions[0].perpetrator.has_value());
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Government of Afghanistan (2004-2021)");
}

TEST(Extractor, StrikesOfPakistaniAviationAreAnAirStrikeAcrossTheBorder) {
  // "40 civilians died in strikes of the Pakistani aviation on villages of Spera district"
  auto x = extractor().extract(
      report("Не менее 40 мирных жителей погибли в результате ударов пакистанской авиации по "
             "деревням в уезде Спера афганской провинции Хост.",
             "2022-04-17"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].sub_event_type, "Air/drone strike");
  ASSERT_TRUE(x.mentions[0].perpetrator.has_value());
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Government of Pakistan");
  EXPECT_TRUE(x.mentions[0].cross_border);
}

TEST(Extractor, ADariMinistryOfTheEmirateSpeaksAndTheAirForceNamedStruck) {
  // "the Islamic Emirate's ministry of defence says Pakistani jets bombed four villages"
  EXPECT_EQ(
      first_perpetrator("وزارت دفاع ملی امارت اسلامی می‌گوید که "
                        "جنگنده‌های "
                        "پاکستانی "
                        "سه‌شنبه "
                        "شب چهار روستا را در ولسوالی برمل ولایت پکتیکا بمباران کردند.",
                        "2024-12-25"),
      "Government of Pakistan");
  // "the ministry of defence said in a statement that the Afghan air force struck Taliban
  // positions"
  EXPECT_EQ(
      first_perpetrator(
          "وزارت دفاع ملی در اعلامیه‌ای گفته است که نیروی "
          "هوایی "
          "افغانستان "
          "شب "
          "گذشته مواضع طالبان را در ولسوالی ژری ولایت قندهار هدف قرار داده "
          "است.",
          "2020-09-27"),
      "Government of Afghanistan (2004-2021)");
}

TEST(Extractor, RussianOperationsAndAfghanBorderGuardsNameWhoStruck) {
  // "security forces conducted an operation … six terrorists were eliminated in the firefight"
  EXPECT_EQ(first_perpetrator("25 августа силы безопасности провели операцию в районе "
                              "Датта-Хель округа Северный Вазиристан. В ходе перестрелки шестеро "
                              "террористов были ликвидированы.",
                              "2023-08-26", "Операция сил безопасности в Северном Вазиристане"),
            "Government of Pakistan");
  // Afghan border guards in 2022 are the Taliban's, though the shells fell in Pakistan
  EXPECT_EQ(first_perpetrator("Шесть мирных жителей погибли в пакистанском городе Чаман. По данным "
                              "военных, афганские пограничники открыли огонь из артиллерии.",
                              "2022-12-12"),
            "Taliban");
}

TEST(Extractor, ADariClaimantIsFoundAcrossTheTimeAndChannelBeforeTheVerb) {
  // IS … a few hours later … through the Amaq agency … took responsibility for this attack
  const std::string attack =
      "افراد مسلح ناشناس صبح روز پنجشنبه در شهر "
      "جلال‌آباد "
      "بر "
      "یک "
      "خبرنگار "
      "حمله "
      "کردند "
      "و "
      "او "
      "را "
      "کشتند.";
  const std::string claim =
      " گروه داعش چند ساعت بعد از طریق خبرگزاری اعماق مسئولیت این حمله را به عهده گرفت.";
  EXPECT_EQ(first_perpetrator(attack + claim, "2022-04-20"), "IS-KP");
  // Pashto's oblique "unknown persons" are unidentified attackers
  EXPECT_EQ(first_perpetrator("د شمالي وزیرستان ضلعې په یوه کلي کې ناپېژاندو کسانو د شنبې په شپه "
                              "د نجونو یو ښوونځی په چاودېدونکو توکو والوځاوه.",
                              "2022-04-20"),
            "Unidentified armed group");
}

TEST(Extractor, EachBulletOfAListIsItsOwnEventAndRussianDeclaresResponsibility) {
  // a channel's digest: one event per bullet, each with its own claim
  auto x = extractor().extract(
      report("• Округ Танк: в ночь на понедельник боевики обстреляли полицейский участок. Двое "
             "полицейских погибли. ТТП заявило об ответственности.\n• Округ Хайбер: утром в "
             "понедельник у машины члена местного «комитета мира» сработала бомба. Никто о "
             "причастности не заявлял.",
             "2023-10-17"));
  ASSERT_EQ(x.mentions.size(), 2u);
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::claimed);
  EXPECT_EQ(x.mentions[1].claim, model::ClaimStatus::unclaimed);
}

TEST(Extractor, BombsARussianArrestReportSaysWereToBeMadeAreNoBlast) {
  // arrested while preparing an attack; instructions for making bombs were seized
  auto x = extractor().extract(
      report("Служба государственной безопасности сообщила о задержании четырёх местных жителей, "
             "которые готовили вооружённое нападение на сотрудников полиции. При обыске у "
             "задержанных изъяты патроны и телефоны с инструкциями по изготовлению бомб.",
             "2023-05-12"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].sub_event_type, "Arrests");
}

TEST(Extractor, ATollSinceTheStartOfTheYearIsAStatisticNotTheEvents) {
  auto x = extractor().extract(
      report("Двое полицейских погибли во вторник при нападении боевиков в Пешаваре. С начала "
             "года в провинции в результате терактов погибли более 300 человек.",
             "2023-07-31"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].killed.has_value());
  EXPECT_EQ(x.mentions[0].killed->low, 2);
}

TEST(Extractor, TheTalibanSpokesmanClaimsAndDeniesForTheTaliban) {
  const std::string attack =
      "Пятеро полицейских погибли при нападении боевиков на блокпост в провинции Кундуз. ";
  // "said the fighters had seized the post": a claim by the movement
  EXPECT_EQ(first_claim(attack + "Официальный представитель движения Забихулла Муджахид в "
                                 "Twitter заявил, что боевики захватили пост.",
                        "2020-06-23"),
            model::ClaimStatus::claimed);
  // "said that the Taliban had nothing to do with the killing": a denial, not a claim too
  EXPECT_EQ(first_claim(attack + "Представитель движения Забихулла Муджахид заявил, что "
                                 "талибы к убийству непричастны.",
                        "2020-06-23"),
            model::ClaimStatus::denied);
}

TEST(Extractor, RussianTerroristsKilledAreArmedGroupsAndAddToTheSoldiersLost) {
  auto x = extractor().extract(
      report("25 августа силы безопасности провели операцию в округе Северный Вазиристан. В ходе "
             "перестрелки шестеро террористов были ликвидированы. Двое военнослужащих погибли.",
             "2023-08-26"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].target, "armed-groups");
  ASSERT_TRUE(x.mentions[0].killed.has_value());
  EXPECT_EQ(x.mentions[0].killed->low, 8);  // six terrorists and two soldiers
}

TEST(Extractor, RussianEmbassiesCadetsAndWeddingsAreTargets) {
  // as in English: an embassy is diplomatic, whoever died at its gate
  EXPECT_EQ(first_target("У входа в консульский отдел посольства России в Кабуле боевик привёл в "
                         "действие взрывное устройство, погибли шесть человек."),
            "diplomatic");
  EXPECT_EQ(first_target("Смертник подорвал себя у автобуса в Кабуле, погибли четыре курсанта."),
            "police");
  EXPECT_EQ(first_target("В провинции Нангархар при взрыве на свадьбе погибли 20 человек."),
            "civilians");
}

TEST(Extractor, RussianPresentersAndFightersOfTheForcesAreTargets) {
  EXPECT_EQ(first_target("В Джелалабаде неизвестные застрелили телеведущую местного канала."),
            "journalists");
  EXPECT_EQ(first_target("Бойцы возвращались с патрулирования, когда по их машине в провинции "
                         "Кундуз открыли огонь, трое бойцов погибли."),
            "military");
}

TEST(Extractor, ANameAfterAProvinceWordIsStillADistrictByTheDistrictWordAfterIt) {
  // "د هلمند ولایت ګرمسیر ولسوالۍ": Garmser is no province, but the word after it says district
  PlaceMention p = first_place("د هلمند ولایت ګرمسیر ولسوالۍ کې یو موټر له ماین سره ولګېد.");
  EXPECT_EQ(p.precision, "admin2");
  EXPECT_EQ(p.admin2, "Garmser");
}

TEST(Extractor, ADariDistrictOfTwoWordsIsFoundBesideItsKindWord) {
  PlaceMention p = first_place(
      "جنگجویان طالب بر پاسگاه‌های پولیس در ولسوالی قره "
      "باغ "
      "ولایت "
      "غزنی "
      "حمله "
      "کردند.");
  EXPECT_EQ(p.precision, "admin2");
  EXPECT_EQ(p.admin2, "Qarabagh");
  EXPECT_EQ(p.admin1, "Ghazni");
}

TEST(Extractor, APersianNameIsFoundHoweverItsConnectingVowelIsJoined) {
  // GeoNames writes "Sar-e Pul" and "Pul-e Khumri"; wires write "Sar-e-Pul", "Pul-i-Khumri".
  EXPECT_EQ(first_place("A bomb killed a man in Sar-e-Pul on Tuesday.").admin1,
            "Sar-e Pol Province");
  EXPECT_EQ(first_place("A bomb killed a man in Pul-i-Khumri on Tuesday.").admin1, "Baghlan");
  EXPECT_EQ(first_place("A bomb killed a man in Pul-e-Alam on Tuesday.").admin1, "Logar");
}

TEST(Extractor, ADariNameRunTogetherOrWithAWordOfThreeLettersIsFound) {
  // GeoNames spells "مهتر لام" with a space; Dari writers often run the words together or join
  // them with a zero-width non-joiner. Unwritten vowels leave district names of three letters
  // ("ژری", Zhari) or starting with such a word ("دشت ارچی").
  PlaceMention run_together =
      first_place("یک مقام محلی در شهر مهترلام، مرکز ولایت لغمان، به ضرب گلوله کشته شد.");
  EXPECT_EQ(run_together.admin2, "Mihtarlam");
  PlaceMention non_joiner = first_place("یک خبرنگار در شهر فیض\u200cآباد به ضرب گلوله کشته شد.");
  EXPECT_EQ(non_joiner.admin1, "Badakhshan");
  PlaceMention three_letters =
      first_place("نیروی هوایی مواضع طالبان را در ولسوالی ژری ولایت قندهار هدف قرار داد.");
  EXPECT_EQ(three_letters.precision, "admin2");
  EXPECT_EQ(three_letters.admin2, "Zhari");
  // but "این" (this) beside "ولسوالی" names no district, and "مقر" (headquarters) is a word
  PlaceMention this_district = first_place(
      "صدها تن از باشندگان ولسوالی یکاولنگ ولایت بامیان در برابر مقر این ولسوالی تظاهرات کردند و "
      "پولیس دو تن را کشت.");
  EXPECT_EQ(this_district.admin1, "Bamyan");
  PlaceMention short_first_word =
      first_place("طالبان بر مرکز ولسوالی دشت ارچی ولایت کندز یورش بردند.");
  EXPECT_EQ(short_first_word.precision, "admin2");
  EXPECT_EQ(short_first_word.admin2, "Dashte Archi");
}

TEST(Extractor, AProvinceNamedLikeATownThatIsNotItsSeatIsTheProvince) {
  // Baghlan's seat is Puli Khumri; the town of Baghlan is another. "در بغلان" is the province,
  // "مدينة قندز" (Arabic: the city of Kunduz) the town.
  PlaceMention province = first_place("عناصر طالبان در بغلان به یک پاسگاه پولیس حمله کردند.");
  EXPECT_EQ(province.precision, "admin1");
  EXPECT_EQ(province.admin1, "Baghlan");
  PlaceMention town = first_place("سيطرت حركة طالبان على مدينة قندز بعد معارك مع القوات الحكومية.");
  EXPECT_EQ(town.precision, "point");
  EXPECT_EQ(town.admin1, "Kunduz");
}

TEST(Extractor, APlaceInAProvinceTheEventNamesOutranksOneAloneAndARoadsEnds) {
  // Kabul is where the passengers were going; the Kunduz-Takhar road runs between two places
  PlaceMention p = first_place(
      "Taliban fighters stopped buses on the Kunduz-Takhar highway in Khanabad district of Kunduz "
      "province and abducted 20 passengers travelling to Kabul.");
  EXPECT_EQ(p.precision, "admin2");
  EXPECT_EQ(p.admin2, "Khanabad");
  PlaceMention road = first_place(
      "Gunmen opened fire on a police post near the Dushanbe - Khorog highway in "
      "Gorno-Badakhshan.");
  EXPECT_EQ(road.precision, "admin1");
  EXPECT_EQ(road.admin1, "Gorno-Badakhshan");
}

TEST(Extractor, ARussianReportNamesATajikDistrictByItsAdjective) {
  // "в Рушанском районе ГБАО": Russian names Tajik districts by an adjective, declined
  PlaceMention p = first_place("В Рушанском районе ГБАО ликвидированы восемь человек.");
  EXPECT_EQ(p.precision, "admin2");
  EXPECT_EQ(p.admin2, "Rushon District");
  EXPECT_EQ(p.admin1, "Gorno-Badakhshan");
}

TEST(Extractor, ADistrictFollowedByItsProvinceIsLookedUpInsideIt) {
  // Kabul and Ghazni both have a Qarabagh; the road's ends (Kabul, Kandahar) do not place it
  PlaceMention p = first_place(
      "Боевики «Талибана» похитили двадцать пассажиров двух автобусов на трассе Кабул – Кандагар "
      "в уезде Карабаг провинции Газни.");
  EXPECT_EQ(p.precision, "admin2");
  EXPECT_EQ(p.admin2, "Qarabagh");
  EXPECT_EQ(p.admin1, "Ghazni");
}

TEST(Extractor, UrduNamesPakistanisTownsAndWhereTheDeadCameFromIsNoOtherEvent) {
  PlaceMention dik = first_place(
      "ڈیرہ اسماعیل خان میں دو نامعلوم مسلح افراد نے فائرنگ کر کے ایک دکاندار کو قتل کر دیا۔");
  EXPECT_EQ(dik.admin1, "Khyber Pakhtunkhwa");
  // "two soldiers, … (resident of Chakwal district) and … (resident of Khanewal district)": one
  // blast in North Waziristan
  auto x = extractor().extract(report(
      "شمالی وزیرستان کے علاقے میر علی میں دہشت گردوں نے سیکیورٹی فورسز کی گاڑی کو آئی ای ڈی سے "
      "نشانہ بنایا۔ دھماکے کے نتیجے میں پاک فوج کے دو جوان، لانس نائیک محمد عرفان (ساکن ضلع "
      "چکوال) اور سپاہی ذیشان علی (ساکن ضلع خانیوال)، شہید ہو گئے۔",
      "2023-07-16"));
  EXPECT_EQ(x.mentions.size(), 1u);
}

TEST(Extractor, UzbekAndTajikProvincesBesideTheirKindWordOnEitherSide) {
  // Uzbek "viloyati" follows the name, Tajik "вилояти" (the same word to the gazetteer) precedes
  // it; Tajik and Uzbek spell Afghan provinces their own way ("Тахор", "Jovzjon"), and the
  // object ending "-ро" comes off ("вилояти Кундузро")
  EXPECT_EQ(first_place("Andijon viloyatida ikki kishi hibsga olindi.").admin1, "Andijan Region");
  EXPECT_EQ(first_place("Jovzjon viloyatida portlash oqibatida uch kishi halok bo'ldi.").admin1,
            "Jowzjan");
  EXPECT_EQ(first_place("Дар вилояти Тахор таркиши мина ду нафарро кушт.").admin1, "Takhar");
  EXPECT_EQ(
      first_place("Толибон вилояти Кундузро ба даст гирифтанд ва се сарбозро куштанд.").admin1,
      "Kunduz");
}

TEST(Extractor, TheKabulAdministrationIsAnActorNotAPlace) {
  // "the Kabul administration's hireling army": Kabul is not where the attack was
  PlaceMention p = first_place(
      "اسلامي امارت مجاهدینو د کندهار ولایت د ارغنداب ولسوالۍ کې د کابل ادارې د اجیر پوځ پر "
      "پوستو بریدونه وکړل.");
  EXPECT_EQ(p.admin1, "Kandahar");
}

TEST(Extractor, APartOfTheCountryIsARegionNotTheWholeCountry) {
  // A region's name starts with a lower-case direction word; the capital of its country's
  // name is enough. Wire copy abbreviates ("N. Afghanistan") and counts the north-east as north.
  PlaceMention south = first_place("Landmine kills 13 in southern Afghanistan.");
  EXPECT_EQ(south.precision, "region");
  EXPECT_EQ(south.name, "southern afghanistan");
  EXPECT_EQ(first_place("Taliban attack kills 9 police in N. Afghanistan.").name,
            "northern afghanistan");
  EXPECT_EQ(first_place("Талибы атаковали пост полиции на севере Афганистана.").name,
            "northern afghanistan");
  const geo::Gazetteer& g = *geo::testing::bundled_gazetteer();
  auto region = g.find_folded(geo::folded_key("northern afghanistan"));
  ASSERT_FALSE(region.empty());
  auto members = g.members(region.front().feature);
  EXPECT_TRUE(std::any_of(members.begin(), members.end(),
                          [&](uint32_t m) { return g.name(m) == "Kunduz"; }));
}

TEST(Extractor, AClaimOfThisAttackADayLaterAddsToTheAttackInDariAndPashto) {
  // "this attack": the event already told, not a second one on the day of the claim
  auto pashto = extractor().extract(report(
      "د پنجشنبې په ورځ د کابل ښار په یوه جومات کې ځانمرګی برید وشو. د جمعې په ورځ داعش د دې "
      "برید مسؤلیت ومانه.",
      "2022-04-23"));
  ASSERT_EQ(pashto.mentions.size(), 1u);
  EXPECT_EQ(pashto.mentions[0].claim, model::ClaimStatus::claimed);
  auto dari = extractor().extract(report(
      "روز پنجشنبه یک انفجار در شهر کابل رخ داد. روز جمعه داعش مسئولیت این انفجار را بر عهده "
      "گرفت.",
      "2022-04-23"));
  ASSERT_EQ(dari.mentions.size(), 1u);
  EXPECT_EQ(dari.mentions[0].claim, model::ClaimStatus::claimed);
}

TEST(Extractor, DariTellsAnEarlierAttackATrialAndAClashThatDidNotHappen) {
  // "this is the second attack on Shia worshippers in a week, after the blast in Kunduz"
  auto second = extractor().extract(
      report("مهاجمان انتحاری روز جمعه در مسجد شیعیان در شهر قندهار خود را منفجر کردند. این "
             "دومین حمله بر نمازگزاران شیعه در یک هفته، پس از انفجار مسجد سید آباد در کندز، "
             "است.",
             "2021-10-16"));
  EXPECT_EQ(second.mentions.size(), 1u);
  // a headline of a trial: "sentenced to death"
  auto trial = extractor().extract(report(
      "دادگاه روز چهارشنبه چهار تن از متهمان قتل فرخنده را به اعدام محکوم کرد. فرخنده در حوت سال "
      "گذشته به دست گروهی از مردان خشمگین کشته شد.",
      "2015-05-07", "چهار متهم پرونده قتل فرخنده به اعدام محکوم شدند"));
  EXPECT_TRUE(trial.mentions.empty());
  // International Mine Awareness Day: land cleared of mines, no blast
  auto mine_day = extractor().extract(report(
      "مسئولان اداره ماین‌پاکی افغانستان به مناسبت روز "
      "جهانی "
      "آگاهی "
      "از "
      "خطر ماین گفتند که هزاران "
      "هکتار زمین در ولایت هلمند از ماین پاک‌سازی شده "
      "است.",
      "2021-04-04",
      "روز جهانی آگاهی از خطر ماین؛ هزاران هکتار زمین "
      "پاک‌سازی "
      "شد"));
  EXPECT_TRUE(mine_day.mentions.empty());
  // "no clash took place": drugs seized from an abandoned lorry
  auto seizure = extractor().extract(
      report("نیروهای مبارزه با مواد مخدر ۴۰۰ کیلوگرام تریاک را کشف و ضبط کردند. راننده گریخته و "
             "هیچ درگیری رخ نداده است.",
             "2023-08-15"));
  EXPECT_TRUE(seizure.mentions.empty());
}

TEST(Extractor, ASentenceThatNobodyClaimedTheAttackIsAboutTheAttackTold) {
  // "no group has claimed the incident yet, while Shia organisations called a protest for
  // Friday": Friday is the protest's day, not another attack's
  auto x = extractor().extract(
      report("ڈیرہ اسماعیل خان میں بدھ کی شام دو نامعلوم مسلح افراد نے فائرنگ کر کے ایک دکاندار "
             "کو قتل کر دیا۔ تاحال کسی گروہ نے واقعے کی ذمہ داری قبول نہیں کی، جبکہ مقامی شیعہ "
             "تنظیموں نے ٹارگٹ کلنگ کے خلاف جمعے کو احتجاج کا اعلان کیا ہے۔",
             "2020-09-24"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::unclaimed);
}

TEST(Extractor, AClaimOfTheAttackThatNamesNoPlaceAddsToTheAttackTold) {
  // "IS-K claimed responsibility for the attack in a statement on Friday": no "this", no place
  auto x = extractor().extract(report(
      "د پنجشنبې په ورځ د مزار شریف ښار کې ځانمرګی برید وشو. داعش خراسان د جمعې په ورځ په یوه "
      "اعلامیه کې د برید مسؤلیت ومانه.",
      "2023-03-11"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::claimed);
  ASSERT_TRUE(x.mentions[0].date);
  EXPECT_EQ(model::format_iso(x.mentions[0].date->start), "2023-03-09");
}

TEST(Extractor, ADateAfterAccordingToHimAndACommaIsAnEventsDay) {
  // "… attacked a police post on Monday. According to him, on Tuesday a roadside mine exploded
  // in the same district": two events, the second on Tuesday
  auto x = extractor().extract(report(
      "جنگجویان طالب روز دوشنبه بر پاسگاه پولیس در ولسوالی اندر ولایت غزنی حمله کردند. به "
      "گفته او، روز سه‌شنبه نیز یک ماین کنار جاده در همین "
      "ولسوالی "
      "منفجر "
      "شد.",
      "2020-06-10"));
  ASSERT_EQ(x.mentions.size(), 2u);
  ASSERT_TRUE(x.mentions[1].date);
  EXPECT_EQ(model::format_iso(x.mentions[1].date->start), "2020-06-09");
  // and Monday is a day there, not Dushanbe
  for (const PlaceMention& p : x.places) EXPECT_NE(p.country, "TJ") << p.text;
}

TEST(Extractor, AnEnglishDateBeforeASpeechVerbIsStillTheEventsDay) {
  // only languages that put the verb last speak after the date
  auto x = extractor().extract(report(
      "The attack on a checkpoint in Kunduz on Friday was confirmed by police.", "2022-04-24"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].date);
  EXPECT_EQ(model::format_iso(x.mentions[0].date->start), "2022-04-22");
}

TEST(Extractor, TheDayAnOfficialSpokeIsNotANewEventWhereTheVerbComesLast) {
  // "gunmen shot the district governor yesterday evening. The governor's spokesman told Asia
  // today that two men on a motorbike fired on him": one event, yesterday's
  auto x = extractor().extract(
      report("د کندهار ښار کې پرون ماښام ناپېژاندو وسله والو د دامان ولسوالۍ ولسوال په ډزو ووژه. د "
             "کندهار والي ویاند نن اسیا ته وویل چې دوو موټرسایکل سپرو پرې ډزې وکړې.",
             "2019-06-11"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].date);
  EXPECT_EQ(model::format_iso(x.mentions[0].date->start), "2019-06-10");
}

TEST(Extractor, BootyTakenIsNoArrestAndAClaimHoursAfterTheAttackNamesItsClaimant) {
  // "the mujahideen attacked a police post … and took a Kalashnikov as booty": a clash, no arrest
  auto booty = extractor().extract(report(
      "د تحریک طالبان پاکستان مجاهدینو د لکي مروت ضلعې کې د پولیسو پر یوې چوکۍ برید وکړ او یو "
      "کلاشینکوف یې په غنیمت ونیول.",
      "2023-08-18"));
  ASSERT_EQ(booty.mentions.size(), 1u);
  EXPECT_NE(booty.mentions[0].sub_event_type, "Arrests");
  // "IS claimed responsibility hours after the attack began": "after" is no cue of the actor's
  auto claim = extractor().extract(report(
      "افراد مسلح روز چهارشنبه بر گوردواره سیک‌ها در شهر "
      "کابل "
      "حمله "
      "کردند. گروه داعش ساعاتی پس "
      "از آغاز حمله مسئولیت آن را بر عهده گرفت.",
      "2020-03-26"));
  ASSERT_EQ(claim.mentions.size(), 1u);
  ASSERT_EQ(claim.mentions[0].claimed_by.size(), 1u);
  EXPECT_EQ(claim.mentions[0].claimed_by[0].actor, "IS-KP");
}

TEST(Extractor, AClaimWordItsClauseNegatesClaimsNothingInAnyWordOrder) {
  for (const char* nobody :
       {"Ответственность за теракт до сих пор не взяла на себя ни одна группировка.",
        "Ответственность за нападение ни одна группировка на себя не взяла.",
        "Ни одна группировка не заявила об ответственности."}) {
    auto x = extractor().extract(report(
        std::string("В понедельник в Кабуле взорвался автомобиль, погибли пять человек. ") + nobody,
        "2021-05-04"));
    ASSERT_EQ(x.mentions.size(), 1u) << nobody;
    EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::unclaimed) << nobody;
  }
  // a negation of another claim word in the sentence leaves this one standing
  auto doubted = extractor().extract(report(
      "Islamic State claimed responsibility for a suicide attack on a bus in Kabul on Monday, but "
      "officials said they did not believe the claim.",
      "2021-05-04"));
  ASSERT_EQ(doubted.mentions.size(), 1u);
  EXPECT_EQ(doubted.mentions[0].claim, model::ClaimStatus::claimed);
  // the Arabic comma ends a clause too: "nobody was hurt, but IS claimed responsibility"
  auto dari = extractor().extract(
      report("روز دوشنبه یک انفجار در شهر کابل رخ داد. در این انفجار هیچ کس زخمی نشد، اما داعش "
             "مسئولیت این حمله را بر عهده گرفت.",
             "2022-04-20"));
  ASSERT_EQ(dari.mentions.size(), 1u);
  EXPECT_EQ(dari.mentions[0].claim, model::ClaimStatus::claimed);
  // a claim with no negation in its clause stands
  auto claimed = extractor().extract(
      report("В понедельник в Кабуле взорвался автомобиль, погибли пять человек. Ответственность "
             "за теракт взяла на себя группировка «Исламское государство».",
             "2021-05-04"));
  ASSERT_EQ(claimed.mentions.size(), 1u);
  EXPECT_EQ(claimed.mentions[0].claim, model::ClaimStatus::claimed);
}

TEST(Extractor, RussianTollsOfDifferentSidesAddUpWhenTheirNounsAreLong) {
  // "военнослужащих" is 28 bytes: the noun a toll counts is found by letters, not bytes
  auto x = extractor().extract(report(
      "В среду в уезде Андар провинции Газни уничтожены 30 боевиков движения «Талибан». Погибли "
      "двое военнослужащих.",
      "2020-10-15"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].killed);
  EXPECT_EQ(x.mentions[0].killed->low, 32);
}

TEST(Extractor, UrduPostpositionsSayWhoDidItAndWhoseMenWereStruck) {
  // "terrorists [erg] targeted a vehicle of the security forces with an IED in North
  // Waziristan": the forces own the vehicle; the terrorists did it
  auto owned = extractor().extract(
      report("شمالی وزیرستان میں دہشت گردوں نے سیکیورٹی فورسز کی گاڑی کو آئی ای ڈی سے نشانہ بنایا۔",
             "2023-07-16"));
  ASSERT_EQ(owned.mentions.size(), 1u);
  ASSERT_TRUE(owned.mentions[0].perpetrator);
  EXPECT_EQ(owned.mentions[0].perpetrator->actor, "Unidentified armed group");
  // "the TTP's terrorists [erg] attacked a police post in Bannu": the TTP did it
  auto agents = extractor().extract(
      report("بنوں میں کالعدم ٹی ٹی پی کے دہشت گردوں نے پولیس چوکی پر حملہ کیا۔", "2023-07-16"));
  ASSERT_EQ(agents.mentions.size(), 1u);
  ASSERT_TRUE(agents.mentions[0].perpetrator);
  EXPECT_EQ(agents.mentions[0].perpetrator->actor, "TTP");
}

TEST(Extractor, ANumberBeforeAGroupCountsItsMembersOnlyWhenNothingButTheirWordsStandsBetween) {
  // "On May 3, the Islamic State attacked": a date, not three members of the Islamic State
  auto dated = extractor().extract(report(
      "On May 3, the Islamic State attacked a Shia mosque in Kunduz, killing 40 worshippers.",
      "2022-05-04"));
  ASSERT_EQ(dated.mentions.size(), 1u);
  ASSERT_TRUE(dated.mentions[0].perpetrator);
  EXPECT_EQ(dated.mentions[0].perpetrator->actor, "IS-KP");
  auto no_comma = extractor().extract(
      report("On March 5 the Taliban attacked a police post in Kunduz.", "2020-03-06"));
  ASSERT_EQ(no_comma.mentions.size(), 1u);
  ASSERT_TRUE(no_comma.mentions[0].perpetrator);
  EXPECT_EQ(no_comma.mentions[0].perpetrator->actor, "Taliban");
  // a passive auxiliary as the text's last word: nothing after it to read
  auto last = extractor().extract(report(
      "Gunmen attacked a checkpoint in Kunduz. Police said the Taliban were.", "2020-03-06"));
  EXPECT_EQ(last.mentions.size(), 1u);
}

TEST(Extractor, ADistrictWordMarksANameTheGazetteerSpellsOtherwise) {
  // "Maiwand" is GeoNames' "Maywand": one letter off, inside the province the text names.
  auto x = extractor().extract(
      report("18 Taliban were killed in Maiwand district of Kandahar on Monday.", "2020-11-03"));
  ASSERT_EQ(x.mentions.size(), 1u);
  std::vector<std::string> districts;
  for (const PlaceMention& p : x.mentions[0].places) districts.push_back(p.admin2);
  EXPECT_NE(std::find(districts.begin(), districts.end(), "Maywand"), districts.end());
  // and "of Kandahar" after it is the province, not the town of Kandahar ahead of the district;
  // a town not named as its province stays ("Nad Ali district, Lashkar Gah and Gereshk")
  EXPECT_EQ(x.mentions[0].places.front().admin2, "Maywand");
  auto towns = extractor().extract(
      report("Fighting raged in Nad Ali district, Lashkar Gah and Gereshk on Monday, killing 12 "
             "soldiers.",
             "2020-10-13"));
  ASSERT_EQ(towns.mentions.size(), 1u);
  std::vector<std::string> names;
  for (const PlaceMention& p : towns.mentions[0].places) names.push_back(p.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "Lashkar Gāh"), names.end());
  // One letter off and in another country, it is no match: Shigal district of Kunar is not
  // Pakistan's Shigar.
  auto shigal = extractor().extract(
      report("Mortar shells killed two civilians in Shigal district of Kunar province on Monday.",
             "2023-11-21"));
  ASSERT_EQ(shigal.mentions.size(), 1u);
  for (const PlaceMention& p : shigal.mentions[0].places) EXPECT_EQ(p.country, "AF");
  // Tajik: "ноҳияи Дарқад", Darqad district, spelled in Tajik letters.
  auto tajik = extractor().extract(
      report("Ҳамлаи Толибон ба посгоҳи артиш дар ноҳияи Дарқад 12 сарбозро кушт.", "2021-06-29"));
  std::vector<std::string> tajik_districts;
  for (const Mention& m : tajik.mentions) {
    for (const PlaceMention& p : m.places) tajik_districts.push_back(p.admin2);
  }
  EXPECT_NE(std::find(tajik_districts.begin(), tajik_districts.end(), "Darqad"),
            tajik_districts.end());
}

TEST(Extractor, DariReportsNameTheForceThatFiredNotTheOfficialsWhoSpoke) {
  // "مقام‌های امارت اسلامی … می‌گویند": the Emirate's officials
  // speak; Pakistani forces fired.
  auto shelling = extractor().extract(
      report("مقام‌های امارت اسلامی در خوست می‌گویند که "
             "نیروهای "
             "پاکستانی "
             "روز "
             "سه‌شنبه "
             "چندین "
             "گلوله خمپاره "
             "را بر روستاهای مرزی ولسوالی تنی این ولایت شلیک کردند که دو غیرنظامی کشته شدند.",
             "2022-07-16"));
  ASSERT_EQ(shelling.mentions.size(), 1u);
  const Mention& m = shelling.mentions[0];
  EXPECT_EQ(m.sub_event_type, "Shelling/artillery/missile attack");
  ASSERT_TRUE(m.perpetrator);
  EXPECT_EQ(m.perpetrator->actor, "Government of Pakistan");
  EXPECT_TRUE(m.cross_border);
  // Dari puts "former" after the soldier: "سرباز پیشین".
  auto former =
      extractor().extract(report("افراد مسلح ناشناس روز پنجشنبه سه سرباز پیشین اردو را در ولسوالی "
                                 "سپین‌بولدک به ضرب "
                                 "گلوله کشتند.",
                                 "2022-07-16"));
  ASSERT_EQ(former.mentions.size(), 1u);
  EXPECT_EQ(former.mentions[0].target, "civilians");
  // "ولسوالی علینگار ولایت لغمان": "ولایت" may follow a name in Pashto, but here it opens the
  // next one; the district and the province are two places.
  auto alingar = extractor().extract(
      report("افراد مسلح ناشناس روز سه‌شنبه دو کارمند را در "
             "ولسوالی "
             "علینگار "
             "ولایت لغمان به ضرب گلوله "
             "کشتند.",
             "2022-07-16"));
  // Attacks that were only intended name no attack: the event is the arrest.
  auto arrest = extractor().extract(
      report("نیروهای ویژه امنیت ملی روز پنجشنبه در شهر کابل شش عضو شبکه حقانی را بازداشت "
             "کردند. این افراد قصد داشتند در روزهای آینده حملات انتحاری را در شهر کابل انجام "
             "دهند.",
             "2020-07-16"));
  ASSERT_EQ(arrest.mentions.size(), 1u);
  EXPECT_EQ(arrest.mentions[0].sub_event_type, "Arrests");
  ASSERT_EQ(alingar.mentions.size(), 1u);
  ASSERT_GE(alingar.mentions[0].places.size(), 2u);
  for (const auto& place : alingar.mentions[0].places) {
    EXPECT_TRUE(place.found) << place.text;
    EXPECT_EQ(place.admin1, "Laghman") << place.text;
  }
}

TEST(Extractor, ASpeakerIsNotThePerpetrator) {
  auto x = extractor().extract(
      report("A Taliban spokesman said gunmen killed two policemen in Herat on Sunday."));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Unidentified armed group");
}

TEST(Extractor, MilitantsOfANamedGroupAreThatGroup) {
  for (const char* text :
       {"A police post in Karak was attacked by militants of the Tehreek-i-Taliban Pakistan on "
        "Monday, killing two policemen.",
        "Fighters from the Islamic State attacked a checkpoint in Jalalabad on Monday, killing "
        "three Taliban."}) {
    auto x = extractor().extract(report(text, "2023-07-19"));
    ASSERT_EQ(x.mentions.size(), 1u) << text;
    ASSERT_TRUE(x.mentions[0].perpetrator) << text;
    EXPECT_NE(x.mentions[0].perpetrator->actor, "Unidentified armed group") << text;
  }
}

TEST(Extractor, AGroupsOwnFightersAreNotWhomItStruck) {
  for (const char* text :
       {"Fighters of the Islamic State in Pakistan Province yesterday shot dead a leader of the "
        "Jamiat Ulema-e-Islam in Bajaur.",
        "Gunmen shot dead a leader of the Jamiat Ulema-e-Islam in Bajaur on Monday. Islamic State "
        "said the group's fighters had carried out the attack.",
        "Gunmen shot dead a leader of the Jamiat Ulema-e-Islam in Kunduz on Monday. The Taliban, "
        "whose fighters control the district, said they had nothing to do with it."}) {
    auto x = extractor().extract(report(text, "2023-07-19"));
    ASSERT_EQ(x.mentions.size(), 1u) << text;
    EXPECT_NE(x.mentions[0].target, "armed-groups") << text;
    EXPECT_EQ(x.mentions[0].event_type, "Violence against civilians") << text;
  }
}

TEST(Extractor, FightersOfAGroupAfterTheEventWordWereStruck) {
  auto x = extractor().extract(
      report("Taliban forces killed twelve fighters of the Islamic State in Nangarhar on Monday.",
             "2023-07-19"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].target, "armed-groups");
  EXPECT_EQ(x.mentions[0].event_type, "Battles");
}

TEST(Extractor, AFormerOfficerOfAForceIsACivilian) {
  // After August 2021 "the Afghan intelligence service" is the Taliban's: without the rule the
  // state's forces struck no named target, which reads as a battle.
  auto x = extractor().extract(
      report("A former officer of the Afghan intelligence service was shot dead by armed men in "
             "Kunduz city on Sunday, his relatives said, accusing Taliban intelligence agents.",
             "2022-03-07"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].target, "civilians");
  EXPECT_EQ(x.mentions[0].event_type, "Violence against civilians");
}

TEST(Extractor, AGroupThatSaysItHadNothingToDoWithItDeniesIt) {
  // With a relative clause between the group and its words, the clause's "fighters" made it the
  // attacker, and a battle of the attack.
  for (const char* text :
       {"Gunmen shot dead five aid workers in Maimana on Monday. The Taliban said they had "
        "nothing to do with the killings.",
        "Gunmen shot dead five aid workers in Maimana on Monday. The Taliban, whose fighters "
        "control the district, said they had nothing to do with the killings."}) {
    auto x = extractor().extract(report(text, "2023-07-19"));
    ASSERT_EQ(x.mentions.size(), 1u) << text;
    const auto& m = x.mentions[0];
    ASSERT_EQ(m.denied_by.size(), 1u) << text;
    EXPECT_EQ(m.denied_by[0].actor, "Taliban") << text;
    ASSERT_TRUE(m.perpetrator) << text;
    EXPECT_EQ(m.perpetrator->actor, "Unidentified armed group") << text;
    EXPECT_EQ(m.event_type, "Violence against civilians") << text;
  }
}

TEST(Extractor, AGroupThatOftenDoesNotClaimHasNotClaimedThis) {
  auto x = extractor().extract(
      report("A bomb exploded near a bus station in Lashkar Gah on Tuesday, killing four "
             "civilians. No group has taken responsibility. The Taliban, who are fighting on the "
             "city's outskirts, often do not claim attacks that kill civilians.",
             "2020-08-12"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::unclaimed);
  EXPECT_FALSE(x.mentions[0].perpetrator && x.mentions[0].perpetrator->actor == "Taliban");
}

TEST(Extractor, MilitantsOfANamedGroupKeepTheGroupsOwnClaimOrDenial) {
  // A review found the group taking the militants' role over its own: a denier became the
  // perpetrator, a claimant nothing.
  auto denied = extractor().extract(report(
      "Militants of the Tehreek-i-Taliban Pakistan denied involvement in the bombing in Kunduz.",
      "2023-07-19"));
  ASSERT_EQ(denied.mentions.size(), 1u);
  ASSERT_EQ(denied.mentions[0].denied_by.size(), 1u);
  EXPECT_EQ(denied.mentions[0].denied_by[0].actor, "TTP");
  EXPECT_FALSE(denied.mentions[0].perpetrator && denied.mentions[0].perpetrator->actor == "TTP");
  auto claimed = extractor().extract(
      report("Militants of the Tehreek-i-Taliban Pakistan claimed responsibility for the bombing "
             "in Kunduz.",
             "2023-07-19"));
  ASSERT_EQ(claimed.mentions.size(), 1u);
  ASSERT_EQ(claimed.mentions[0].claimed_by.size(), 1u);
  EXPECT_EQ(claimed.mentions[0].claimed_by[0].actor, "TTP");
}

TEST(Extractor, SeparateAttacksInOtherPlacesAndDaysAreSeparateMentions) {
  auto x = extractor().extract(report(
      "A roadside bomb killed three soldiers in Helmand on Monday. On Tuesday, gunmen shot dead "
      "a cleric in Herat. The two attacks were not claimed."));
  ASSERT_EQ(x.mentions.size(), 2u);
  EXPECT_EQ(x.mentions[0].places.at(0).admin1, "Helmand");
  EXPECT_EQ(x.mentions[1].places.at(0).admin1, "Herat");
  EXPECT_EQ(model::format_iso(x.mentions[0].date->start), "2022-04-18");
  EXPECT_EQ(model::format_iso(x.mentions[1].date->start), "2022-04-19");
  EXPECT_EQ(x.mentions[1].target, "religious");
}

TEST(Extractor, APassageWithoutAnEventHasNoMentionAndSaysSo) {
  auto x = extractor().extract(
      report("Officials from Islamabad and Kabul met in Peshawar on Tuesday to discuss trade."));
  EXPECT_TRUE(x.mentions.empty());
  EXPECT_EQ(x.not_understood.back(), "no event found");
}

TEST(Extractor, ClaimChannelsClaimForTheirGroup) {
  auto x = extractor().extract(report(
      "Soldiers of the Caliphate targeted a gathering of Taliban fighters in Jalalabad with an "
      "explosive device, killing five.",
      "2022-04-20", "", "Amaq"));
  ASSERT_EQ(x.mentions.size(), 1u);
  const Mention& m = x.mentions[0];
  EXPECT_EQ(x.source.kind, "claim");
  EXPECT_EQ(m.claim, model::ClaimStatus::claimed);
  EXPECT_EQ(m.claim_channel, "Amaq");
  ASSERT_TRUE(m.perpetrator);
  EXPECT_EQ(m.perpetrator->actor, "IS-KP");  // Amaq speaks for IS; in Afghanistan that is IS-KP
  EXPECT_EQ(m.target, "military");  // in 2022 the Taliban's fighters are the state's forces
}

TEST(Extractor, AClaimChannelClaimsForEveryBranchOfItsOrganisation) {
  // Amaq speaks for the Islamic State; in Pakistan after 2019 the text's own branch is IS-Pakistan
  auto x = extractor().extract(report(
      "Fighters of the Islamic State in Pakistan Province shot dead a police officer in Bajaur.",
      "2022-09-13", "", "Amaq"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "IS-Pakistan");
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::claimed);
}

TEST(Extractor, TwoGroupsClaimingOneAttackDisputeIt) {
  auto x = extractor().extract(report(
      "A roadside bomb hit an army vehicle in Khogyani district of Nangarhar on Tuesday, killing "
      "three soldiers. Both the Taliban and Islamic State claimed responsibility.",
      "2019-06-05"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::disputed);
  // a capital named near the claim is no rival claimant
  auto one = extractor().extract(
      report("A suicide bomber killed a policeman at a checkpoint in Islamabad on Friday. The "
             "Pakistani Taliban claimed responsibility.",
             "2022-12-24", "Pakistani Taliban claim Islamabad suicide bombing"));
  ASSERT_EQ(one.mentions.size(), 1u);
  EXPECT_EQ(one.mentions[0].claim, model::ClaimStatus::claimed);
}

TEST(Extractor, ClaimWordsThatClaimNothingAreNoClaim) {
  for (const char* text :
       {"Gunmen shot dead two vaccinators in Khost city on Wednesday. Analysts said Islamic State "
        "may claim the killings.",
        "Unidentified men shot dead an Ahmadi shopkeeper in Peshawar on Monday. Islamic State "
        "has claimed similar killings in the past.",
        "Armed men killed two border guards in Darvoz on Sunday. Officials claimed the attackers "
        "were foreign militants."}) {
    auto x = extractor().extract(report(text, "2022-03-10"));
    ASSERT_EQ(x.mentions.size(), 1u) << text;
    EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::unknown) << text;
    ASSERT_TRUE(x.mentions[0].perpetrator) << text;
    EXPECT_EQ(x.mentions[0].perpetrator->actor, "Unidentified armed group") << text;
  }
}

TEST(Extractor, AnAttackThatClaimedLivesKeepsItsAttacker) {
  auto x = extractor().extract(report(
      "A Taliban attack on a checkpoint in Ghazni claimed the lives of five soldiers on Monday.",
      "2020-06-10"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Taliban");
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::unknown);
}

TEST(Extractor, OnlyActorsJoinedByAndShareACue) {
  auto x = extractor().extract(report(
      "Security forces killed five militants in Bannu on Monday and the TTP denied involvement.",
      "2023-03-14"));
  ASSERT_EQ(x.mentions.size(), 1u);
  for (const ActorMention& d : x.mentions[0].denied_by) {
    EXPECT_NE(d.actor, "Government of Pakistan") << "the forces killed; the TTP denied";
  }
}

TEST(Extractor, FormerSoldiersAreCiviliansAndASpokesmanWhoDeniesWasNotStruck) {
  auto x = extractor().extract(
      report("Two former army commandos were shot dead at their home in Ghazni city on Wednesday, "
             "relatives said. The Taliban's provincial spokesman denied the accusation.",
             "2022-05-12"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].target, "civilians");
  EXPECT_EQ(x.mentions[0].event_type, "Violence against civilians");
  EXPECT_TRUE(x.mentions[0].target_level.empty());
}

TEST(Extractor, ADistrictOfAProvinceIsFoundAndAPersonsNameIsNoPlace) {
  auto x = extractor().extract(report(
      "Smugglers opened fire on a patrol in Hamadoni district of Khatlon province on Sunday, "
      "killing a border guard.",
      "2022-03-14"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_FALSE(x.mentions[0].places.empty());
  EXPECT_EQ(x.mentions[0].places[0].precision, "admin2");
  EXPECT_EQ(x.mentions[0].places[0].admin1, "Khatlon Province");
  auto kunya = extractor().extract(
      report("A suicide bomber, Abu Hamza of Logar, drove a car bomb into a police headquarters in "
             "Lashkar Gah on Sunday.",
             "2020-03-02"));
  ASSERT_EQ(kunya.mentions.size(), 1u);
  for (const PlaceMention& p : kunya.mentions[0].places) EXPECT_NE(p.country, "UZ") << p.name;
}

TEST(Extractor, EmptyShellsFoundAtTheSceneAreNoShelling) {
  auto x = extractor().extract(report(
      "A police constable was shot dead by two gunmen in Karachi on Tuesday. Police collected "
      "empty shells from the scene.",
      "2023-05-10"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_NE(x.mentions[0].sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(x.mentions[0].event_type, "Battles");  // police struck: ACLED's armed clash
}

TEST(Extractor, ADashDatelineEndsAtTheDash) {
  // Before, a dateline ending in " - " ran on to the next dash or full stop (up to 64 bytes),
  // and the body's first words, its date and place among them, were taken for the dateline's.
  auto x = extractor().extract(
      report("KABUL - Five rockets were fired at Bagram air base on Thursday morning, officials in "
             "Parwan province said.",
             "2021-04-12"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].date);
  EXPECT_EQ(model::format_iso(x.mentions[0].date->start), "2021-04-08");
  ASSERT_FALSE(x.mentions[0].places.empty());
  EXPECT_EQ(x.mentions[0].places[0].admin1, "Parwan");
}

TEST(Extractor, AWireStoryThatNamesNoPlaceHappenedWhereItWasFiled) {
  auto places_of = [](const std::string& market) {
    auto x = extractor().extract(
        report("QUETTA: Four people were injured when unidentified men threw a hand grenade into " +
                   market + " on Monday night, police said.",
               "2019-09-03"));
    EXPECT_EQ(x.mentions.size(), 1u);
    return x.mentions.empty() ? std::vector<PlaceMention>{} : x.mentions[0].places;
  };
  auto filed = places_of("a crowded fruit market");
  ASSERT_EQ(filed.size(), 1u);
  EXPECT_EQ(filed[0].admin1, "Balochistan");
  EXPECT_LT(filed[0].confidence, 0.6);           // a guess, and said to be one
  auto named = places_of("a market in Chaman");  // a place the story names wins
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].name, "Chaman");
  // A story that names its places elsewhere, even in another event's sentences, was not filed
  // where it happened.
  auto x = extractor().extract(
      report("KABUL - Pakistani aircraft bombed houses in two Afghan border provinces before dawn "
             "on Monday, killing eight people. Five people died when a house was hit in Gayan "
             "district of Paktika province, and three in the Sperah area of Khost.",
             "2024-03-18"));
  for (const Mention& m : x.mentions) {
    for (const PlaceMention& p : m.places) EXPECT_NE(p.admin1, "Kabul") << p.text;
  }
}

TEST(Extractor, AnotherEventOfTheSameDayHasThatDay) {
  for (const char* link : {"In a separate incident the same day,", "Hours later,"}) {
    auto x = extractor().extract(report(
        std::string("Militants killed a police constable at a checkpoint in Tank district on "
                    "Thursday, police said. ") +
            link +
            " two men on a motorcycle hurled a hand grenade at a police station in Mardan, "
            "wounding two officers.",
        "2022-12-02"));
    ASSERT_EQ(x.mentions.size(), 2u) << link;
    for (const Mention& m : x.mentions) {
      ASSERT_TRUE(m.date) << link;
      EXPECT_EQ(model::format_iso(m.date->start), "2022-12-01") << link;
      EXPECT_FALSE(m.date_from_publication) << link;
    }
  }
}

TEST(Extractor, ADigestsItemsWithoutADayHaveTheDayOfTheItemBefore) {
  // "Main news of Tuesday, 7 November": published the next day, the items are of the 7th
  auto x = extractor().extract(
      report("Главное за вторник, 7 ноября:\n"
             "— Кандагар: на окраине города подорвана машина сил безопасности талибов. Двое "
             "бойцов погибли.\n"
             "— Герат, уезд Инджиль: неизвестные застрелили имама сельской мечети.\n",
             "2023-11-08"));
  ASSERT_EQ(x.mentions.size(), 2u);
  for (const Mention& m : x.mentions) {
    ASSERT_TRUE(m.date);
    EXPECT_EQ(model::format_iso(m.date->start), "2023-11-07");
  }
  // with no day in the text, the publication day stands
  auto undated = extractor().extract(
      report("— Кандагар: подорвана машина сил безопасности талибов.\n"
             "— Герат, уезд Инджиль: неизвестные застрелили имама сельской мечети.\n",
             "2023-11-08"));
  ASSERT_EQ(undated.mentions.size(), 2u);
  EXPECT_TRUE(undated.mentions[1].date_from_publication);
}

TEST(Extractor, TheSameDayIsNoVerbAndItsDateResolvesTheActors) {
  // "The Taliban the same day denied …": the cue between an actor and its verb hid the denial.
  auto denial = extractor().extract(
      report("A bomb killed two people in Kabul on Monday. The Taliban the same day denied "
             "involvement in the attack.",
             "2023-07-19"));
  ASSERT_EQ(denial.mentions.size(), 1u);
  ASSERT_EQ(denial.mentions[0].denied_by.size(), 1u);
  EXPECT_EQ(denial.mentions[0].denied_by[0].actor, "Taliban");
  // The date taken from the event before resolves who "Afghan forces" were (the Republic's
  // before 15 August 2021), and is no guess from the publication date.
  auto x = extractor().extract(
      report("On 14 August, Afghan forces shelled a village in Kunduz, killing three people. "
             "Hours later, Afghan forces shelled a market in Baghlan, killing two.",
             "2021-08-20"));
  ASSERT_EQ(x.mentions.size(), 2u);
  ASSERT_TRUE(x.mentions[1].perpetrator);
  EXPECT_EQ(x.mentions[1].perpetrator->actor, x.mentions[0].perpetrator->actor);
  EXPECT_DOUBLE_EQ(x.mentions[1].confidence, x.mentions[0].confidence);
}

TEST(Extractor, ADatelineInOrdinaryCaseInAnyScriptIsNoStandIn) {
  Document d =
      report("Неизвестные обстреляли пограничный пост, погибли два пограничника.", "2023-01-25");
  d.text = "Душанбе, 24 января 2023 года. " + d.text;
  auto x = extractor().extract(d);
  for (const Mention& m : x.mentions) EXPECT_TRUE(m.places.empty());
}

TEST(Extractor, AStatementsDatelineIsNoStandInForThePlace) {
  // "Rawalpindi, …": where the military's statements are issued, not where things happen.
  Document d =
      report("Last night, terrorists attacked a security forces post, killing two soldiers.",
             "2022-08-30");
  d.text = "Rawalpindi, 30 August 2022: " + d.text;
  auto x = extractor().extract(d);
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_TRUE(x.mentions[0].places.empty());
}

TEST(Extractor, WhatAGroupHasRepeatedlyDoneIsNoNewEvent) {
  auto x = extractor().extract(report(
      "Gunmen stormed a Sikh temple in Kabul on Wednesday, killing 25 worshippers. The group's "
      "affiliate, based in Nangarhar province, has repeatedly targeted religious minorities.",
      "2020-03-26"));
  EXPECT_EQ(x.mentions.size(), 1u);
}

TEST(Extractor, NobodyCameForwardAndItWasNotClearWhoIsUnclaimed) {
  for (const char* text :
       {"Gunmen shot dead a Hazara vegetable seller in Quetta on Tuesday. No group came forward "
        "to claim the killing.",
        "A suicide bomber hit a convoy in Khyber on Tuesday, killing four soldiers. It was not "
        "clear who was behind the attack.",
        "A bomb damaged a railway track near Sibi on Monday. No one has owned the attack."}) {
    auto x = extractor().extract(report(text, "2022-03-10"));
    ASSERT_EQ(x.mentions.size(), 1u) << text;
    EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::unclaimed) << text;
  }
}

TEST(Extractor, ABorderGuardStruckWithNoTargetNounMakesABattle) {
  auto x = extractor().extract(
      report("Armed men opened fire on a frontier post in Darvoz late on Sunday, killing two Tajik "
             "border guards.",
             "2022-03-14"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].event_type, "Battles");
}

TEST(Extractor, HedgedReportsAreLessCertain) {
  auto plain = extractor().extract(report("A bomb killed two people in Kabul."));
  auto hedged = extractor().extract(report("A bomb allegedly killed two people in Kabul."));
  ASSERT_EQ(plain.mentions.size(), 1u);
  ASSERT_EQ(hedged.mentions.size(), 1u);
  EXPECT_TRUE(hedged.mentions[0].hedged);
  EXPECT_LT(hedged.mentions[0].confidence, plain.mentions[0].confidence);
}

TEST(Extractor, RussianInflectedNamesAndCountryOrigins) {
  auto x = extractor().extract(
      report("Боевики выпустили несколько ракет с территории Афганистана по Кулябу в "
             "понедельник. Власти Таджикистана опровергли сообщения о нападении.",
             "2022-05-03"));
  ASSERT_EQ(x.mentions.size(), 1u);
  const Mention& m = x.mentions[0];
  EXPECT_EQ(x.language.code, "ru");
  EXPECT_EQ(m.sub_event_type, "Shelling/artillery/missile attack");
  ASSERT_GE(m.places.size(), 2u);
  EXPECT_EQ(m.places[0].country, "TJ");
  EXPECT_EQ(m.places[1].country, "AF");
  EXPECT_TRUE(m.cross_border);
  EXPECT_EQ(model::format_iso(m.date->start), "2022-05-02");
  EXPECT_EQ(m.claim, model::ClaimStatus::denied);
}

TEST(Extractor, DariReportsGiveTypePlaceCasualtiesAndNoClaim) {
  auto x = extractor().extract(
      report("در انفجار یک ماین کنار جاده در ولایت قندهار سه سرباز کشته شدند. تاکنون هیچ گروهی "
             "مسئولیت این حمله را به عهده نگرفته است."));
  ASSERT_EQ(x.mentions.size(), 1u);
  const Mention& m = x.mentions[0];
  EXPECT_EQ(m.sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(m.target, "military");
  EXPECT_EQ(m.places.at(0).admin1, "Kandahar");
  EXPECT_EQ(m.killed->low, 3);
  EXPECT_EQ(m.claim, model::ClaimStatus::unclaimed);
}

TEST(Extractor, WithoutAPublicationDateRelativeDatesAreNotGuessed) {
  Document d = report("Gunmen killed a teacher in Khost on Monday.");
  d.published.reset();
  auto x = extractor().extract(d);
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_FALSE(x.mentions[0].date);
  EXPECT_EQ(x.not_understood.front(), "no publication date: relative dates are not resolved");
}

TEST(Extractor, PashtoSaysAGroupDidThisAttack) {
  // "a suicide attack on a political gathering in Bajaur killed 54; Islamic State Khorasan
  // said in a statement that a suicide bomber of the group did this attack"
  const std::string text =
      "د باجوړ ضلعې په خار تحصیل کې د یکشنبې په ورځ "
      "پر یوې سیاسي غونډې ځانمرګی برید وشو چې "
      "لږ تر لږه ۵۴ کسان پکې ووژل شول. "
      "د اسلامي دولت خراسان څانګې په یوه اعلامیه کې "
      "وویل چې د دې ډلې یوه ځانمرګي دا برید کړی دی.";
  auto x = extractor().extract(report(text, "2023-07-31"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::claimed);
  ASSERT_FALSE(x.mentions[0].claimed_by.empty());
  EXPECT_EQ(x.mentions[0].claimed_by[0].actor, "IS-KP");
}

TEST(Extractor, ACheckpointOfAStatesForcesIsItsMilitarysUnlessPoliceAreNamed) {
  auto military = extractor().extract(
      report("An explosion hit a Taliban checkpoint in Spin Boldak on Monday, killing two Taliban "
             "guards.",
             "2022-05-10"));
  ASSERT_EQ(military.mentions.size(), 1u);
  EXPECT_EQ(military.mentions[0].target, "military");
  auto police = extractor().extract(
      report("Two members of the Taliban police force were shot dead at a checkpoint in Jalalabad "
             "on Thursday evening.",
             "2021-11-19"));
  ASSERT_EQ(police.mentions.size(), 1u);
  EXPECT_EQ(police.mentions[0].target, "police");
}

TEST(Extractor, AStatementsOpeningDateIsWhenItWasIssuedEvenUnderATitleWithAPlace) {
  // "Kabul, 11 May 2021." dates the statement; the airstrikes were on Monday, 10 May
  auto x = extractor().extract(
      report("Kabul, 11 May 2021. As a result of airstrikes by the Afghan Air Force in Chahar Dara "
             "district of Kunduz province on Monday, two dozen Taliban terrorists were killed.",
             "2021-05-11", "MoD: airstrikes kill two dozen Taliban in Kunduz"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].date);
  EXPECT_EQ(model::format_iso(x.mentions[0].date->start), "2021-05-10");
}

TEST(Extractor, VowsFilmsAndAreasThatHaveSeenAttacksTellNoEvent) {
  for (const char* text :
       {"Prime Minister Shehbaz Sharif on Friday vowed that the state would strike back against "
        "those who target its citizens. 'Any attack on our people will be answered,' he said.",
        "The film, shot partly in Paktia, recreates the shelling and night raids that forced the "
        "garrison to surrender.",
        "The railway would cross areas of Nangarhar and the Khyber Pass that have seen attacks "
        "in the past."}) {
    auto x = extractor().extract(report(text, "2023-02-03"));
    EXPECT_TRUE(x.mentions.empty()) << text;
  }
}

TEST(Extractor, TajikBorderGuardsWhoClashedFoughtTheBattle) {
  // "Tajik border guards clashed with a group of armed smugglers in Khatlon on Sunday evening"
  auto x = extractor().extract(
      report("Марзбонони тоҷик шоми якшанбе дар вилояти Хатлон бо гурӯҳи қочоқбарони мусаллаҳ "
             "даргир шуданд.",
             "2020-02-11"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].event_type, "Battles");
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Government of Tajikistan");
}

TEST(Extractor, ArabicAssassinatedIsAShooting) {
  // "the soldiers of the Caliphate assassinated a member of the apostate Taliban militia in
  // Kunduz city"
  auto x =
      extractor().extract(report("واصل جنود الخلافة حملتهم على المرتدين، "
                                 "حيث اغتالوا عنصرا من ميليشيا طالبان المرتدة "
                                 "في مدينة قندوز.",
                                 "2023-08-10"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].weapon, "firearms");
}

TEST(Extractor, ATruckBombsTruckIsNotWhatItStruck) {
  auto x = extractor().extract(
      report("A Taliban suicide bomber detonated a truck full of explosives outside an "
             "intelligence service office in Aybak on Monday, killing 11 members of the security "
             "forces.",
             "2020-06-16"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_NE(x.mentions[0].target, "transport");
}

TEST(Extractor, AnArrestIsNeitherClaimedNorUnclaimed) {
  // the "not claimed" is the background attack's
  auto x = extractor().extract(report(
      "Taliban intelligence agents arrested four members of an Islamic State cell in a raid on "
      "a house in Herat city on Tuesday, the Taliban's chief spokesman said. Herat was shaken in "
      "September by a suicide bombing at the Guzargah mosque. That attack was not claimed.",
      "2022-10-12"));
  ASSERT_FALSE(x.mentions.empty());
  EXPECT_EQ(x.mentions[0].sub_event_type, "Arrests");
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::unknown);
}

TEST(Extractor, AForceStrikingWhereItWasBasedDidNotCrossABorder) {
  // US forces were based in Afghanistan until 30 August 2021; after it a strike there came
  // from abroad
  const char* text =
      "US forces carried out an air strike on Islamic State positions in Deh Bala district of "
      "Nangarhar province on Monday night, killing nine fighters.";
  auto based = extractor().extract(report(text, "2019-05-14"));
  ASSERT_EQ(based.mentions.size(), 1u);
  EXPECT_FALSE(based.mentions[0].cross_border);
  auto after = extractor().extract(report(text, "2022-08-02"));
  ASSERT_EQ(after.mentions.size(), 1u);
  EXPECT_TRUE(after.mentions[0].cross_border);
}

TEST(Extractor, AVehicleCarryingASidesMenStruckThatSide) {
  // the Taliban are the state's forces after August 2021: its military
  for (const char* text :
       {"Islamic State said its fighters had blown up a vehicle carrying Taliban members in "
        "Kunduz city on Tuesday, killing four of them.",
        "روز پنجشنبه در اثر انفجار یک ماین بر یک موتر حامل نیروهای امارت اسلامی در شهر "
        "جلال‌آباد دو تن کشته شدند."}) {
    auto x = extractor().extract(report(text, "2022-07-20"));
    ASSERT_EQ(x.mentions.size(), 1u) << text;
    EXPECT_EQ(x.mentions[0].target, "military") << text;
  }
}

}  // namespace
}  // namespace sitrep::extract

namespace sitrep::extract {
namespace {

TEST(Extractor, AStatesForcesFiringIntoAnotherStateIsCrossBorderWithoutAnOriginPlace) {
  auto x = extractor().extract(
      report("Pakistani forces fired dozens of rockets into Dangam district of Kunar province on "
             "Saturday, killing a child."));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Government of Pakistan");
  EXPECT_EQ(x.mentions[0].places.at(0).country, "AF");
  EXPECT_TRUE(x.mentions[0].cross_border);
  auto at_home = extractor().extract(
      report("Pakistani forces killed five militants in North Waziristan on Saturday."));
  ASSERT_EQ(at_home.mentions.size(), 1u);
  EXPECT_FALSE(at_home.mentions[0].cross_border);
}

TEST(Extractor, AttackersFromAnotherCountryCrossTheBorder) {
  // the origin inside a longer phrase ("fired from | Afghan territory"); men who came from a
  // country attacking on the ground; a country after "from across the border in"
  for (const char* text :
       {"Several rockets fired from Afghan territory landed in the Uzbek border city of Termez on "
        "Tuesday.",
        "On the night of 5 to 6 November, a group of 20 armed members of the Islamic State from "
        "Afghanistan attacked the Ishkobod border post in Rudaki district of Tajikistan.",
        "Militants of the Tehreek-i-Taliban Pakistan attacked two military check posts in Chitral "
        "District from across the border in Afghanistan on Wednesday.",
        "Mortar shells fired from Pakistani border posts killed two civilians in Shigal district "
        "of Kunar province on Monday.",
        // Pashto: "rockets fired from Pakistan landed on homes in Sarkano district of Kunar"
        "له پاکستانه توغول شوي راکټونه "
        "د کونړ ولایت د سرکانو ولسوالۍ "
        "په کورونو ولګېدل.",
        // Dari: "soldiers of the Caliphate fired ten rockets from the southern bank of the Amu
        // river at an Uzbek army base in Termez"
        "سربازان خلافت دیروز از ساحل جنوبی دریای آمو "
        "ده راکت را به سوی یک پایگاه ارتش ازبکستان "
        "در شهر ترمز شلیک کردند."}) {
    auto x = extractor().extract(report(text, "2021-11-07"));
    ASSERT_EQ(x.mentions.size(), 1u) << text;
    EXPECT_TRUE(x.mentions[0].cross_border) << text;
  }
  // a state's own guards fighting smugglers who came across fought at home
  auto home = extractor().extract(
      report("Uzbek border guards killed three armed smugglers who tried to cross the Amu Darya "
             "from Afghanistan near Termez on Tuesday.",
             "2021-11-07"));
  ASSERT_EQ(home.mentions.size(), 1u);
  EXPECT_FALSE(home.mentions[0].cross_border);
  // what came from the country was not people: "electricity from Uzbekistan"
  auto goods = extractor().extract(
      report("Unknown people blew up a power pylon carrying imported electricity from Uzbekistan "
             "in Baghlan province on Sunday night.",
             "2020-01-13"));
  ASSERT_EQ(goods.mentions.size(), 1u);
  EXPECT_FALSE(goods.mentions[0].cross_border);
}

TEST(Extractor, AnOriginCountryNamedWithoutAPlaceMakesItCrossBorder) {
  auto x = extractor().extract(
      report("Terrorists operating from Afghan territory fired at a Pakistani army patrol in "
             "Mohmand, killing three soldiers."));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].places.at(0).country, "PK");
  EXPECT_TRUE(x.mentions[0].cross_border);
}

}  // namespace
}  // namespace sitrep::extract

namespace sitrep::extract {
namespace {

// The killed low of a report's one mention: -1 when it has not exactly one, or no toll.
int one_toll(const std::string& text, const std::string& published = "2022-04-20") {
  auto x = extractor().extract(report(text, published));
  return x.mentions.size() == 1 && x.mentions[0].killed ? x.mentions[0].killed->low : -1;
}

TEST(Extractor, TollsOfBothSidesAddUpAndUpdatesDoNot) {
  EXPECT_EQ(one_toll("Four soldiers were martyred and three terrorists killed in an exchange of "
                     "fire in Zhob on Monday."),
            7);
  EXPECT_EQ(one_toll("A bomb killed 5 people in Kabul on Monday. Officials later said 8 people "
                     "were killed."),
            8);
  // "killed four" counts the noun after it: the soldier of the next sentence is someone else.
  EXPECT_EQ(one_toll("Security forces killed four terrorists during an operation in North "
                     "Waziristan on Friday. A soldier was martyred during the exchange of fire."),
            5);
  // Not a noun after a preposition: the police station's 12 are the civilians.
  EXPECT_EQ(one_toll("A suicide bomber killed 12 at a police station in Kandahar. Officials said "
                     "12 civilians were killed."),
            12);
  // A toll in a sentence dated by a month or year is a statistic, not the day's event.
  EXPECT_EQ(one_toll("A roadside bomb killed a policeman in Khogyani district of Nangarhar on "
                     "Sunday, officials said. Last month, the Taliban and the US ended talks in "
                     "Doha, while the UN said 1,366 civilians were killed in the first half of "
                     "the year.",
                     "2019-06-10"),
            1);
  // A sentence with the event's day and a month after its toll is the event's.
  EXPECT_EQ(one_toll("A blast at a Kabul mosque killed at least 10 worshippers on Friday, the "
                     "latest in a series of attacks since the Taliban seized power in August "
                     "last year."),
            10);
}

TEST(Extractor, DatelinesAndTheDayOfAStatementAreNotTheEvent) {
  Document d = report(
      "Last night, terrorists attacked a security forces post in Tank District, killing two "
      "soldiers.",
      "2022-08-30", "Attack in Tank");
  d.text = "RAWALPINDI, 30 August 2022: " + d.text;
  auto x = extractor().extract(d);
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].places.at(0).admin1, "Khyber Pakhtunkhwa");
  auto said = extractor().extract(report(
      "Tajik security officials said on Friday they had detained 11 people in Kulob on Thursday.",
      "2023-05-08"));
  ASSERT_EQ(said.mentions.size(), 1u);
  EXPECT_EQ(model::format_iso(said.mentions[0].date->start), "2023-05-04");
}

}  // namespace
}  // namespace sitrep::extract

namespace sitrep::extract {
namespace {

TEST(Extractor, AHeadlineAboutSomethingElseGivesNoEvent) {
  auto floods = extractor().extract(report(
      "Flash floods swept through Swat on Friday. The water came like a bomb, a resident said.",
      "2022-08-27", "Floods wreak havoc in Swat, 24 killed"));
  EXPECT_TRUE(floods.mentions.empty());
  auto attack = extractor().extract(report("A bomb exploded in the stands on Friday.", "2022-08-27",
                                           "Bomb kills five at cricket match"));
  EXPECT_EQ(attack.mentions.size(), 1u);
}

TEST(Extractor, AnAttackBeforeACeasefireIsStillAnAttack) {
  // UCDP cites this AFP headline (tests/data/extract-ucdp-gold.tsv, line 324) for an event.
  auto x = extractor().extract(
      report("", "2020-07-30", "Car bomb kills at least 17 in Afghanistan ahead of ceasefire"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].event_type, "Explosions/Remote violence");
}

TEST(Extractor, DeathsCountedOverAWeekAreATallyNotAnEvent) {
  auto x = extractor().extract(report(
      "The Taliban declared a truce for the holiday. It follows a surge in violence in which the "
      "government said more than 80 soldiers had been killed in a week.",
      "2020-05-24"));
  EXPECT_TRUE(x.mentions.empty());
  // an attack that is the second in a week is an attack
  auto second = extractor().extract(
      report("A suicide bomber killed 12 people at a mosque in Kabul on Monday, the second attack "
             "in a week.",
             "2020-05-24"));
  ASSERT_EQ(second.mentions.size(), 1u);
  EXPECT_EQ(killed_in_one_event(report("A suicide bomber killed 12 people at a mosque in Kabul on "
                                       "Monday, the second attack in a week.",
                                       "2020-05-24")),
            12);
}

TEST(Extractor, ReferencePlacesComeAfterTheEventsPlace) {
  auto x = extractor().extract(report(
      "Gunmen attacked a checkpoint in Bagram district, north of Kabul, on Monday, killing two "
      "soldiers."));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_GE(x.mentions[0].places.size(), 2u);
  EXPECT_EQ(x.mentions[0].places[0].admin1, "Parwan");
  EXPECT_TRUE(x.mentions[0].places.back().reference);
}

TEST(Extractor, AClaimNamingAPlaceGoesToTheEventThere) {
  auto x = extractor().extract(report(
      "Two policemen were killed when militants attacked a checkpost in Dera Ismail Khan on "
      "Wednesday. In a separate incident on Thursday, gunmen shot dead two civilians in Mardan. "
      "The TTP claimed the attack in Dera Ismail Khan."));
  ASSERT_EQ(x.mentions.size(), 2u);
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::claimed);
  EXPECT_EQ(x.mentions[1].claim, model::ClaimStatus::unknown);
}

TEST(Extractor, AClaimOfAnEventSetApartElsewhereIsAnotherEvent) {
  auto x = extractor().extract(report(
      "Taliban forces raided a hideout in Paghman district of Kabul on Thursday, killing three "
      "militants. Separately, the Islamic State claimed the killing of two Taliban fighters at a "
      "checkpoint in Kandahar city on Wednesday.",
      "2022-12-30"));
  ASSERT_EQ(x.mentions.size(), 2u);
  EXPECT_EQ(x.mentions[1].places.at(0).admin1, "Kandahar");
  EXPECT_EQ(x.mentions[1].claim, model::ClaimStatus::claimed);
  EXPECT_EQ(model::format_iso(x.mentions[1].date->start), "2022-12-28");
}

TEST(Extractor, ALaterClaimOfTheSameBombingIsNoNewEvent) {
  auto x = extractor().extract(report(
      "Two policemen were killed when a roadside bomb exploded near their vehicle in Upper Dir on "
      "Tuesday. Hours later, a statement attributed to the Islamic State's Khorasan branch "
      "claimed the bombing.",
      "2023-06-28"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::claimed);
}

TEST(Extractor, APlaceInsideAnActorsNameDoesNotHideTheEventsPlace) {
  // "Pakistan" in the claimant's name is the only place of the sentence that tells the event
  // ("claimed the attack"): the mosque's place, in a background sentence, still places it.
  auto x = extractor().extract(report(
      "The death toll from Monday's suicide bombing inside a mosque in Peshawar rose to 84 on "
      "Tuesday. A faction of the Tehreek-i-Taliban Pakistan initially claimed the attack.",
      "2023-02-01"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_FALSE(x.mentions[0].places.empty());
  EXPECT_EQ(x.mentions[0].places[0].admin1, "Khyber Pakhtunkhwa");
}

TEST(Extractor, AGroupThatOthersOpposeDidNotAct) {
  auto x = extractor().extract(report(
      "The National Resistance Front, an armed group opposed to the Taliban, said its fighters "
      "ambushed a Taliban convoy in Andarab district of Baghlan province on Friday.",
      "2022-09-17"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_NE(x.mentions[0].perpetrator->actor, "Taliban");
  // a victim close to a group names the group's side, not the attacker
  for (const char* text :
       {"A cleric close to the Taliban was killed in a suicide attack in Herat on Friday.",
        "مولوی مجیب‌الرحمن انصاری، "
        "از روحانیون نزدیک به طالبان، "
        "دیروز در یک حمله انتحاری "
        "در شهر هرات کشته شد."}) {
    auto close = extractor().extract(report(text, "2022-09-03"));
    ASSERT_EQ(close.mentions.size(), 1u) << text;
    if (close.mentions[0].perpetrator) {
      EXPECT_NE(close.mentions[0].perpetrator->actor, "Taliban") << text;
    }
  }
}

TEST(Extractor, ASpeakerWhoDeniesBeforeAnythingLikeAClaimIsNoClaimant) {
  auto x = extractor().extract(report(
      "Gunmen killed four polio vaccinators in Nahrin district of Baghlan province on Tuesday. A "
      "Taliban spokesman said the group had nothing to do with it and that its fighters "
      "supported the vaccination campaign.",
      "2020-12-09"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Unidentified armed group");
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::denied);
}

TEST(Extractor, AnArrestNobodyIsNamedMakingWasTheStates) {
  auto tashkent = extractor().extract(
      report("18 сентября в Сурхандарьинской области задержаны трое жителей Термезского района, "
             "которые вели вербовку молодёжи.",
             "2023-09-20"));
  ASSERT_EQ(tashkent.mentions.size(), 1u);
  ASSERT_TRUE(tashkent.mentions[0].perpetrator);
  EXPECT_EQ(tashkent.mentions[0].perpetrator->actor, "Government of Uzbekistan");
  // the state as it was on the day: Afghanistan's before August 2021, the Taliban after
  auto before = extractor().extract(
      report("Police arrested three men in Herat city on Monday.", "2020-05-12"));
  auto after = extractor().extract(
      report("Police arrested three men in Herat city on Monday.", "2022-05-12"));
  ASSERT_EQ(before.mentions.size(), 1u);
  ASSERT_EQ(after.mentions.size(), 1u);
  ASSERT_TRUE(before.mentions[0].perpetrator && after.mentions[0].perpetrator);
  EXPECT_EQ(before.mentions[0].perpetrator->actor, "Government of Afghanistan (2004-2021)");
  EXPECT_EQ(after.mentions[0].perpetrator->actor, "Taliban");
}

TEST(Extractor, InRussianTheOwnerAfterATargetNounWasStruck) {
  auto x = extractor().extract(report(
      "В Ханабаде ночью по блокпосту талибов бросили гранату, ранены два бойца.", "2023-11-08"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Unidentified armed group");
}

TEST(Extractor, AGroupSaidToHaveNoPartInTheKillingIsNoClaimant) {
  auto x = extractor().extract(report(
      "Неизвестные вооружённые люди в понедельник вечером застрелили главу уезда Сайед-Карам "
      "провинции Пактия. Забихулла Муджахид заявил, что талибы к убийству непричастны.",
      "2019-09-17"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Unidentified armed group");
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::denied);
}

TEST(Extractor, AVagueTollAfterAnExactOneIsNoBetterCount) {
  auto x = extractor().extract(report(
      "A suicide bomber attacked a Shi'ite procession in Kohat on Friday, killing 12 people. "
      "Sectarian violence in Kohat and neighbouring Hangu killed scores in the 2000s.",
      "2022-03-05"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].killed);
  EXPECT_EQ(x.mentions[0].killed->low, 12);
  EXPECT_EQ(x.mentions[0].killed->high, 12);
  // but a vague toll alone is the count
  auto dozens = extractor().extract(report(
      "A suicide bomber attacked a procession in Kohat on Friday, killing dozens.", "2022-03-05"));
  ASSERT_EQ(dozens.mentions.size(), 1u);
  ASSERT_TRUE(dozens.mentions[0].killed);
  EXPECT_EQ(dozens.mentions[0].killed->low, 24);
}

TEST(Extractor, ANamedBranchOutranksItsOrganisation) {
  auto x = extractor().extract(report(
      "Gunmen shot dead two Christian brothers in Quetta on Monday. The Islamic State claimed "
      "responsibility in a statement from its Pakistan Province.",
      "2022-04-20"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "IS-Pakistan");
}

TEST(Extractor, DariAndPashtoActorsAfterUponAreStruckEvenInAClaim) {
  // "IS claimed the attack on the Taliban in Kandahar": the Taliban come after "پر" (upon)
  auto claim = extractor().extract(
      report("داعش په کندهار کې پر طالبانو د برید مسؤلیت ومانه. د کندهار ښار کې د شنبې په ورځ د "
             "طالبانو پر یوه پوسته د ماین چاودنه وشوه چې له امله یې دوه طالب جنګیالي ووژل شول.",
             "2022-05-16"));
  ASSERT_EQ(claim.mentions.size(), 1u);
  ASSERT_TRUE(claim.mentions[0].perpetrator);
  EXPECT_EQ(claim.mentions[0].perpetrator->actor, "IS-KP");
  EXPECT_EQ(claim.mentions[0].claim, model::ClaimStatus::claimed);
  // Dari: "an attack on the Taliban" names no attacker
  auto dari = extractor().extract(
      report("روز شنبه در شهر کندهار حمله بر طالبان صورت گرفت که در نتیجه دو تن کشته شدند.",
             "2022-05-16"));
  ASSERT_EQ(dari.mentions.size(), 1u);
  EXPECT_FALSE(dari.mentions[0].perpetrator && dari.mentions[0].perpetrator->actor == "Taliban");
}

TEST(Extractor, ANationsDroneStrikeIsItsStatesDoing) {
  auto x = extractor().extract(report(
      "Officials in Khost say a Pakistani drone strike killed three people in Tani district on "
      "Sunday.",
      "2022-04-18"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Government of Pakistan");
}

TEST(Extractor, DariNamesTheAgentItBlamesBeforeTheVerb) {
  // "the spokesman … considered the Taliban the agent of planting this mine"
  auto x = extractor().extract(report(
      "انفجار یک ماین کنار جاده‌ای روز دوشنبه در ولسوالی "
      "ارغنداب "
      "ولایت قندهار "
      "جان دو کودک را گرفت. "
      "سخنگوی والی قندهار طالبان را عامل جاسازی این ماین دانست.",
      "2020-03-10"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Taliban");
  EXPECT_TRUE(x.mentions[0].perpetrator->uncertain);
}

TEST(Extractor, DariSingularDeathsAddUpWhenOneDiedAlso) {
  // "the district chief … died; his bodyguard also was killed in the blast": two
  auto x = extractor().extract(
      report("ولسوال سروبی صبح روز دوشنبه در پی انفجار یک ماین "
             "کنار جاده‌ای در ولایت کابل جان باخت. "
             "سخنگوی پولیس کابل گفت که محافظ او نیز در این انفجار کشته شد.",
             "2021-02-09"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].killed);
  EXPECT_EQ(x.mentions[0].killed->low, 2);
  EXPECT_EQ(x.mentions[0].killed->high, 2);
}

TEST(Extractor, UrduKillingsAreCountedButAnAgeIsNot) {
  // "gunmen killed two shopkeepers in Kohat"; "… killed a 40-year-old shopkeeper"
  auto two = extractor().extract(
      report("کوہاٹ میں منگل کی شام نامعلوم مسلح افراد نے فائرنگ کر کے دو دکانداروں کو قتل کر دیا۔",
             "2021-05-12"));
  ASSERT_EQ(two.mentions.size(), 1u);
  ASSERT_TRUE(two.mentions[0].killed);
  EXPECT_EQ(two.mentions[0].killed->low, 2);
  auto aged = extractor().extract(report(
      "کوہاٹ میں منگل کی شام نامعلوم مسلح افراد نے فائرنگ کر کے 40 سالہ دکاندار کو قتل کر دیا۔",
      "2021-05-12"));
  ASSERT_EQ(aged.mentions.size(), 1u);
  EXPECT_FALSE(aged.mentions[0].killed && aged.mentions[0].killed->low == 40);
}

TEST(Extractor, ASourceNamedAsAChainOfOwnersSpeaksAndDoesNotAttack) {
  // "According to the Main Directorate of Border Troops of the State Committee for National
  // Security, an armed group of smugglers opened fire on a border detachment in Shamsiddin
  // Shohin district"
  auto x = extractor().extract(
      report("Тибқи иттилои Сарраёсати Қӯшунҳои сарҳадии Кумитаи давлатии амнияти миллии Ҷумҳурии "
             "Тоҷикистон, шоми 3 май дар ноҳияи Шамсиддин Шоҳин гурӯҳи мусаллаҳи қочоқбарон ба сӯи "
             "дастаи сарҳадӣ оташ кушоданд.",
             "2021-05-05"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Unidentified armed group");
}

TEST(Extractor, ARussianSpokesmanNamedBeforeHisGroupSpeaksForIt) {
  // "… a bomb went off; the Taliban's representative in the province confirmed the blast"
  auto x = extractor().extract(report(
      "В пятницу в городе Кундуз на севере Афганистана взорвалась бомба, погибли пять человек. "
      "Представитель талибов в провинции подтвердил факт взрыва.",
      "2022-05-14"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_FALSE(x.mentions[0].perpetrator && x.mentions[0].perpetrator->actor == "Taliban");
}

TEST(Extractor, AGroupThreateningAttacksDidNotCarryOutTheOneReported) {
  // "Unknown gunmen shot dead a district chief … The Taliban threatened attacks on polling
  // stations."
  auto x = extractor().extract(
      report("Неизвестные вооружённые люди в понедельник застрелили главу уезда Зурмат провинции "
             "Пактия. Талибы пригрозили нападениями на избирательные участки.",
             "2019-09-17"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Unidentified armed group");
}

TEST(Extractor, WhatHappenedInRecentYearsIsNoPartOfTheEvent) {
  // "On Sunday militants attacked a checkpoint in North Waziristan: two soldiers died. Hundreds
  // of Sikhs live in Bannu, and in recent years many of them fell victim to killings."
  auto x = extractor().extract(report(
      "В воскресенье в округе Северный Вазиристан боевики атаковали блокпост, в перестрелке "
      "погибли двое военнослужащих. В Банну живут сотни сикхов, и за последние годы многие из "
      "них стали жертвами убийств.",
      "2023-06-26"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].event_type, "Battles");
  EXPECT_EQ(x.mentions[0].target, "military");
  ASSERT_FALSE(x.mentions[0].places.empty());
  EXPECT_EQ(x.mentions[0].places[0].admin2, "North Wazīristān District");
}

TEST(Extractor, DariAttacksSomeoneHadAHandInAreNoNewEvent) {
  // "Police arrested four Taliban members in Nahrin district of Baghlan yesterday. According to
  // information, these men had a hand in planting roadside mines on the Kabul-Kandahar highway
  // and in several attacks on police checkpoints."
  auto x = extractor().extract(
      report("نیروهای پولیس ملی روز گذشته چهار تن از "
             "اعضای گروه طالبان را در ولسوالی نهرین "
             "ولایت بغلان بازداشت کردند. به اساس معلومات، "
             "این افراد در جاسازی ماین‌های کنار جاده "
             "در شاهراه کابل-قندهار و چندین حمله "
             "بر پاسگاه‌های پولیس دست داشتند.",
             "2019-06-12"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].sub_event_type, "Arrests");
}

TEST(Extractor, PashtoBothAttacksWentUnclaimed) {
  // "Gunmen shot dead a policeman in Tank on Monday. Separately, a roadside bomb killed two
  // soldiers in Bannu on Tuesday. Nobody has yet claimed either attack."
  auto x = extractor().extract(
      report("د ټانک ضلعې په یوه کلي کې د دوشنبې په ورځ ناپېژاندو وسله والو "
             "پر یوه پولیس ډزې وکړې او هغه یې ووژه. بل پلو، د بنو ضلعې "
             "په یوه سیمه کې د سه شنبې په ورځ د سړک غاړې بم وچاودېد چې "
             "دوه سرتېري یې ووژل. د دواړو بریدونو مسؤلیت تر اوسه چا نه دی منلی.",
             "2023-10-19"));
  ASSERT_EQ(x.mentions.size(), 2u);
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::unclaimed);
  EXPECT_EQ(x.mentions[1].claim, model::ClaimStatus::unclaimed);
}

TEST(Extractor, AStatementOpeningWithItsGroupsNameIsTheGroupsClaim) {
  auto x = extractor().extract(report(
      "Tehreek-e-Taliban Pakistan: Last night our mujahideen attacked a police post in Lakki "
      "Marwat, killing five policemen.",
      "2023-02-11", "Attack on police post in Lakki Marwat"));
  EXPECT_EQ(x.source.kind, "claim");
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].claim, model::ClaimStatus::claimed);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "TTP");
  // a report that merely mentions the group first is no statement of it
  auto news = extractor().extract(report(
      "Tehreek-e-Taliban Pakistan fighters attacked a police post in Lakki Marwat last night, "
      "killing five policemen.",
      "2023-02-11", "Attack on police post in Lakki Marwat"));
  EXPECT_EQ(news.source.kind, "unknown");
}

TEST(Extractor, RussianServicemenFightingAreTheStatesForcesAndDyingAreItsMen) {
  auto fought = extractor().extract(
      report("В среду в уезде Андар провинции Газни военнослужащие вступили в бой с боевиками, "
             "уничтожены пять боевиков.",
             "2020-10-15"));
  ASSERT_EQ(fought.mentions.size(), 1u);
  ASSERT_TRUE(fought.mentions[0].perpetrator);
  EXPECT_EQ(fought.mentions[0].perpetrator->actor, "Government of Afghanistan (2004-2021)");
  auto died = extractor().extract(
      report("В среду в уезде Андар провинции Газни боевики атаковали блокпост, погибли трое "
             "военнослужащих.",
             "2020-10-15"));
  ASSERT_EQ(died.mentions.size(), 1u);
  ASSERT_TRUE(died.mentions[0].perpetrator);
  EXPECT_EQ(died.mentions[0].perpetrator->actor, "Unidentified armed group");
  EXPECT_EQ(died.mentions[0].target, "military");
}

TEST(Extractor, RussianSaysWhoPlantedTheBombAfterTheVerb) {
  // "… a car hit a roadside bomb; according to the police, the mine was planted by Taliban
  // militants" (verb before its subject)
  auto x = extractor().extract(
      report("В понедельник в уезде Карабаг провинции Газни автомобиль подорвался на самодельном "
             "взрывном устройстве, погибли трое мирных жителей. По словам полиции, мину заложили "
             "боевики движения «Талибан».",
             "2020-06-17"));
  ASSERT_EQ(x.mentions.size(), 1u);
  ASSERT_TRUE(x.mentions[0].perpetrator);
  EXPECT_EQ(x.mentions[0].perpetrator->actor, "Taliban");
}

TEST(Extractor, UzbekAndTajikFireFromAfghanSoilCrossesTheBorder) {
  // "rockets launched from Afghan territory fell on Termez"; "three rockets were fired from
  // Afghan soil toward Farkhor district"
  for (const char* text :
       {"Kecha, 5-iyul kuni kechqurun Afg‘oniston hududidan uchirilgan ikki reaktiv snaryad "
        "Termiz shahriga kelib tushdi.",
        "Рӯзи шанбе аз хоки Афғонистон ба сӯи ноҳияи Фархор се мушак партоб шуд."}) {
    auto x = extractor().extract(report(text, "2022-07-06"));
    ASSERT_EQ(x.mentions.size(), 1u) << text;
    EXPECT_TRUE(x.mentions[0].cross_border) << text;
  }
}

}  // namespace
}  // namespace sitrep::extract
