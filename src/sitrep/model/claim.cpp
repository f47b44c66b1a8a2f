#include "sitrep/model/claim.hpp"

namespace sitrep::model {

std::string_view to_string(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::unknown:
      return "unknown";
    case ClaimStatus::claimed:
      return "claimed";
    case ClaimStatus::unclaimed:
      return "unclaimed";
    case ClaimStatus::denied:
      return "denied";
    case ClaimStatus::disputed:
      return "disputed";
  }
  return "unknown";
}

std::optional<ClaimStatus> parse_claim_status(std::string_view text) {
  if (text == "unknown" || text.empty()) return ClaimStatus::unknown;
  if (text == "claimed") return ClaimStatus::claimed;
  if (text == "unclaimed") return ClaimStatus::unclaimed;
  if (text == "denied") return ClaimStatus::denied;
  if (text == "disputed") return ClaimStatus::disputed;
  return std::nullopt;
}

}  // namespace sitrep::model
