// Completion from the text before the cursor: declaration keywords in column 1, clause keywords
// at the start of an indented line (those of the declaration around it), facts and defines in
// conditions and `given`s, units of the fact's dimension after a number, enum values after
// `=` and `in {`, levels after `flag NAME` and `expect urgency`, flags after `expect flags`,
// topics after `see`, sources after `cite`. It reads the line's tokens (the formatter's lexer),
// not the AST, because the line being typed rarely parses.
#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

#include "compiler/fmt/format_tokens.hpp"
#include "runtime/units.hpp"
#include "tools/lsp/declaration_text.hpp"
#include "tools/lsp/feature_context.hpp"
#include "tools/lsp/features.hpp"

namespace redflag::lsp {
namespace {

// LSP CompletionItemKind numbers.
constexpr int kKeyword = 14, kVariable = 6, kFunction = 3, kEnumMember = 20, kUnit = 11, kEvent = 23,
              kReference = 18, kConstant = 21;

const std::map<std::string, std::vector<std::string>>& clause_keywords() {
  static const std::map<std::string, std::vector<std::string>> kClauses = {
      {"kb", {"title", "version", "status", "reviewed", "next_review", "author"}},
      {"source", {"url"}},
      {"fact", {"ask", "means"}},
      {"flag", {"title", "when", "because", "cite", "advise", "see"}},
      {"score", {"title", "cite", "item"}},
      {"topic", {"when", "cite"}},
      {"test", {"given", "expect"}},
  };
  return kClauses;
}

const std::vector<std::string> kDeclarations = {"kb", "levels", "source", "fact", "define", "flag", "score", "topic", "test"};
const std::vector<std::string> kOperators = {"and", "or", "not", "known", "between", "in", "at least", "at most",
                                             "exactly", "of", "true", "false", "unknown"};

json item(const std::string& label, int kind, const std::string& detail = "") {
  json out = {{"label", label}, {"kind", kind}};
  if (!detail.empty()) out["detail"] = detail;
  return out;
}

// The keyword of the declaration that line [line] is in: the nearest line at or above it that
// starts in column 1 with a word.
std::string enclosing_declaration(const LineIndex& lines, std::size_t line) {
  for (std::size_t i = line + 1; i-- > 0;) {
    const std::string_view text = lines.line_text(i);
    if (text.empty() || text[0] == ' ' || text[0] == '\t' || text[0] == '#') continue;
    return std::string(text.substr(0, text.find(' ')));
  }
  return "";
}

const ast::Fact* fact_named(const ast::Kb& kb, const std::string& name) {
  const auto found = std::find_if(kb.facts.begin(), kb.facts.end(), [&](const ast::Fact& fact) { return fact.name == name; });
  return found == kb.facts.end() ? nullptr : &*found;
}

void add_values(const ast::Kb& kb, json& items) {
  for (const auto& fact : kb.facts) items.push_back(item(fact.name, kVariable, "fact : " + fact_type_text(fact)));
  for (const auto& define : kb.defines) items.push_back(item(define.name, kFunction, "define"));
}

void add_units(const ast::Fact& fact, json& items) {
  if (fact.type != ast::FactType::Quantity) return;
  const auto unit = find_unit(fact.unit);
  if (!unit) return;
  for (const std::string_view name : unit_names()) {
    const auto candidate = find_unit(name);
    if (candidate && compatible(*candidate, *unit)) items.push_back(item(std::string(name), kUnit, candidate->code));
  }
}

// The text of a line before the cursor without the word being typed, as the compiler's lexer
// (the formatter's, compiler/fmt/format_tokens.hpp) reads it.
class LineHead {
 public:
  explicit LineHead(std::string_view line) : text_(line.substr(0, typed_word_start(line))) {
    formatter::TokenizedFile file = formatter::tokenize(text_);
    tokens_ = std::move(file.tokens);
    comment_ = !file.final_comments.empty() || (!tokens_.empty() && !tokens_.back().trailing.empty());
    if (comment_) tokens_.clear();  // the cursor is in a comment: no clause context applies
  }

  bool empty() const { return text_.empty(); }
  // Blanks alone: the start of a clause.
  bool blank() const { return !text_.empty() && tokens_.empty() && !comment_; }
  bool indented() const { return !text_.empty() && is_blank(text_.front()); }
  // Whether the last token is finished: a blank follows it.
  bool ends_blank() const { return !text_.empty() && is_blank(text_.back()); }
  std::size_t size() const { return tokens_.size(); }
  // Token [i] from the start, or from the end for back(0) = the last; null past either end.
  const formatter::Token* at(std::size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }
  const formatter::Token* back(std::size_t i) const { return i < tokens_.size() ? &tokens_[tokens_.size() - 1 - i] : nullptr; }

 private:
  static bool is_blank(char c) { return c == ' ' || c == '\t'; }
  static std::size_t typed_word_start(std::string_view line) {
    std::size_t start = line.size();
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(line[start - 1])) || line[start - 1] == '_')) --start;
    return start;
  }

  std::string_view text_;
  std::vector<formatter::Token> tokens_;
  bool comment_ = false;
};

bool is_word(const formatter::Token* token, std::string_view text = {}) {
  return token != nullptr && token->kind == formatter::TokenKind::Word && (text.empty() || token->text == text);
}
bool is_punct(const formatter::Token* token, std::string_view text) {
  return token != nullptr && token->kind == formatter::TokenKind::Punct && token->text == text;
}
bool is_number(const formatter::Token* token) { return token != nullptr && token->kind == formatter::TokenKind::Number; }

