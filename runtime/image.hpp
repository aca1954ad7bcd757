// The in-memory form of a compiled KB: everything an `.rfb` file holds, as plain tables.
//
// The compiler's code generator fills an `Image` and hands it to `write_image`
// (runtime/bytecode_writer.hpp); the loader (runtime/loader.hpp) reads and verifies a file back
// into one, and the VM runs it. Strings are held by value here: the string table, with its
// indices, exists only in the file (the writer interns, the loader resolves). Standard library
// only; docs/bytecode.md specifies the file this mirrors field by field.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "runtime/units.hpp"

namespace redflag {

inline constexpr std::uint32_t kNoIndex = 0xFFFFFFFFu;

enum class KbStatus : std::uint8_t { Draft, Active, Retired };
enum class FactType : std::uint8_t { Bool, Number, Quantity, Enum, Text, Integer };

struct ImageSource {
  std::string id, title, url;
};

struct ImageMeta {
  std::string id, title, version;
  KbStatus status = KbStatus::Draft;
  std::string reviewed, next_review;  // YYYY-MM-DD or empty
  std::vector<std::string> authors;
  std::vector<ImageSource> sources;
};

struct ImageFact {
  std::string name;
  FactType type = FactType::Bool;
  Dimension dimension = Dimension::None;
  std::string unit;  // canonical UCUM code; empty unless a quantity
  double min = std::numeric_limits<double>::quiet_NaN();  // NaN: unbounded
  double max = std::numeric_limits<double>::quiet_NaN();
  std::string ask, means;
  std::vector<std::string> values;  // enum values, declaration order
};

// Where FHIR R4 carries a fact (docs/fhir.md): the FHIR section, read by tools/fhir/.
enum class FhirKind : std::uint8_t { Observation, Condition, Item, PatientAge };

struct ImageFhirBinding {
  FhirKind kind = FhirKind::Observation;
  std::uint32_t fact = 0;
  std::string system, code;  // Observation, Condition: the coding; Item: code is the linkId
  std::string component_system, component_code;  // an Observation's component, or empty
  double within = 0;  // the look-back window in seconds; 0 when none
  std::uint32_t value = kNoIndex;  // a Condition on an enum fact: the value it means
  bool current = false;  // a Condition: only a clinically active one makes the fact true
};

// The CDS Hooks card indicator of a level's flags (`indicator LEVEL VALUE`); Default: by rank.
enum class CdsIndicator : std::uint8_t { Default, Info, Warning, Critical };

struct ImageCitation {
  std::uint32_t source = 0;  // index into ImageMeta::sources
  std::string section;
};

struct ImageDefine {
  std::string name;
  std::uint32_t code_offset = 0;
};

// What a number slot holds: a numeric define (`define map = (sbp + 2 * dbp) / 3`), a score,
// or one item of a score.
enum class NumberKind : std::uint8_t { Define, Score, Item };

// A numeric define, a score or a score item: one number slot V[a] each, set by one NSET.
struct ImageNumber {
  std::string name;  // items: "score.item", e.g. "news2.respiration"
  NumberKind kind = NumberKind::Define;
  std::string unit;   // UCUM code of its value; "1" for dimensionless values, scores and items
  std::string title;  // scores: the `title`, else empty
  std::uint32_t code_offset = 0;
  std::uint32_t score = kNoIndex;    // items: the number slot of their score
  std::uint32_t fact = kNoIndex;     // items over a fact (`on FACT`): that fact
  std::vector<std::uint32_t> facts;  // facts it reads (transitively), ascending
  std::vector<ImageCitation> cites;  // scores
};

struct ImageFlag {
  std::string name;
  std::uint32_t level = 0;
  std::string title, because;
  std::uint32_t code_offset = 0;
  std::string file;
  std::uint32_t line = 0;
  std::vector<ImageCitation> cites;
  std::vector<std::string> advice;
  std::vector<std::uint32_t> see;    // topic indices
  std::vector<std::uint32_t> facts;  // facts the condition reads, ascending
  std::vector<std::uint32_t> numbers;  // number slots the condition reads, ascending (evidence)
};

struct ImageTopic {
  std::string name, title, body;
  std::vector<ImageCitation> cites;
  bool has_condition = false;
};

struct ImageGiven {
  std::uint32_t fact = 0;
  bool known = false;
  double value = 0;  // canonical unit, bool 0/1, or enum index
};

enum class ExpectKind : std::uint8_t { Urgency, Status, FlagsExactly, Fired, NotFired, Undetermined, Score };

struct ImageExpectation {
  ExpectKind kind = ExpectKind::Urgency;
  std::vector<std::uint32_t> args;  // level; 0 complete / 1 incomplete; flag indices; number slot
  // Score: the expected interval, [low, low] for `= v`, [low, high] for `between low and high`.
  double low = 0;
  double high = 0;
};

struct ImageTest {
  std::string name, file;
  std::uint32_t line = 0;
  std::vector<ImageGiven> givens;
  std::vector<ImageExpectation> expectations;
};

// One row of the line table: code from [code_offset] on came from [file]:[line].
struct ImageLine {
  std::uint32_t code_offset = 0;
  std::string file;
  std::uint32_t line = 0;
};

struct Image {
  ImageMeta meta;
  std::vector<std::string> levels;  // lowest first
  std::vector<ImageFact> facts;
  std::vector<ImageDefine> defines;
  std::vector<ImageFlag> flags;
  std::vector<ImageTopic> topics;
  std::vector<ImageTest> tests;
  std::vector<ImageNumber> numbers;  // number slots, in code order
  std::vector<double> constants;
  std::uint32_t max_stack = 0;
  std::uint32_t max_number_stack = 0;
  std::vector<std::uint8_t> code;
  std::vector<ImageLine> lines;
  std::vector<ImageFhirBinding> fhir;  // in fact order, then clause order
  std::vector<CdsIndicator> indicators;  // one per level, or none when the KB declares none
  // Filled by the loader from the header; ignored by the writer, which computes it.
  std::array<std::uint8_t, 32> content_hash{};
};

}  // namespace redflag
