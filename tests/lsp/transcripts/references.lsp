# references of a fact across files (with and without the declaration) and of a level.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/references", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 2, "character": 9}, "context": {"includeDeclaration": true}}}
<-- {"id": 2, "jsonrpc": "2.0", "result": [{"range": {"end": {"character": 16, "line": 4}, "start": {"character": 5, "line": 4}}, "uri": "${ROOT}/facts.rf"}, {"range": {"end": {"character": 38, "line": 13}, "start": {"character": 27, "line": 13}}, "uri": "${ROOT}/facts.rf"}, {"range": {"end": {"character": 18, "line": 2}, "start": {"character": 7, "line": 2}}, "uri": "${ROOT}/flags.rf"}, {"range": {"end": {"character": 19, "line": 1}, "start": {"character": 8, "line": 1}}, "uri": "${ROOT}/tests.rf"}, {"range": {"end": {"character": 43, "line": 6}, "start": {"character": 32, "line": 6}}, "uri": "${ROOT}/tests.rf"}]}
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/references", "params": {"textDocument": {"uri": "${ROOT}/facts.rf"}, "position": {"line": 4, "character": 8}, "context": {"includeDeclaration": false}}}
<-- {"id": 3, "jsonrpc": "2.0", "result": [{"range": {"end": {"character": 38, "line": 13}, "start": {"character": 27, "line": 13}}, "uri": "${ROOT}/facts.rf"}, {"range": {"end": {"character": 18, "line": 2}, "start": {"character": 7, "line": 2}}, "uri": "${ROOT}/flags.rf"}, {"range": {"end": {"character": 19, "line": 1}, "start": {"character": 8, "line": 1}}, "uri": "${ROOT}/tests.rf"}, {"range": {"end": {"character": 43, "line": 6}, "start": {"character": 32, "line": 6}}, "uri": "${ROOT}/tests.rf"}]}
--> {"jsonrpc": "2.0", "id": 4, "method": "textDocument/references", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 0, "character": 20}, "context": {"includeDeclaration": true}}}
<-- {"id": 4, "jsonrpc": "2.0", "result": [{"range": {"end": {"character": 36, "line": 7}, "start": {"character": 27, "line": 7}}, "uri": "${ROOT}/kb.rf"}, {"range": {"end": {"character": 26, "line": 0}, "start": {"character": 17, "line": 0}}, "uri": "${ROOT}/flags.rf"}, {"range": {"end": {"character": 26, "line": 2}, "start": {"character": 17, "line": 2}}, "uri": "${ROOT}/tests.rf"}, {"range": {"end": {"character": 26, "line": 7}, "start": {"character": 17, "line": 7}}, "uri": "${ROOT}/tests.rf"}]}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
