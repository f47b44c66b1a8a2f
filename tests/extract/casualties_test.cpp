// Casualty counts from sentences written for this test: digits and words, qualifiers, ranges,
// vague quantities, verbs before and after, Russian and Dari.
#include "sitrep/extract/casualties.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "bundled.hpp"

namespace sitrep::extract {
namespace {

class CasualtiesTest : public ::testing::Test {
 protected:
  // "killed 31..31" or "injured 24..99" or "killed 31..+" (open), per count found.
  static std::vector<std::string> counts(std::string_view text) {
    std::vector<std::string> out;
    for (const CasualtyMention& m : testing::bundled<CasualtyReader>().find(text)) {
      out.push_back(std::string(m.kind == CasualtyMention::Kind::killed ? "killed " : "injured ") +
                    std::to_string(m.low) + ".." + (m.high ? std::to_string(*m.high) : "+"));
    }
    return out;
  }
  // The words of each count found.
  static std::vector<std::string> spans(std::string_view text) {
    std::vector<std::string> out;
    for (const CasualtyMention& m : testing::bundled<CasualtyReader>().find(text)) {
      out.emplace_back(text.substr(m.begin, m.end - m.begin));
    }
    return out;
  }
};

using Counts = std::vector<std::string>;

TEST_F(CasualtiesTest, DigitsAndWordsBeforeOrAfterTheVerb) {
  EXPECT_EQ(counts("The blast killed 31 people and wounded 12."),
            Counts({"killed 31..31", "injured 12..12"}));
  EXPECT_EQ(counts("Three soldiers were killed and twenty-five others injured."),
            Counts({"killed 3..3", "injured 25..25"}));
  EXPECT_EQ(counts("Two dozen civilians died; 1,200 were hurt."),
            Counts({"killed 24..24", "injured 1200..1200"}));
  EXPECT_EQ(counts("a 100 people were killed"), Counts({"killed 100..100"}));
}

TEST_F(CasualtiesTest, QualifiersRangesAndVagueQuantities) {
  EXPECT_EQ(counts("At least 31 people were killed."), Counts({"killed 31..+"}));
  EXPECT_EQ(counts("More than 60 dead."), Counts({"killed 61..+"}));
  EXPECT_EQ(counts("Over 2 dozen militants killed."), Counts({"killed 25..+"}));
  EXPECT_EQ(counts("Up to 40 killed."), Counts({"killed 0..40"}));
  EXPECT_EQ(counts("Between 31-36 were killed."), Counts({"killed 31..36"}));
  EXPECT_EQ(counts("Dozens were wounded."), Counts({"injured 24..99"}));
  EXPECT_EQ(counts("about 20 people killed"), Counts({"killed 20..20"}));
}

TEST_F(CasualtiesTest, ADeathTollThatRoseIsTheNumberItRoseTo) {
  EXPECT_EQ(counts("The death toll from the bombing rose to 84 on Tuesday."),
            Counts({"killed 84..84"}));
  EXPECT_EQ(counts("The toll has climbed to at least 60."), Counts({"killed 60..+"}));
  EXPECT_EQ(counts("Число жертв теракта в мечети возросло до 84."), Counts({"killed 84..84"}));
  EXPECT_EQ(counts("Число погибших достигло 31."), Counts({"killed 31..31"}));
  // "the Taliban's losses came to at least eight men"
  EXPECT_EQ(counts("Потери талибов составили не менее восьми человек."), Counts({"killed 8..+"}));
  // a toll in another clause, or a rise of something else, counts nobody; nor does a toll of
  // the wounded, or of the dead and wounded together
  EXPECT_EQ(counts("The toll was not known. Prices rose to 84 rupees."), Counts({}));
  EXPECT_EQ(counts("The toll of wounded rose to 30."), Counts({}));
  EXPECT_EQ(counts("Число погибших и раненых возросло до 30."), Counts({}));
}

TEST_F(CasualtiesTest, DariAndPashtoTollsGiveTheirNumberBeforeTheVerb) {
  // "the Taliban put the number of the dead at 18 at least"; "the number of the dead reached 20"
  EXPECT_EQ(
      counts(
          "مقام‌های طالبان شمار کشته‌شدگان را دست‌کم ۱۸ "
          "تن "
          "اعلام "
          "کرده‌اند."),
      Counts({"killed 18..+"}));
  EXPECT_EQ(counts("د مړو شمېر ۲۰ ته ورسېد."), Counts({"killed 20..20"}));
  // a toll in another clause counts nobody, nor does a count of the wounded after it ("the
  // number of the dead is not yet clear, but 30 were wounded")
  EXPECT_EQ(
      counts("شمار کشته‌شدگان روشن نیست. ۱۸ خانه ویران شد."),
      Counts({}));
  EXPECT_EQ(
      counts(
          "شمار کشته‌شدگان هنوز روشن نیست، اما ۳۰ تن زخمی "
          "شدند."),
      Counts({"injured 30..30"}));
}

TEST_F(CasualtiesTest, ADariOrPashtoRelativeClauseOfThemIsPartOfTheCountBefore) {
  // "at least six civilians, two of whom are children, were killed"
  EXPECT_EQ(counts("لږ تر لږه شپږ ملکي وګړي چې دوه یې ماشومان دي، ووژل شول."),
            Counts({"killed 6..+"}));
  EXPECT_EQ(counts("شش غیرنظامی که دو تن از آنان کودک بودند، کشته شدند."), Counts({"killed 6..6"}));
  // "a bomb went off that killed two policemen": the clause has its own killing
  EXPECT_EQ(counts("بم وچاودېد چې دوه پولیس یې ووژل."), Counts({"killed 2..2"}));
  EXPECT_EQ(counts("بم وچاودېد چې دوه یې ووژل."), Counts({"killed 2..2"}));
}

TEST_F(CasualtiesTest, ANumberOfPeopleIsNoCountOfOne) {
  // "a number of civilians were killed": some, not one
  EXPECT_EQ(counts("یو شمېر ملکي وګړي ووژل شول."), Counts({}));
  EXPECT_EQ(counts("A number of civilians were killed."), Counts({}));
  EXPECT_EQ(counts("یو ملکي وګړی ووژل شو."), Counts({"killed 1..1"}));
}

TEST_F(CasualtiesTest, ADariCountOfSeveralReachesItsVerbAtTheEndOfItsClause) {
  // "two guards of the governor also died in this attack": the verb is eight words on
  EXPECT_EQ(counts("دو محافظ والی نیز در این حمله جان باختند."), Counts({"killed 2..2"}));
  // "killed two policemen", the past singular
  EXPECT_EQ(counts("یک ماین منفجر شد و دو پولیس را کشت."), Counts({"killed 2..2"}));
  // "in a suicide attack in the city of Qalat … were killed": "یک" is the article, and its
  // reach is the usual one
  EXPECT_EQ(counts("در یک حمله انتحاری بر کاروان والی در شهر قلات مردم کشته شدند."), Counts({}));
}

TEST_F(CasualtiesTest, UrduUzbekTajikAndArabicCountsAreRead) {
  EXPECT_EQ(counts("دھماکے میں دو پولیس اہلکار شہید ہو گئے۔"), Counts({"killed 2..2"}));
  EXPECT_EQ(counts("Hujumda ikki kishi halok bo'ldi."), Counts({"killed 2..2"}));
  EXPECT_EQ(counts("Дар ин ҳодиса се нафар кушта шуданд."), Counts({"killed 3..3"}));
  EXPECT_EQ(counts("أسفر الهجوم عن مقتل خمسة أشخاص."), Counts({"killed 5..5"}));
  // the Islamic State's "هلاك" (perishing) of its enemies; Tajik "took the lives of 12"
  EXPECT_EQ(counts("ما أدى إلى هلاك 3 منهم وإصابة آخرين."), Counts({"killed 3..3"}));
  EXPECT_EQ(counts("ما أدى إلى هلاك أحدهما وإصابة الآخر."), Counts({"killed 1..1"}));
  EXPECT_EQ(counts("Ҳамла ҷони 12 сарбозро гирифт."), Counts({"killed 12..12"}));
}

TEST_F(CasualtiesTest, AnUrduNumberOfTheKilledIsAToll) {
  // "the number of persons killed has become 44, while over 100 injured were moved": the
  // number of the injured is no toll
  EXPECT_EQ(counts("دھماکے میں جاں بحق افراد کی تعداد 44 ہو گئی ہے۔"), Counts({"killed 44..44"}));
  EXPECT_EQ(counts("زخمیوں کی تعداد 100 ہو گئی ہے۔"), Counts({}));
}

TEST_F(CasualtiesTest, ARussianKillingInTheSingularIsOnePerson) {
  EXPECT_EQ(counts("Губернатор провинции Балх погиб в четверг."), Counts({"killed 1..1"}));
  EXPECT_EQ(counts("Вчера был убит главный редактор радиостанции."), Counts({"killed 1..1"}));
  // each clause its own count (the extractor adds up different people); the plural says
  // nothing of one
  EXPECT_EQ(counts("Три солдата погибли, один полицейский убит."),
            Counts({"killed 3..3", "killed 1..1"}));
  EXPECT_EQ(counts("Полицейские погибли."), Counts({}));
  // a thing destroyed is nobody killed
  EXPECT_EQ(counts("В результате авиаудара уничтожен склад боеприпасов."), Counts({}));
}

TEST_F(CasualtiesTest, ARussianKillingsSingularObjectIsOnePerson) {
  EXPECT_EQ(counts("Неизвестные застрелили телеведущую местного канала."), Counts({"killed 1..1"}));
  EXPECT_EQ(counts("Боевики убили губернатора провинции."), Counts({"killed 1..1"}));
  EXPECT_EQ(counts("Взрыв унёс жизнь губернатора."), Counts({"killed 1..1"}));
  // a plural object or a place is no count of one; a count says how many
  EXPECT_EQ(counts("Боевики убили полицейских."), Counts({}));
  EXPECT_EQ(counts("Боевики застрелили в Кабуле."), Counts({}));
  EXPECT_EQ(counts("Боевики убили двух полицейских."), Counts({"killed 2..2"}));
  // collective numbers in the accusative: "killed all four attackers", "three policemen"
  EXPECT_EQ(counts("Всех четверых нападавших уничтожили спецназовцы."), Counts({"killed 4..4"}));
  EXPECT_EQ(counts("Боевики убили троих полицейских."), Counts({"killed 3..3"}));
}

TEST_F(CasualtiesTest, RussianSingularNounsListedAfterAPluralKillingCountOneEach) {
  // "a serviceman of the border troops and an officer of the interior ministry died"
  EXPECT_EQ(counts("При отражении атаки погибли военнослужащий пограничных войск и сотрудник "
                   "органов внутренних дел."),
            Counts({"killed 2..2"}));
  EXPECT_EQ(counts("Погибли один прихожанин-сикх и боец сил безопасности талибов."),
            Counts({"killed 2..2"}));
  EXPECT_EQ(counts("Погибли двое полицейских и водитель."), Counts({"killed 3..3"}));
  // plurals, numbers and a verb after "и" are not singular people
  EXPECT_EQ(counts("Погибли мирные жители и военные."), Counts({}));
  EXPECT_EQ(counts("Погибли девять военнослужащих и пятеро нападавших."),
            Counts({"killed 14..14"}));
  EXPECT_EQ(counts("Полиция подтвердила гибель трёх сотрудников и сообщила о розыске."),
            Counts({"killed 3..3"}));
}

TEST_F(CasualtiesTest, AWordForOthersBetweenTheVerbAndTheCountIsRead) {
  EXPECT_EQ(counts("Вместе с ним погибли ещё два человека."), Counts({"killed 2..2"}));
  EXPECT_EQ(counts("Gunmen killed another 12 people."), Counts({"killed 12..12"}));
}

TEST_F(CasualtiesTest, ALineBreakEndsAClause) {
  // a headline without a full stop, then the report: the one killed is counted in the report
  std::string_view text =
      "Губернатор провинции Балх погиб при взрыве\n\nГубернатор провинции Балх Мухаммад Дауд "
      "Музаммиль погиб в четверг.";
  auto found = testing::bundled<CasualtyReader>().find(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_GT(found[1].begin, text.find('\n'));
}

TEST_F(CasualtiesTest, AgesAndMeasuresAreNotCounts) {
  EXPECT_EQ(counts("Naik Sher Ali (age 33, resident of Kohat) embraced shahadat."), Counts({}));
  EXPECT_EQ(counts("A 33-year-old man was killed."), Counts({"killed 1..1"}));
  EXPECT_EQ(counts("The blast 15 km away killed 4 people."), Counts({"killed 4..4"}));
}

TEST_F(CasualtiesTest, NumbersThatCountSomethingElseAreNotCasualties) {
  EXPECT_TRUE(counts("Militants fired ten 107mm rockets at the base.").empty());
  EXPECT_TRUE(counts("In 2021 a suicide bomber attacked a checkpoint.").empty());
  // The date's day is not the count: the count closest to the verb is.
  EXPECT_EQ(counts("On April 18, 12 people were killed."), Counts({"killed 12..12"}));
  EXPECT_EQ(counts("KABUL, Sept 3 (Reuters) - A suicide bomber killed a scholar."),
            Counts({"killed 1..1"}));
  // A day before its month: "a correspondent was shot on 13 May" is one killed, not 13
  EXPECT_EQ(counts("Корреспондент был застрелен 13 мая в округе Банну."), Counts({"killed 1..1"}));
  EXPECT_EQ(counts("A journalist was shot dead on 13 May in Bannu."), Counts({"killed 1..1"}));
  // … but "may" in lower case is no month
  EXPECT_EQ(counts("Officials said 5 may have been killed."), Counts({"killed 5..5"}));
}

TEST_F(CasualtiesTest, RussianAndDari) {
  EXPECT_EQ(counts("В результате взрыва погибли не менее 12 человек, ранены 20."),
            Counts({"killed 12..+", "injured 20..20"}));
  EXPECT_EQ(counts("در این حمله ۱۲ نفر کشته و ۲۰ تن دیگر زخمی شدند"),
            Counts({"killed 12..12", "injured 20..20"}));
  // "two embassy staff were killed, as well as four Afghan citizens"
  EXPECT_EQ(counts("Погибли двое сотрудников посольства, а также четверо граждан Афганистана."),
            Counts({"killed 6..6"}));
}

TEST_F(CasualtiesTest, RussianShootingsAndLivesTaken) {
  EXPECT_EQ(counts("Боевики застрелили двух членов движения на блокпосту."),
            Counts({"killed 2..2"}));
  EXPECT_EQ(counts("Взрыв на рынке унёс жизни восьми человек, ещё 20 получили ранения."),
            Counts({"killed 8..8", "injured 20..20"}));
}

TEST_F(CasualtiesTest, PashtoMartyrsAreKilled) {
  EXPECT_EQ(counts("دوه پولیس شهیدان شول او درې نور ټپیان شول"),
            Counts({"killed 2..2", "injured 3..3"}));
  // "یوه": one, in its feminine form, at the head of a list.
  EXPECT_EQ(counts("یوه ښځه او دوه ماشومان ووژل شول"), Counts({"killed 3..3"}));
}

TEST_F(CasualtiesTest, DariAndPashtoSayOnePersonByTheSingularAuxiliary) {
  EXPECT_EQ(counts("والی ولایت زابل روز سه شنبه در یک حمله انتحاری کشته شد"),
            Counts({"killed 1..1"}));
  EXPECT_EQ(counts("د برکي برک ولسوال د شنبې په ورځ په ډزو ووژل شو"), Counts({"killed 1..1"}));
  // The plural says nothing of its own; a count in the clause stands.
  EXPECT_EQ(counts("در این حمله دو غیرنظامی کشته شدند"), Counts({"killed 2..2"}));
  EXPECT_EQ(counts("در این حمله سه تن کشته شد"), Counts({"killed 3..3"}));
}

TEST_F(CasualtiesTest, OnePersonNamedWithoutANumberIsOneKilled) {
  EXPECT_EQ(counts("A high school teacher was shot dead in Khost."), Counts({"killed 1..1"}));
  EXPECT_EQ(counts("A grenade hit the shop, killing the shopkeeper."), Counts({"killed 1..1"}));
  EXPECT_EQ(counts("Gunmen shot dead a presenter and her driver."), Counts({"killed 2..2"}));
  EXPECT_EQ(counts("A bomb killed 3 soldiers; the driver was killed too."),
            Counts({"killed 3..3", "killed 1..1"}));
  // a rank or a name opening its clause, with no determiner, is one person too
  EXPECT_EQ(counts("Assistant Sub-Inspector Gul Nawaz of Kulachi police station was martyred."),
            Counts({"killed 1..1"}));
  EXPECT_EQ(counts("On Monday, Mullah Abdul Karim was killed in Nad Ali."),
            Counts({"killed 1..1"}));
}

TEST_F(CasualtiesTest, NoOneKilledIsNoCountButNoFewerThanIsAtLeast) {
  EXPECT_EQ(counts("No one was killed in the blast."), Counts({}));
  EXPECT_EQ(counts("Nobody was killed but 3 were wounded."), Counts({"injured 3..3"}));
  EXPECT_EQ(counts("No fewer than 12 people were killed."), Counts({"killed 12..+"}));
  EXPECT_EQ(counts("Not less than 12 people were killed."), Counts({"killed 12..+"}));
  EXPECT_EQ(counts("Fewer than 12 people were killed."), Counts({"killed 0..11"}));
}

TEST_F(CasualtiesTest, OnePersonAndThoseKilledWithThemAreCountedTogether) {
  EXPECT_EQ(counts("A bomb exploded, killing the mosque's prayer leader and three worshippers."),
            Counts({"killed 4..4"}));
  EXPECT_EQ(counts("Mujahideen killed a notorious commander of the local police, named "
                   "Habibullah, along with his three bodyguards in an ambush."),
            Counts({"killed 4..4"}));
  EXPECT_EQ(counts("A suicide bomber killed a prominent scholar and four of his students."),
            Counts({"killed 5..5"}));
  EXPECT_EQ(counts("A bomb struck the car, killing him along with two police guards and two "
                   "other men, police said."),
            Counts({"killed 5..5"}));
  // Those with their own verb were not killed with him.
  EXPECT_EQ(counts("Gunmen killed the driver and three passengers were wounded."),
            Counts({"killed 1..1", "injured 3..3"}));
}

TEST_F(CasualtiesTest, APassiveKillingCountsThoseKilledAlongWithThePerson) {
  EXPECT_EQ(counts("The deputy governor of Badakhshan, Nisar Ahmad Ahmadi, was killed along with "
                   "his driver on Tuesday."),
            Counts({"killed 2..2"}));
  EXPECT_EQ(counts("The imam of a mosque in Kabul's Wazir Akbar Khan area was killed along with "
                   "one worshipper."),
            Counts({"killed 2..2"}));
  // The subject's own determiner, not the one of the team he guarded
  EXPECT_EQ(
      spans("A police constable assigned to guard a polio vaccination team was shot dead."),
      Counts({"A police constable assigned to guard a polio vaccination team was shot dead"}));
  // After a passive, "and" starts another clause: the brother was wounded.
  EXPECT_EQ(counts("A teacher was killed and his brother wounded."), Counts({"killed 1..1"}));
}

TEST_F(CasualtiesTest, ARussianSingularKillingCountsThoseKilledTogetherWithThePerson) {
  // "he died together with his son", "… with his driver", "… with two bodyguards"
  EXPECT_EQ(counts("Он погиб вместе с сыном."), Counts({"killed 2..2"}));
  EXPECT_EQ(counts("Губернатор погиб вместе со своим водителем."), Counts({"killed 2..2"}));
  EXPECT_EQ(counts("Губернатор погиб вместе с двумя охранниками."), Counts({"killed 3..3"}));
  // "a blast whose victim was the minister": one killed
  EXPECT_EQ(counts("Взрыв, жертвой которого стал министр."), Counts({"killed 1..1"}));
  // "together with his sons" is a plural: no count says how many
  EXPECT_EQ(counts("Он погиб вместе с сыновьями."), Counts({"killed 1..1"}));
}

TEST_F(CasualtiesTest, ACountReachesItsPluralPassiveOverTheWordsOfItsSubject) {
  EXPECT_EQ(counts("Two men belonging to the Hazara community were shot dead in Quetta."),
            Counts({"killed 2..2"}));
  EXPECT_EQ(counts("Two policemen escorting a polio vaccination team were shot dead."),
            Counts({"killed 2..2"}));
  // The words between have a verb of their own: the count is of the arrested.
  EXPECT_EQ(counts("Two men were arrested after police officers were killed."), Counts({}));
  // An object's count is its verb's.
  EXPECT_EQ(counts("Police arrested two men belonging to a gang whose members were killed."),
            Counts({}));
}

TEST_F(CasualtiesTest, APersonBeforeACountOfOthersCountsOne) {
  EXPECT_EQ(counts("The police chief of Takhar province and two of his bodyguards were killed."),
            Counts({"killed 3..3"}));
  EXPECT_EQ(counts("An assistant commissioner and two other officials were killed."),
            Counts({"killed 3..3"}));
  EXPECT_EQ(counts("A bomb exploded and two people were killed."), Counts({"killed 2..2"}));
  EXPECT_EQ(counts("One officer was also killed."), Counts({"killed 1..1"}));
}

TEST_F(CasualtiesTest, APersonBeforeTheirOwnOrAnyCountOfPeopleCountsOne) {
  EXPECT_EQ(counts("A mother and her three children were killed."), Counts({"killed 4..4"}));
  EXPECT_EQ(counts("A policeman and two civilians were killed."), Counts({"killed 3..3"}));
  EXPECT_EQ(counts("A local Taliban leader and four militants were wounded."),
            Counts({"injured 5..5"}));
  // a thing before "and" is no one killed, with "its" or "their" or not
  EXPECT_EQ(counts("A roadside bomb hit a police van and two officers were killed."),
            Counts({"killed 2..2"}));
  EXPECT_EQ(counts("A roadside bomb hit a police van and its two officers were killed."),
            Counts({"killed 2..2"}));
  EXPECT_EQ(counts("A rocket hit a house in Kandahar city and its five occupants were killed."),
            Counts({"killed 5..5"}));
}

TEST_F(CasualtiesTest, AHeadlineListsAPersonBeforeACountWithAComma) {
  // UCDP cites this headline (tests/data/extract-ucdp-gold.tsv, line 274)
  EXPECT_EQ(counts("Mother, 3 children killed in Kandahar roadside blast"),
            Counts({"killed 4..4"}));
  // only a person, first: not a clause before the comma, nor an age
  EXPECT_EQ(counts("Bomb hits police chief, 3 guards killed"), Counts({"killed 3..3"}));
  EXPECT_EQ(counts("Taliban attack governor, 3 guards killed"), Counts({"killed 3..3"}));
  EXPECT_EQ(counts("According to the commander, 3 soldiers killed"), Counts({"killed 3..3"}));
  EXPECT_EQ(counts("Kabul, 3 killed in blast"), Counts({"killed 3..3"}));
  // an age set off by commas counts no one (the girl herself is not read: no toll is better
  // than a wrong one)
  EXPECT_EQ(counts("Girl, 8, killed in Kandahar blast"), Counts({}));
}

TEST_F(CasualtiesTest, PluralsAndPeopleWhoSurvivedAreNotOneKilled) {
  EXPECT_EQ(counts("The teachers were shot dead."), Counts({}));
  EXPECT_EQ(counts("The minister escaped the attack."), Counts({}));
}

TEST_F(CasualtiesTest, CountsListedBeforeOneVerbAreSummed) {
  EXPECT_EQ(counts("92 Taliban, 15 security personnel killed in Helmand clashes"),
            Counts({"killed 107..107"}));
  EXPECT_EQ(counts("Two policemen and three civilians were killed in the blast."),
            Counts({"killed 5..5"}));
  EXPECT_EQ(counts("Three soldiers, two policemen, and at least four civilians were wounded."),
            Counts({"injured 9..+"}));
}

TEST_F(CasualtiesTest, CountsListedAfterTheVerbAreSummed) {
  EXPECT_EQ(counts("The bomb killed three policemen and two civilians on Monday."),
            Counts({"killed 5..5"}));
  EXPECT_EQ(counts("Gunmen killed 5 soldiers and 2 police were wounded."),
            Counts({"killed 5..5", "injured 2..2"}));
  EXPECT_EQ(counts("The attack killed 3 and wounded 2."), Counts({"killed 3..3", "injured 2..2"}));
  EXPECT_EQ(counts("Nine Taliban and five IS fighters were killed."), Counts({"killed 14..14"}));
  EXPECT_EQ(counts("Security forces killed the three attackers."), Counts({"killed 3..3"}));
  EXPECT_EQ(counts("Security forces killed all four attackers."), Counts({"killed 4..4"}));
  EXPECT_EQ(counts("Силы безопасности уничтожили всех четверых нападавших."),
            Counts({"killed 4..4"}));
}

TEST_F(CasualtiesTest, APersonWithAnArticleLastInAListCountsOne) {
  EXPECT_EQ(counts("Gunmen shot dead two policemen and a civilian in Kunduz."),
            Counts({"killed 3..3"}));
  EXPECT_EQ(counts("Two soldiers and a policeman were killed."), Counts({"killed 3..3"}));
  // After a comma, it says who said so.
  EXPECT_EQ(
      counts("Militants attacked a post, killing seven policemen, a provincial official said."),
      Counts({"killed 7..7"}));
}

TEST_F(CasualtiesTest, ACountIncludedInAnotherIsNotAddedNorReadAlone) {
  EXPECT_EQ(counts("Roundup: 24 including 4 policemen killed in fresh clashes"),
            Counts({"killed 24..24"}));
  EXPECT_EQ(counts("31 people, including 5 children, were killed."), Counts({"killed 31..31"}));
  EXPECT_EQ(counts("At least 29 people, including 11 police officers, were killed."),
            Counts({"killed 29..+"}));
  EXPECT_EQ(counts("Fourteen personnel, including seven FC soldiers and seven private security "
                   "guards, embraced shahadat."),
            Counts({"killed 14..14"}));
  EXPECT_EQ(counts("The blast killed 24 people, including 4 policemen, and wounded 10."),
            Counts({"killed 24..24", "injured 10..10"}));
  EXPECT_EQ(counts("Including 4 policemen, 24 people were killed."), Counts({"killed 24..24"}));
  EXPECT_EQ(counts("Ten people, eight of them Taliban fighters, were killed."),
            Counts({"killed 10..10"}));
  EXPECT_EQ(counts("Police surrounded the house and killed 3 of them."), Counts({"killed 3..3"}));
  EXPECT_EQ(counts("Police arrested ten men and killed 3 of them."), Counts({"killed 3..3"}));
  EXPECT_EQ(counts("Five soldiers killed 12 militants."), Counts({"killed 12..12"}));
  // A time after the killing is no count of it.
  EXPECT_EQ(counts("Three Palestinians were killed one day after the raid."),
            Counts({"killed 3..3"}));
  EXPECT_EQ(counts("At least 10 people were killed two weeks after the talks collapsed."),
            Counts({"killed 10..+"}));
}

// Sentences a review of the list rules found miscounted.
TEST_F(CasualtiesTest, CountsWithAVerbOfTheirOwnOrOutsideTheClauseAreNotListed) {
  EXPECT_EQ(counts("The attack killed 12 people and 20 others remained in hospital."),
            Counts({"killed 12..12"}));
  EXPECT_EQ(counts("Five militants captured and two soldiers killed in Helmand raid."),
            Counts({"killed 2..2"}));
  EXPECT_EQ(counts("Security forces arrested 12 suspects and two policemen were wounded."),
            Counts({"injured 2..2"}));
  EXPECT_EQ(counts("Insurgents killed three soldiers, and a Taliban spokesman claimed it."),
            Counts({"killed 3..3"}));
  EXPECT_EQ(counts("Gunmen killed two armed men and a policeman."), Counts({"killed 3..3"}));
  // "other attacks" are no people killed beside "the bombing" (the 2 is a known miscount).
  const Counts attacks = counts("The bombing and two other attacks killed 15 people.");
  EXPECT_EQ(std::count(attacks.begin(), attacks.end(), "killed 3..3"), 0);
}

TEST_F(CasualtiesTest, CapitalsAndBothAreReadAsWords) {
  EXPECT_EQ(counts("ON 18 APRIL, 12 PEOPLE WERE KILLED IN KABUL"), Counts({"killed 12..12"}));
  EXPECT_EQ(counts("TALIBAN KILLED 5 SOLDIERS, 2 POLICE WOUNDED"),
            Counts({"killed 5..5", "injured 2..2"}));
  EXPECT_EQ(counts("Both Afghan and US forces killed 30 militants."), Counts({"killed 30..30"}));
  EXPECT_EQ(counts("Gunmen killed a policeman before both attackers were shot dead."),
            Counts({"killed 1..1", "killed 2..2"}));
}

TEST_F(CasualtiesTest, ADateOrAWholeBeforeTheCountIsNotInTheList) {
  EXPECT_EQ(counts("On 18 April, 12 people were killed."), Counts({"killed 12..12"}));
  EXPECT_EQ(counts("Of the 40 passengers, 12 were killed."), Counts({"killed 12..12"}));
  EXPECT_EQ(counts("In 2019, 12 soldiers were killed."), Counts({"killed 12..12"}));
  EXPECT_EQ(counts("Three soldiers were killed and two civilians wounded."),
            Counts({"killed 3..3", "injured 2..2"}));
}

TEST_F(CasualtiesTest, ABattleThatLeftAListDeadCountsTheWholeList) {
  EXPECT_EQ(counts("The battle left seven policemen and all four attackers dead."),
            Counts({"killed 11..11"}));
  EXPECT_EQ(counts("The raid left three soldiers and the two gunmen dead."),
            Counts({"killed 5..5"}));
}

TEST_F(CasualtiesTest, ACountAmongThemIsPartOfTheCountBefore) {
  EXPECT_EQ(counts("Twenty-two people, among them eight civilians, were wounded."),
            Counts({"injured 22..22"}));
  // … but "among" alone is no part: "Taliban among 12 killed" is 12
  EXPECT_EQ(counts("Two commanders among 12 killed in Kunduz."), Counts({"killed 12..12"}));
}

TEST_F(CasualtiesTest, DariAndPashtoCountAPersonAndThoseWithHim) {
  // "the district governor of Ishkamish and one of his guards were killed by a roadside mine"
  EXPECT_EQ(counts("ولسوال اشکمش و یکی از محافظانش "
                   "در انفجار یک ماین کشته شدند."),
            Counts({"killed 2..2"}));
  // "Qari Fateh, along with one of his colleagues, was killed"
  EXPECT_EQ(counts("قاری فاتح همراه با یکی از همکارانش "
                   "به هلاکت رسید."),
            Counts({"killed 2..2"}));
  // Pashto: "the Sherzad district governor and his one guard were killed"
  EXPECT_EQ(counts("د شېرزاد ولسوال او د هغه یو ساتونکی "
                   "په چاودنه کې ووژل شول."),
            Counts({"killed 2..2"}));
  // "a mine killed a shopkeeper"; "one woman and two children were killed"
  EXPECT_EQ(counts("انفجار یک ماین یک دکاندار را کشت."), Counts({"killed 1..1"}));
  EXPECT_EQ(counts("یک زن و دو کودک کشته شدند."), Counts({"killed 3..3"}));
}

TEST_F(CasualtiesTest, TajikSaysOneDeathByTheSingularAuxiliary) {
  // "the Taliban's deputy governor was killed in Faizabad"; "a border guard died heroically";
  // "his driver died too"; "the blast killed two civilians"
  EXPECT_EQ(counts("Муовини волии Толибон дар шаҳри Файзобод кушта шуд."), Counts({"killed 1..1"}));
  EXPECT_EQ(counts("Сарбози Қӯшунҳои сарҳадӣ қаҳрамонона ҳалок гардид."), Counts({"killed 1..1"}));
  EXPECT_EQ(counts("Ронандаи ӯ низ ҷон бохт."), Counts({"killed 1..1"}));
  EXPECT_EQ(counts("Таркиши мина ду ғайринизомиро кушт."), Counts({"killed 2..2"}));
}

}  // namespace
}  // namespace sitrep::extract
