// The baseline: kb/back_pain evaluated by a program written for it alone, the practical limit
// that `redflag eval KB CASES.jsonl --format json` is measured against.
//
//   baseline KB.rfb CASES.jsonl > out.jsonl
//
// It reads JSON Lines with simdjson On-Demand, looking each key up in a switch over this KB's
// fact names; converts quantities with the runtime's unit table (the same rounding); evaluates
// with the hand-coded rules of back_pain_rules.hpp; and writes the same JSON records as
// redflag, byte for byte, into one large buffer. The KB file supplies only the strings of the
// output (titles, names, the hash) and proves the layout. Input it does not expect (an unknown
// key, a wrong type, an error record redflag would write) stops it: the benchmark's cases are
// all valid. Benchmark code only.
#include <fmt/format.h>
#include <simdjson.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "runtime/cases/line_reader.hpp"
#include "runtime/loader.hpp"
#include "runtime/sha256.hpp"
#include "runtime/units.hpp"
#include "tests/bench/back_pain_rules.hpp"

namespace {

namespace od = simdjson::ondemand;
using bench::Fact;
using redflag::FactValue;
using redflag::Tri;

constexpr std::uint32_t kId = bench::kFactCount;  // the key `id`
constexpr std::uint32_t kNone = 0xFFFFFFFFu;

[[noreturn]] void fail(const char* what, std::uint64_t line) {
  std::fprintf(stderr, "baseline: line %llu: %s\n", static_cast<unsigned long long>(line), what);
  std::exit(1);
}

// The fact a key names, by length first: at most three comparisons.
std::uint32_t fact_of(std::string_view key) {
  using namespace bench;
  const auto is = [&](Fact fact) { return key == kFactNames[fact] ? fact : kNone; };
  switch (key.size()) {
    case 2: return key == "id" ? kId : kNone;
    case 3: return is(kAge);
    case 5: return is(kFever);
    case 9: return is(kImproving);
    case 11: return key[0] == 'c' ? is(kCancerType) : is(kWeightLoss);
    case 12: return key[4] == 'w' ? is(kNewWeakness) : key[4] == 'n' ? is(kNewNumbness) : is(kNightSweats);
    case 13: return key[0] == 'p' ? is(kPainDuration) : is(kRecentStrain);
    case 14: return key[0] == 'w' ? is(kWorseAtNight) : is(kCancerHistory);
    case 16: return key[0] == 'w' ? is(kWakesFromSleep) : is(kRelievedByRest);
    case 18: return is(kRadiatingLegPain);
    case 21: return is(kChangesWithPosition);
    case 25: return is(kBowelBladder);
    default: return kNone;
  }
}

void put(std::string& out, std::string_view text) { out.append(text); }

void put_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '"' || byte == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (byte < 0x20) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", byte);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void put_number(std::string& out, double value) {
  if (value == std::trunc(value) && std::fabs(value) < 1e15) {
    out.append(fmt::format_int(static_cast<long long>(value)).str());
  } else {
    fmt::format_to(std::back_inserter(out), "{}", value);
  }
}

// A quantity fact's unit conversion, remembering the last unit seen.
struct Quantity {
  redflag::Unit canonical;
  std::string last_text;
  std::optional<redflag::Unit> last;

  double convert(double value, std::string_view unit, std::uint64_t line) {
    if (unit != last_text) {
      last_text.assign(unit);
      last = redflag::find_unit(unit);
    }
    if (!last || last->dimension != canonical.dimension) fail("bad unit", line);
    return redflag::convert(value, *last, canonical);
  }
};

