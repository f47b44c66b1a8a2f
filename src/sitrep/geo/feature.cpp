#include "sitrep/geo/feature.hpp"

namespace sitrep::geo {

std::string_view kind_name(FeatureKind kind) {
  switch (kind) {
    case FeatureKind::place:
      return "place";
    case FeatureKind::country:
      return "country";
    case FeatureKind::admin1:
      return "admin1";
    case FeatureKind::admin2:
      return "admin2";
    case FeatureKind::region:
      return "region";
  }
  return "place";
}

std::string_view precision_name(Precision p) {
  switch (p) {
    case Precision::point:
      return "point";
    case Precision::admin2:
      return "admin2";
    case Precision::admin1:
      return "admin1";
    case Precision::border:
      return "border";
    case Precision::region:
      return "region";
    case Precision::country:
      return "country";
  }
  return "point";
}

Precision precision_of(FeatureKind kind, bool border_zone) {
  switch (kind) {
    case FeatureKind::place:
      return Precision::point;
    case FeatureKind::admin2:
      return Precision::admin2;
    case FeatureKind::admin1:
      return border_zone ? Precision::border : Precision::admin1;
    case FeatureKind::region:
      return border_zone ? Precision::border : Precision::region;
    case FeatureKind::country:
      return Precision::country;
  }
  return Precision::point;
}

}  // namespace sitrep::geo
