#include "sitrep/analyze/record.hpp"

namespace sitrep::analyze {

std::string record_ref(const Record& record) {
  return (record.origin == RecordOrigin::event ? "event " : "mention ") + std::to_string(record.id);
}

}  // namespace sitrep::analyze
