#include "runtime/visible_text.hpp"
#include "runtime/disasm.hpp"

#include <string>
#include <unordered_map>

#include "runtime/bytecode_writer.hpp"
#include "runtime/instruction.hpp"
#include "runtime/number_text.hpp"
#include "runtime/sha256.hpp"

namespace redflag {
namespace {

constexpr std::string_view kStatusNames[] = {"draft", "active", "retired"};

// [offset] in at least four digits: 0042.
std::string offset_text(std::uint64_t offset) {
  std::string text = std::to_string(offset);
  if (text.size() < 4) text.insert(0, 4 - text.size(), '0');
  return text;
}

std::string pad(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

template <typename T>
std::string name_at(const std::vector<T>& table, std::uint64_t index) {
  if (index >= table.size()) return "?" + std::to_string(index);
  if constexpr (std::is_same_v<T, std::string>) {
    return visible_text(table[index]);
  } else {
    return visible_text(table[index].name);
  }
}

std::string cmp_text(std::uint8_t code) {
  return code < kCmpCount ? std::string(cmp_symbol(static_cast<CmpCode>(code))) : "?" + std::to_string(code);
}

class Lister {
 public:
  explicit Lister(const Image& image) : image_(image), labels_(entry_labels(image)) {}

  std::string list() {
    for (const auto& line : image_.lines) line_width_ = std::max(line_width_, location(line).size());
    std::string out;
    Instruction in;
    for (std::uint32_t pc = 0; pc < image_.code.size(); pc = in.end()) {
      if (decode_instruction(image_.code, pc, in) != DecodeStatus::Ok) {
        out += offset_text(pc) + "  (undecodable)\n";
        break;
      }
      out += labels(pc);
      const OpInfo& info = op_info(in.op);
      out += offset_text(pc) + "  " + pad(source(pc), line_width_) + "  " + pad(std::string(info.mnemonic), 8) + " " +
             pad(operands(in), 32) + " ; " + std::string(info.synopsis) + "\n";
    }
    return out;
  }

 private:
  static std::string location(const ImageLine& line) { return visible_text(line.file) + ":" + std::to_string(line.line); }

  // The source line of [pc], or `|` when it is the same as the previous instruction's.
  std::string source(std::uint32_t pc) {
    while (next_line_ < image_.lines.size() && image_.lines[next_line_].code_offset <= pc) {
      current_ = location(image_.lines[next_line_++]);
    }
    if (pc > 0 && current_ == previous_) return std::string(line_width_ / 2, ' ') + "|";
    previous_ = current_;
    return current_.empty() ? "-" : current_;
  }

  // The labels that open the code at [pc]: defines first, then numbers, then flags, each in
  // table order.
  std::string labels(std::uint32_t pc) const {
    const auto found = labels_.find(pc);
    return found == labels_.end() ? std::string() : found->second;
  }

  // Every entry point's label, by code offset, built once so that listing stays linear.
  static std::unordered_map<std::uint32_t, std::string> entry_labels(const Image& image) {
    std::unordered_map<std::uint32_t, std::string> labels;
    for (std::size_t i = 0; i < image.defines.size(); ++i) {
      labels[image.defines[i].code_offset] += "define " + name_at(image.defines, i) + ":\n";
    }
    for (std::size_t i = 0; i < image.numbers.size(); ++i) {
      labels[image.numbers[i].code_offset] += "number " + name_at(image.numbers, i) + ":\n";
    }
    for (std::size_t i = 0; i < image.flags.size(); ++i) {
      labels[image.flags[i].code_offset] +=
          "flag " + name_at(image.flags, i) + " (" + name_at(image.levels, image.flags[i].level) + "):\n";
    }
    return labels;
  }

  // One printer per operand shape.
  std::string operands(const Instruction& in) const {
    switch (op_info(in.op).shape) {
      case Shape::None: return "";
      case Shape::Tri: return in.a < 3 ? std::string(1, "FTU"[in.a]) : "?" + std::to_string(in.a);
      case Shape::Fact: return name_at(image_.facts, in.a);
      case Shape::FactCmpConst:
        return name_at(image_.facts, in.a) + " " + cmp_text(in.c) + " " + constant(in.a, in.b);
      case Shape::FactCmpFact:
        return name_at(image_.facts, in.a) + " " + cmp_text(in.c) + " " + name_at(image_.facts, in.b);
      case Shape::FactMask: return name_at(image_.facts, in.a) + " in " + mask(in.a, in.b);
      case Shape::Jump: return "-> " + offset_text(std::uint64_t{in.end()} + in.a);
      case Shape::Count: return std::to_string(in.a) + " of " + std::to_string(in.b);
      case Shape::Define: return name_at(image_.defines, in.a);
      case Shape::Flag: return name_at(image_.flags, in.a);
      case Shape::CmpLevel: return "urgency " + cmp_text(in.c) + " " + name_at(image_.levels, in.b);
      case Shape::Topic: return name_at(image_.topics, in.a);
      case Shape::Const: return number_constant(in.b);
      case Shape::Cmp: return cmp_text(in.c);
      case Shape::Item: return points(in.a, in.b) + (in.c != 0 ? " else 0" : "");
      case Shape::Number: return name_at(image_.numbers, in.a);
    }
    return "";
  }

  std::string number_constant(std::uint64_t index) const {
    return index < image_.constants.size() ? shortest_text(image_.constants[index]) : "?" + std::to_string(index);
  }

  // ITEM's points K[first..first+count), in row order: `[3, 1, 0]`.
  std::string points(std::uint64_t first, std::uint64_t count) const {
    std::string out = "[";
    for (std::uint64_t k = 0; k < count; ++k) out += (k > 0 ? ", " : "") + number_constant(first + k);
    return out + "]";
  }

  std::string constant(std::uint64_t fact, std::uint64_t index) const {
    if (index >= image_.constants.size()) return "?" + std::to_string(index);
    return value_text(image_, fact, image_.constants[index]);
  }

  std::string mask(std::uint64_t fact, std::uint64_t bits) const {
    std::string out = "{";
    for (unsigned bit = 0; bit < 64; ++bit) {
      if (((bits >> bit) & 1u) == 0) continue;
      if (out.size() > 1) out += ", ";
      const bool named = fact < image_.facts.size() && bit < image_.facts[fact].values.size();
      out += named ? visible_text(image_.facts[fact].values[bit]) : "?" + std::to_string(bit);
    }
    return out + "}";
  }

  const Image& image_;
  const std::unordered_map<std::uint32_t, std::string> labels_;
  std::size_t line_width_ = 1;  // "-" when no line table entry covers an offset
  std::size_t next_line_ = 0;
  std::string current_, previous_;
};

// The loader's hash, or for an image that was never loaded (all zeros), the hash of the bytes
// write_image gives it, which is what a load of those bytes would report.
Sha256Digest content_hash(const Image& image) {
  if (image.content_hash != Sha256Digest{}) return image.content_hash;
  const std::vector<std::uint8_t> bytes = write_image(image);
  return sha256(bytes.data() + kHeaderSize, bytes.size() - kHeaderSize);
}

}  // namespace

std::string value_text(const Image& image, std::uint64_t fact, double value) {
  if (fact >= image.facts.size()) return shortest_text(value);
  const ImageFact& f = image.facts[fact];
  if (f.type == FactType::Enum && value >= 0 && value < static_cast<double>(f.values.size())) {
    return f.values[static_cast<std::size_t>(value)];
  }
  if (f.type == FactType::Bool && (value == 0 || value == 1)) return value == 1 ? "true" : "false";
  return f.unit.empty() ? shortest_text(value) : shortest_text(value) + " " + f.unit;
}

std::string describe_image(const Image& image) {
  const auto status = static_cast<std::size_t>(image.meta.status);
  std::string out = "kb        " + visible_text(image.meta.id) + " " + visible_text(image.meta.version) + " (" +
                    std::string(status < 3 ? kStatusNames[status] : "?") + "): " + visible_text(image.meta.title) + "\n";
  out += "hash      " + to_hex(content_hash(image)) + "\n";
  out += "format    " + std::to_string(kFormatMajor) + "." + std::to_string(kFormatMinor) + "\n";
  out += "sections ";
  // A KB without numbers or bindings leaves out NUMBERS and FHIR (docs/bytecode.md).
  const auto sizes = section_sizes(image);
  const std::uint32_t count = written_section_count(sizes);
  for (std::uint32_t i = 0; i < count; ++i) {
    out += " " + std::string(kSectionNames[i]) + " " + std::to_string(sizes[i]) + (i + 1 < count ? "," : " bytes\n");
  }
  out += "tables    " + std::to_string(image.levels.size()) + " levels, " + std::to_string(image.facts.size()) +
         " facts, " + std::to_string(image.defines.size()) + " defines, " + std::to_string(image.flags.size()) +
         " flags, " + std::to_string(image.topics.size()) + " topics, " + std::to_string(image.tests.size()) +
         " tests, " + std::to_string(image.constants.size()) + " constants" +
         (image.numbers.empty() ? "" : ", " + std::to_string(image.numbers.size()) + " numbers") +
         (image.fhir.empty() ? "" : ", " + std::to_string(image.fhir.size()) + " FHIR bindings") + "\n";
  out += "code      " + std::to_string(image.code.size()) + " bytes, max stack " + std::to_string(image.max_stack) +
         (image.max_number_stack == 0 ? "" : ", max number stack " + std::to_string(image.max_number_stack)) + "\n";
  return out;
}

std::string disassemble(const Image& image) { return describe_image(image) + "\n" + Lister(image).list(); }

}  // namespace redflag
