// Estimative language: probabilities worded on the scale of US Intelligence Community Directive
// 203, so that "likely" means the same in every brief.
//
//   almost no chance  < 5%      unlikely            20–45%     likely       55–80%
//   very unlikely     5–20%     roughly even chance 45–55%     very likely  80–95%
//                                                              almost certain > 95%
//
// A probability on a boundary takes the less extreme term (0.80 is "likely", 0.55 "roughly even
// chance").
#pragma once

#include <string>
#include <string_view>

namespace sitrep::report {

std::string_view estimative_term(double probability);

// "It is very likely (93%) that <proposition>."
std::string judgement_sentence(std::string_view proposition, double probability);

}  // namespace sitrep::report
