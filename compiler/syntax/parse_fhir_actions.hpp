// The PEGTL actions for a fact's `fhir` clauses (included by compiler/syntax/parse.cpp only).
//
// The binding word starts a FhirBinding on the current fact; the codes, window and enum value
// that follow fill it in. Meaning (codings, types, the window's unit) is checked in
// compiler/check/check_fhir.cpp, not here.
#pragma once

#include "compiler/syntax/parse_actions.hpp"

namespace redflag::internal {

// The binding the clause being read fills in.
inline ast::FhirBinding& current_binding(ParseBuilder& b) { return b.kb.facts.back().fhir.back(); }

// Starts a binding of [kKind] at its word.
template <ast::FhirBinding::Kind kKind>
struct fhir_binding_action {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::FhirBinding& binding = b.kb.facts.back().fhir.emplace_back();
    binding.kind = kKind;
    binding.span = span_of(in, b);
  }
};
template <> struct action<g::key_observation> : fhir_binding_action<ast::FhirBinding::Kind::Observation> {};
template <> struct action<g::key_condition> : fhir_binding_action<ast::FhirBinding::Kind::Condition> {};
template <> struct action<g::key_patient> : fhir_binding_action<ast::FhirBinding::Kind::PatientAge> {};

// `item "linkId"`: `item` also starts a score's item, so the binding starts at its linkId.
template <> struct action<g::fhir_link_id> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    fhir_binding_action<ast::FhirBinding::Kind::Item>::apply(in, b);
    current_binding(b).code = b.pending_text;
    current_binding(b).code_span = span_of(in, b);
  }
};

template <> struct action<g::fhir_code> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    current_binding(b).code = b.pending_text;
    current_binding(b).code_span = span_of(in, b);
  }
};

template <> struct action<g::fhir_component_code> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    current_binding(b).component = b.pending_text;
    current_binding(b).component_span = span_of(in, b);
  }
};

template <> struct action<g::fhir_window> {
  template <typename In> static void apply(const In&, ParseBuilder& b) { current_binding(b).within = b.pending_literal; }
};

template <> struct action<g::fhir_enum_value> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    current_binding(b).value = in.string();
    current_binding(b).value_span = span_of(in, b);
  }
};

template <> struct action<g::key_current> {
  template <typename In> static void apply(const In&, ParseBuilder& b) { current_binding(b).current = true; }
};

// `indicator LEVEL VALUE` in `levels`.
template <> struct action<g::indicator_level> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.levels->indicators.push_back(ast::LevelIndicator{in.string(), span_of(in, b), {}, ast::kNoId});
  }
};

template <> struct action<g::indicator_value> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) { b.levels->indicators.back().value = in.string(); }
};

}  // namespace redflag::internal
