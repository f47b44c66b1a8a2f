// The four target groups a brief contrasts, folded from the codes of data/targets.tsv:
// civilians (with minorities, religious sites, schools, journalists, aid workers, businesses,
// transport and infrastructure), security forces (military, police), government (with
// diplomats) and armed groups. Codes not folded (other, unknown, not given) have no group.
#pragma once

#include <array>
#include <string_view>

namespace sitrep::analyze {

inline constexpr std::array<std::string_view, 4> kTargetGroups = {"civilians", "security forces",
                                                                  "government", "armed groups"};

// The index into kTargetGroups of a target code, or -1.
int target_group(std::string_view target);

}  // namespace sitrep::analyze
