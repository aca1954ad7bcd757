// The layer beneath the protocol: UTF-16 positions against byte offsets, the base protocol
// reader on split, noisy and malformed input, and a DocumentStore's incremental changes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tools/lsp/document_store.hpp"
#include "tools/lsp/message_reader.hpp"
#include "tools/lsp/serve.hpp"
#include "tools/lsp/text_position.hpp"

using namespace redflag::lsp;

TEST_CASE("positions count UTF-16 code units, offsets bytes") {
  // `é` is 2 bytes and 1 unit; `🚑` 4 bytes and 2 units; CRLF ends a line.
  const std::string text = "aé🚑b\r\nxy\n";
  const LineIndex lines(text);
  REQUIRE(lines.line_count() == 3);
  CHECK(lines.line_text(0) == "aé🚑b");
  CHECK(*lines.offset_of({0, 2}) == 3);   // after `aé`
  CHECK(*lines.offset_of({0, 4}) == 7);   // after the surrogate pair
  CHECK(*lines.offset_of({0, 99}) == 8);  // past the end: the line's end (before CR)
  CHECK(*lines.offset_of({1, 1}) == 11);
  CHECK_FALSE(lines.offset_of({3, 0}).has_value());
  CHECK(lines.position_of(7).character == 4);
  CHECK(lines.position_of(11).line == 1);
  CHECK(lines.position_of(11).character == 1);
}

TEST_CASE("the reader frames messages from any split of the stream") {
  const std::string stream = "\r\nContent-Length: 2\r\nContent-Type: application/vscode-jsonrpc\r\n\r\n{}"
                             "content-length:3\r\n\r\n[1]";
  BufferSource source(stream);
  MessageReader reader(source);
  RawMessage first = reader.next();
  CHECK(first.status == RawMessage::Status::Ok);
  CHECK(first.body == "{}");
  RawMessage second = reader.next();
  CHECK(second.status == RawMessage::Status::Ok);
  CHECK(second.body == "[1]");
  CHECK(reader.next().status == RawMessage::Status::End);
}

TEST_CASE("the reader reports bad headers and finds the next message") {
  const std::string stream = "Content-Length: -4\r\n\r\nnoise{}Content-Length: 2\r\n\r\n{}Content-Length: 2\r\n\r\n{";
  BufferSource source(stream);
  MessageReader reader(source);
  const RawMessage bad = reader.next();
  CHECK(bad.status == RawMessage::Status::BadHeader);
  CHECK(bad.error == "`Content-Length` is not a byte count");
  const RawMessage noise = reader.next();
  CHECK(noise.status == RawMessage::Status::BadHeader);
  CHECK(noise.error == "a header line is not `Name: value`");
  const RawMessage good = reader.next();
  CHECK(good.status == RawMessage::Status::Ok);
  CHECK(good.body == "{}");
  CHECK(reader.next().status == RawMessage::Status::End);  // cut inside the body
}

TEST_CASE("incremental changes apply in order, in UTF-16 positions") {
  DocumentStore documents;
  documents.open("file:///kb/a%20b.rf", "fact é : bool\n", 1);
  const json changes = json::parse(R"([
    {"range": {"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 6}}, "text": "fever"},
    {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "fact x : bool\n"}
  ])");
  documents.change("file:///kb/a%20b.rf", changes, 2);
  const Document* document = documents.find("/kb/a b.rf");
  REQUIRE(document != nullptr);
  CHECK(document->text == "fact fever : bool\nfact x : bool\n");
  CHECK(document->version == 2);
  CHECK(uri_of_path("/kb/a b/é.rf") == "file:///kb/a%20b/%C3%A9.rf");
  CHECK_THROWS_AS(documents.change("file:///kb/other.rf", changes, 3), LspError);
  CHECK_THROWS_AS(path_of_uri("untitled:Untitled-1"), LspError);
}