class Baseline {
 public:
  explicit Baseline(const redflag::Image& image) : image_(image) {
    bench::check_layout(image);
    weight_.canonical = *redflag::find_unit(image.facts[bench::kWeightLoss].unit);
    duration_.canonical = *redflag::find_unit(image.facts[bench::kPainDuration].unit);
    kb_ = R"(,"kb":{"id":)";
    put_json_string(kb_, image.meta.id);
    put(kb_, R"(,"version":)");
    put_json_string(kb_, image.meta.version);
    put(kb_, R"(,"hash":")" + redflag::to_hex(image.content_hash) + R"("})");
    for (const auto& level : image.levels) {
      std::string text = R"(,"urgency":)";
      put_json_string(text, level);
      urgency_.push_back(text);
    }
    for (const auto& flag : image.flags) {
      std::string text = R"({"flag":)";
      put_json_string(text, flag.name);
      put(text, R"(,"urgency":)");
      put_json_string(text, image.levels[flag.level]);
      put(text, R"(,"title":)");
      put_json_string(text, flag.title);
      flag_head_.push_back(text);
    }
    for (const auto& topic : image.topics) {
      std::string text = R"({"topic":)";
      put_json_string(text, topic.name);
      put(text, R"(,"title":)");
      put_json_string(text, topic.title);
      text.push_back('}');
      topic_.push_back(text);
    }
    for (const auto& fact : image.facts) {
      std::string name;
      put_json_string(name, fact.name);
      fact_name_.push_back(name);
    }
    out_.reserve(kFlushAt + (1 << 16));
  }

  void run(int fd) {
    redflag::LineReader lines(fd);
    std::string_view line;
    std::uint64_t number = 0;
    bool too_long = false;
    std::string read_error;
    while (lines.next(line, number, too_long, read_error)) {
      if (too_long) fail("too long", number);
      read_case(line, number);
      bench::evaluate(facts_, result_);
      write_case();
      if (out_.size() >= kFlushAt) flush();
    }
    if (!read_error.empty()) fail(read_error.c_str(), number);
    flush();
  }

 private:
  static constexpr std::size_t kFlushAt = std::size_t{1} << 20;

  void read_case(std::string_view line, std::uint64_t number) {
    if (padded_.size() < line.size() + simdjson::SIMDJSON_PADDING) padded_.resize(line.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded_.data(), line.data(), line.size());
    for (auto& fact : facts_) fact = FactValue{};
    id_.clear();
    od::document document;
    if (parser_.iterate(simdjson::padded_string_view(padded_.data(), line.size(), padded_.size())).get(document)) {
      fail("not JSON", number);
    }
    od::object object;
    if (document.get_object().get(object)) fail("not an object", number);
    for (auto field : object) {
      std::string_view key;
      if (field.unescaped_key().get(key)) fail("bad key", number);
      const std::uint32_t fact = fact_of(key);
      if (fact == kNone) fail("unknown key", number);
      od::value value = field.value();
      if (fact == kId) {
        std::string_view text;
        if (value.get_string().get(text)) fail("id is not a string", number);
        id_.assign(text);
        continue;
      }
      FactValue& out = facts_[fact];
      out.known = true;
      switch (fact) {
        case bench::kAge:
          if (value.get_double().get(out.value)) fail("age", number);
          break;
        case bench::kCancerType: out.value = cancer_type(value, number); break;
        case bench::kWeightLoss: out.value = quantity(value, weight_, number); break;
        case bench::kPainDuration: out.value = quantity(value, duration_, number); break;
        default: {
          bool truth = false;
          if (value.get_bool().get(truth)) fail("not a boolean", number);
          out.value = truth ? 1 : 0;
        }
      }
    }
  }

