# initialize answers the capabilities; shutdown then exit ends the server with 0.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": {"capabilities": {"codeActionProvider": {"codeActionKinds": ["quickfix"]}, "codeLensProvider": {}, "completionProvider": {"triggerCharacters": [" ", "{", ","]}, "definitionProvider": true, "documentFormattingProvider": true, "documentRangeFormattingProvider": true, "documentSymbolProvider": true, "executeCommandProvider": {"commands": ["redflag.runTests"]}, "foldingRangeProvider": true, "hoverProvider": true, "inlayHintProvider": true, "positionEncoding": "utf-16", "referencesProvider": true, "renameProvider": {"prepareProvider": true}, "semanticTokensProvider": {"full": true, "legend": {"tokenModifiers": ["declaration"], "tokenTypes": ["keyword", "comment", "string", "number", "operator", "variable", "function", "event", "enumMember", "namespace", "type", "property", "class"]}}, "textDocumentSync": {"change": 2, "openClose": true, "save": true}, "workspaceSymbolProvider": true}, "serverInfo": {"name": "redflag"}}}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
