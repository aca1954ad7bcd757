// A real LSP client drives `redflag lsp` over stdio: vscode-languageserver-protocol, the
// library VS Code's own client is built on (tests/data/lsp/, pinned). It opens a copy of
// tests/lsp/kb, edits it, and checks diagnostics, hover, completion, definition, rename,
// formatting (against `redflag fmt`) and a code action, then shuts the server down.
// Usage: node client_test.js REDFLAG MODULES_DIR
"use strict";
const assert = require("assert");
const childProcess = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const url = require("url");

const [redflag, modules] = process.argv.slice(2);
const protocol = require(path.resolve(modules, "vscode-languageserver-protocol/node"));

const kb = fs.mkdtempSync(path.join(os.tmpdir(), "redflag-lsp-client-"));
for (const name of fs.readdirSync(path.join(__dirname, "kb"))) fs.copyFileSync(path.join(__dirname, "kb", name), path.join(kb, name));
const uri = (name) => url.pathToFileURL(path.join(kb, name)).href;
const text = (name) => fs.readFileSync(path.join(kb, name), "utf8");

const server = childProcess.spawn(redflag, ["lsp", "--stdio", "--today", "2026-12-01", "--debounce", "20"]);
const connection = protocol.createProtocolConnection(
  new protocol.StreamMessageReader(server.stdout), new protocol.StreamMessageWriter(server.stdin));
const published = new Map();  // uri -> latest diagnostics
const waiters = [];
connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
  published.set(params.uri, params.diagnostics);
  for (const waiter of waiters.splice(0)) waiter();
});
connection.listen();

// Resolves once [check] holds for the diagnostics published so far (checked on each notification).
function diagnosticsSatisfy(check, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics where ${what}`)), 10000);
    const test = () => {
      if (check()) {
        clearTimeout(timer);
        resolve();
      } else {
        waiters.push(test);
      }
    };
    test();
  });
}

const codes = (name) => (published.get(uri(name)) || []).map((d) => d.code);

function applyEdits(original, edits) {
  const lines = original.split("\n");
  const offset = (p) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = original;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

async function main() {
  const init = await connection.sendRequest(protocol.InitializeRequest.type,
    { processId: process.pid, rootUri: url.pathToFileURL(kb).href, capabilities: {}, workspaceFolders: null });
  assert.strictEqual(init.capabilities.positionEncoding, "utf-16");
  connection.sendNotification(protocol.InitializedNotification.type, {});

  const flags = text("flags.rf");
  connection.sendNotification(protocol.DidOpenTextDocumentNotification.type,
    { textDocument: { uri: uri("flags.rf"), languageId: "redflag", version: 1, text: flags } });
  await diagnosticsSatisfy(() => codes("flags.rf").includes("missing-rationale") && codes("tests.rf").includes("test-failed"),
    "flags.rf has missing-rationale and tests.rf test-failed");

  // Typing a wrong name: E020 while typing, with its did-you-mean.
  connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: uri("flags.rf"), version: 2 },
    contentChanges: [{ range: { start: { line: 8, character: 20 }, end: { line: 8, character: 28 } }, text: "systemc" }],
  });
  await diagnosticsSatisfy(() => codes("flags.rf").includes("E020"), "flags.rf has E020");
  const e020 = published.get(uri("flags.rf")).find((d) => d.code === "E020");
  assert.match(e020.message, /did you mean `systemic`/);
  connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: uri("flags.rf"), version: 3 }, contentChanges: [{ text: flags }],
  });
  await diagnosticsSatisfy(() => !codes("flags.rf").includes("E020"), "E020 is gone");

  const at = (line, character) => ({ textDocument: { uri: uri("flags.rf") }, position: { line, character } });
  const hover = await connection.sendRequest(protocol.HoverRequest.type, at(2, 9));
  assert.match(hover.contents.value, /fact weight_loss : mass in \[lb_av\]/);
  assert.match(hover.contents.value, /Read by define `systemic`, flag `weight_loss`/);

  const completion = await connection.sendRequest(protocol.CompletionRequest.type, at(8, 7));
  const labels = completion.items.map((item) => item.label);
  for (const expected of ["age", "weight_loss", "systemic", "and"]) assert.ok(labels.includes(expected), `completion has ${expected}`);

  const definition = await connection.sendRequest(protocol.DefinitionRequest.type, at(8, 22));
  assert.strictEqual(definition.uri, uri("facts.rf"));
  assert.deepStrictEqual(definition.range.start, { line: 13, character: 7 });

  const rename = await connection.sendRequest(protocol.RenameRequest.type, { ...at(2, 9), newName: "weight_lost" });
  assert.deepStrictEqual(Object.keys(rename.changes).sort(), [uri("facts.rf"), uri("flags.rf"), uri("tests.rf")].sort());
  const renamedTests = applyEdits(text("tests.rf"), rename.changes[uri("tests.rf")]);
  assert.match(renamedTests, /given weight_lost = 12 lb/);
  await assert.rejects(connection.sendRequest(protocol.RenameRequest.type, { ...at(2, 9), newName: "fever" }),
    (error) => error.code === -32803 && /already the name of fact `fever`/.test(error.message));

  // Formatting gives exactly `redflag fmt`'s output (a file of its own, outside the KB).
  const messy = "fact   age : number between 0 and 130\n  ask  \"How old is the patient?\"\n\n\n\nfact fever:bool\n";
  const alone = fs.mkdtempSync(path.join(os.tmpdir(), "redflag-lsp-alone-"));
  const messyUri = url.pathToFileURL(path.join(alone, "messy.rf")).href;
  connection.sendNotification(protocol.DidOpenTextDocumentNotification.type,
    { textDocument: { uri: messyUri, languageId: "redflag", version: 1, text: messy } });
  const edits = await connection.sendRequest(protocol.DocumentFormattingRequest.type,
    { textDocument: { uri: messyUri }, options: { tabSize: 2, insertSpaces: true } });
  const byFmt = (() => {
    const file = path.join(alone, "by_fmt.rf");
    fs.writeFileSync(file, messy);
    childProcess.execFileSync(redflag, ["fmt", file]);
    const out = fs.readFileSync(file, "utf8");
    fs.unlinkSync(file);
    return out;
  })();
  assert.strictEqual(applyEdits(messy, edits), byFmt);

  // The lint finding's quick fix: a suppression comment above the flag.
  const finding = published.get(uri("flags.rf")).find((d) => d.code === "missing-rationale");
  const actions = await connection.sendRequest(protocol.CodeActionRequest.type,
    { textDocument: { uri: uri("flags.rf") }, range: finding.range, context: { diagnostics: [finding] } });
  const suppress = actions.find((action) => action.title === "Suppress `missing-rationale` for this declaration");
  assert.ok(suppress, "a suppression action");
  const suppressed = applyEdits(flags, suppress.edit.changes[uri("flags.rf")]);
  assert.ok(suppressed.startsWith("# redflag: allow(missing-rationale)\nflag weight_loss immediate\n"));

  await connection.sendRequest(protocol.ShutdownRequest.type);
  const exited = new Promise((resolve) => server.on("exit", resolve));
  connection.sendNotification(protocol.ExitNotification.type);
  assert.strictEqual(await exited, 0);
  connection.dispose();
  fs.rmSync(kb, { recursive: true, force: true });
  fs.rmSync(alone, { recursive: true, force: true });
  console.log("client_test: diagnostics, hover, completion, definition, rename, formatting and a code action pass");
}

main().catch((error) => {
  console.error(error);
  server.kill();
  process.exit(1);
});