  double cancer_type(od::value value, std::uint64_t number) {
    std::string_view text;
    if (value.get_string().get(text)) fail("cancer_type", number);
    const auto& values = image_.facts[bench::kCancerType].values;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i] == text) return static_cast<double>(i);
    }
    fail("cancer_type value", number);
  }

  // A number (canonical unit), "12 lb" or {"value": 12, "unit": "lb"}.
  double quantity(od::value value, Quantity& quantity, std::uint64_t number) {
    od::json_type type{};
    if (value.type().get(type)) fail("quantity", number);
    double amount = 0;
    std::string_view unit;
    if (type == od::json_type::number) {
      if (value.get_double().get(amount)) fail("quantity number", number);
      return amount;
    }
    if (type == od::json_type::string) {
      std::string_view text;
      if (value.get_string().get(text)) fail("quantity string", number);
      const std::size_t space = text.find(' ');
      if (space == std::string_view::npos ||
          std::from_chars(text.data(), text.data() + space, amount).ec != std::errc()) {
        fail("quantity text", number);
      }
      unit = text.substr(space + 1);
    } else {
      od::object object;
      if (value.get_object().get(object) || object["value"].get_double().get(amount) ||
          object["unit"].get_string().get(unit)) {
        fail("quantity object", number);
      }
    }
    return quantity.convert(amount, unit, number);
  }

  void write_case() {
    put(out_, R"({"id":)");
    put_json_string(out_, id_);
    put(out_, kb_);
    put(out_, urgency_[result_.urgency]);
    put(out_, result_.complete ? R"(,"status":"complete","fired":[)" : R"(,"status":"incomplete","fired":[)");
    write_flags(Tri::True);
    put(out_, R"(],"undetermined":[)");
    write_flags(Tri::Unknown);
    put(out_, R"(],"topics":[)");
    std::array<bool, bench::kTopicCount> shown{};
    for (std::size_t i = 0; i < shown.size(); ++i) shown[i] = result_.topics[i] == Tri::True;
    for (std::size_t flag = 0; flag < bench::kFlagCount; ++flag) {
      if (result_.flags[flag] != Tri::True) continue;
      for (const auto topic : image_.flags[flag].see) shown[topic] = true;
    }
    bool first = true;
    for (std::size_t i = 0; i < shown.size(); ++i) {
      if (!shown[i]) continue;
      if (!first) out_.push_back(',');
      first = false;
      put(out_, topic_[i]);
    }
    put(out_, "]}\n");
  }

  // Flags whose result is [which], highest urgency first: the table is already in that order.
  void write_flags(Tri which) {
    bool first = true;
    for (std::size_t flag = 0; flag < bench::kFlagCount; ++flag) {
      if (result_.flags[flag] != which) continue;
      if (!first) out_.push_back(',');
      first = false;
      put(out_, flag_head_[flag]);
      put(out_, which == Tri::True ? R"(,"evidence":[)" : R"(,"needs":[)");
      bool first_fact = true;
      for (const auto fact : image_.flags[flag].facts) {
        if (facts_[fact].known != (which == Tri::True)) continue;
        if (!first_fact) out_.push_back(',');
        first_fact = false;
        if (which == Tri::Unknown) {
          put(out_, fact_name_[fact]);
          continue;
        }
        put(out_, R"({"fact":)");
        put(out_, fact_name_[fact]);
        put(out_, R"(,"value":)");
        const auto& info = image_.facts[fact];
        if (info.type == redflag::FactType::Bool) {
          put(out_, facts_[fact].value != 0 ? "true" : "false");
        } else {
          put_number(out_, facts_[fact].value);
        }
        if (info.type == redflag::FactType::Quantity) {
          put(out_, R"(,"unit":)");
          put_json_string(out_, info.unit);
        }
        out_.push_back('}');
      }
      put(out_, "]}");
    }
  }

  void flush() {
    if (std::fwrite(out_.data(), 1, out_.size(), stdout) != out_.size()) fail("cannot write", 0);
    out_.clear();
  }

  const redflag::Image& image_;
  od::parser parser_;
  std::vector<char> padded_;
  FactValue facts_[bench::kFactCount];
  std::string id_;
  bench::Result result_{};
  Quantity weight_;
  Quantity duration_;
  std::string kb_;
  std::vector<std::string> urgency_, flag_head_, topic_, fact_name_;
  std::string out_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fputs("usage: baseline KB.rfb CASES.jsonl\n", stderr);
    return 2;
  }
  auto loaded = redflag::load_file(argv[1]);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.error.c_str());
    return 1;
  }
  std::FILE* cases = std::fopen(argv[2], "rb");
  if (cases == nullptr) {
    std::perror(argv[2]);
    return 1;
  }
  Baseline(*loaded.image).run(fileno(cases));
  std::fclose(cases);
  return 0;
}