// `flag NAME ` in column 1, or `expect urgency `.
bool before_level(const LineHead& head) {
  if (!head.ends_blank()) return false;
  return (!head.indented() && head.size() == 2 && is_word(head.at(0), "flag") && is_word(head.at(1))) ||
         (is_word(head.back(1), "expect") && is_word(head.back(0), "urgency"));
}

// `see `, or `see a, b, ` : a topic comes next.
bool before_topic(const LineHead& head) {
  if (!head.indented() || !is_word(head.at(0), "see")) return false;
  return head.size() == 1 ? head.ends_blank() : is_punct(head.back(0), ",");
}

bool before_source(const LineHead& head) {
  return head.indented() && head.size() == 1 && is_word(head.at(0), "cite") && head.ends_blank();
}

// `expect flags`, `fired`, `not fired` or `undetermined`, then names and commas.
bool before_flag(const LineHead& head) {
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (!is_word(head.at(i), "expect")) continue;
    std::size_t names = i + 1;
    if (is_word(head.at(names), "not") && is_word(head.at(names + 1), "fired")) {
      names += 2;
    } else if (is_word(head.at(names), "flags") || is_word(head.at(names), "fired") || is_word(head.at(names), "undetermined")) {
      names += 1;
    } else {
      continue;
    }
    for (; names < head.size() && (is_word(head.at(names)) || is_punct(head.at(names), ",")); ++names) {}
    if (names == head.size()) return true;
  }
  return false;
}

// The fact compared with the number before the cursor: `NAME >= 10 `, `NAME between 1 and 5 `
// (a unit may follow the 1); null when the line does not end so.
const formatter::Token* compared_before_unit(const LineHead& head) {
  if (!head.ends_blank() || !is_number(head.back(0))) return nullptr;
  const formatter::Token* op = head.back(1);
  const bool comparison = op != nullptr && op->kind == formatter::TokenKind::Punct &&
                          (op->text == ">=" || op->text == "<=" || op->text == "!=" || op->text == "=" ||
                           op->text == "<" || op->text == ">");
  if (comparison || is_word(op, "between")) return is_word(head.back(2)) ? head.back(2) : nullptr;
  if (!is_word(op, "and")) return nullptr;
  std::size_t low = is_number(head.back(2)) ? 2 : 3;  // past the low bound's unit, if any
  if (!is_number(head.back(low)) || !is_word(head.back(low + 1), "between")) return nullptr;
  return is_word(head.back(low + 2)) ? head.back(low + 2) : nullptr;
}

// The fact before `=`, `!=` or `in {a, b, ` at the cursor; null when the line does not end so.
const formatter::Token* compared_before_value(const LineHead& head) {
  if (is_punct(head.back(0), "=") || is_punct(head.back(0), "!=")) return is_word(head.back(1)) ? head.back(1) : nullptr;
  std::size_t brace = 0;
  while (is_word(head.back(brace)) || is_punct(head.back(brace), ",")) ++brace;
  if (!is_punct(head.back(brace), "{") || !is_word(head.back(brace + 1), "in")) return nullptr;
  return is_word(head.back(brace + 2)) ? head.back(brace + 2) : nullptr;
}

bool in_given(const LineHead& head) {
  return head.indented() && is_word(head.at(0), "given") && (head.size() > 1 || head.ends_blank());
}

}  // namespace

json completion(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  const std::size_t offset = offset_of(document, params);
  const LineIndex& lines = document.lines();
  const Position position = lines.position_of(offset);
  const LineHead head(lines.line_text(position.line).substr(0, offset - lines.line_start(position.line)));
  const ast::Kb& kb = document.kb.frontend().kb;
  json items = json::array();
  const auto names = [&](const std::vector<std::string>& values, int kind, const std::string& detail) {
    for (const auto& value : values) items.push_back(item(value, kind, detail));
  };
  if (head.empty()) {
    names(kDeclarations, kKeyword, "declaration");
  } else if (before_level(head)) {
    if (kb.levels) names(kb.levels->names, kEnumMember, "level");
  } else if (head.blank()) {
    const auto clauses = clause_keywords().find(enclosing_declaration(lines, position.line));
    if (clauses != clause_keywords().end()) names(clauses->second, kKeyword, "clause");
  } else if (before_topic(head)) {
    for (const auto& topic : kb.topics) items.push_back(item(topic.name, kReference, topic.title));
  } else if (before_source(head)) {
    for (const auto& source : kb.sources) items.push_back(item(source.id, kReference, source.title));
  } else if (before_flag(head)) {
    for (const auto& flag : kb.flags) items.push_back(item(flag.name, kEvent, flag.title));
  } else if (const formatter::Token* quantity = compared_before_unit(head)) {
    if (const ast::Fact* fact = fact_named(kb, quantity->text)) add_units(*fact, items);
  } else if (const formatter::Token* compared = compared_before_value(head)) {
    const ast::Fact* fact = fact_named(kb, compared->text);
    if (fact && fact->type == ast::FactType::Enum) names(fact->enum_values, kEnumMember, "value of " + fact->name);
    if (fact && fact->type == ast::FactType::Bool) names({"true", "false", "unknown"}, kConstant, "bool");
  } else if (in_given(head)) {
    for (const auto& fact : kb.facts) items.push_back(item(fact.name, kVariable, "fact : " + fact_type_text(fact)));
  } else {
    add_values(kb, items);
    names(kOperators, kKeyword, "operator");
  }
  return {{"isIncomplete", false}, {"items", items}};
}

}  // namespace redflag::lsp
