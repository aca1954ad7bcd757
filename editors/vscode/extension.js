// The redflag extension: starts `redflag lsp` (setting `redflag.path`) as the language server of
// `.rf` files; every feature comes from the server (docs/editors.md). Highlighting before the
// server answers comes from the TextMate grammar, snippets from snippets/redflag.json.
"use strict";
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("redflag").get("path", "redflag");
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient("redflag", "redflag", server, {
    documentSelector: [{ scheme: "file", language: "redflag" }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.rf") },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
