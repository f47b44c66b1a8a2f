// Claim status: whether anyone said they did it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sitrep::model {

enum class ClaimStatus : uint8_t {
  unknown = 0,    // the source does not say
  claimed = 1,    // a perpetrator claimed responsibility
  unclaimed = 2,  // the source reports that nobody claimed it
  denied = 3,     // the suspected perpetrator denied it
  disputed = 4,   // competing claims, or a claim contested by another party
};

std::string_view to_string(ClaimStatus status);
std::optional<ClaimStatus> parse_claim_status(std::string_view text);

}  // namespace sitrep::model
