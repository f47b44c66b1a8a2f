// One spelling for the Arabic-script letters that Arabic, Persian (Dari), Urdu and Pashto write
// differently: every matcher and key in sitrep compares Arabic-script text through it.
#pragma once

namespace sitrep::model {

// ي ى ے ئ ۍ ې → ی; ك → ک; ة ۀ ہ ھ ۃ → ه; أ إ آ ٱ → ا; ؤ → و; ګ → گ; anything else as it is.
// Pashto's and Urdu's own letters meet the Dari spellings of the same names: the retroflexes
// ټ ٹ, ډ ڈ, ړ ڑ → ت, د, ر (Dari writes "اندر" for Pashto "اندړ", Urdu "باجوڑ" for Pashto
// "باجوړ"), ڼ → ن, ږ → ژ, ځ → ز ("ځدران", "زدران"), and ښ → خ ("خیبر پښتونخوا", Urdu
// "خیبر پختونخوا"; Pashto's northern reading).
inline char32_t unify_arabic_letter(char32_t c) {
  switch (c) {
    case 0x067C:
    case 0x0679:
      return 0x062A;
    case 0x0689:
    case 0x0688:
      return 0x062F;
    case 0x0693:
    case 0x0691:
      return 0x0631;
    case 0x06BC:
      return 0x0646;
    case 0x0696:
      return 0x0698;
    case 0x0681:
      return 0x0632;
    case 0x069A:
      return 0x062E;
    case 0x064A:
    case 0x0649:
    case 0x06D2:
    case 0x0626:
    case 0x06CD:
    case 0x06D0:
      return 0x06CC;
    case 0x0643:
      return 0x06A9;
    case 0x0629:
    case 0x06C0:
    case 0x06C1:
    case 0x06BE:
    case 0x06C3:
      return 0x0647;
    case 0x0623:
    case 0x0625:
    case 0x0622:
    case 0x0671:
      return 0x0627;
    case 0x0624:
      return 0x0648;
    case 0x06AB:
      return 0x06AF;
    default:
      return c;
  }
}

}  // namespace sitrep::model
