# documentSymbol lists a file's declarations with their whole extent; foldingRange folds each
# declaration of more than one line; workspace/symbol finds declarations of every KB by name.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}}}
<-- {"id": 2, "jsonrpc": "2.0", "result": [{"detail": "flag", "kind": 24, "name": "weight_loss", "range": {"end": {"character": 12, "line": 4}, "start": {"character": 0, "line": 0}}, "selectionRange": {"end": {"character": 16, "line": 0}, "start": {"character": 5, "line": 0}}}, {"detail": "flag", "kind": 24, "name": "older", "range": {"end": {"character": 23, "line": 9}, "start": {"character": 0, "line": 6}}, "selectionRange": {"end": {"character": 10, "line": 6}, "start": {"character": 5, "line": 6}}}, {"detail": "topic", "kind": 15, "name": "workup", "range": {"end": {"character": 5, "line": 16}, "start": {"character": 0, "line": 11}}, "selectionRange": {"end": {"character": 12, "line": 11}, "start": {"character": 6, "line": 11}}}]}
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/foldingRange", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}}}
<-- {"id": 3, "jsonrpc": "2.0", "result": [{"endLine": 4, "kind": "region", "startLine": 0}, {"endLine": 9, "kind": "region", "startLine": 6}, {"endLine": 16, "kind": "region", "startLine": 11}]}
--> {"jsonrpc": "2.0", "id": 4, "method": "workspace/symbol", "params": {"query": "WEIGHT"}}
<-- {"id": 4, "jsonrpc": "2.0", "result": [{"containerName": "lsp_demo", "kind": 13, "location": {"range": {"end": {"character": 16, "line": 4}, "start": {"character": 5, "line": 4}}, "uri": "${ROOT}/facts.rf"}, "name": "weight_loss"}, {"containerName": "lsp_demo", "kind": 24, "location": {"range": {"end": {"character": 16, "line": 0}, "start": {"character": 5, "line": 0}}, "uri": "${ROOT}/flags.rf"}, "name": "weight_loss"}, {"containerName": "lsp_demo", "kind": 6, "location": {"range": {"end": {"character": 24, "line": 0}, "start": {"character": 5, "line": 0}}, "uri": "${ROOT}/tests.rf"}, "name": "heavy weight loss"}]}
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///nowhere/x.txt"}}}
<-- {"id": 5, "jsonrpc": "2.0", "result": []}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
