# definition: from a reference in another file to the declaration; from the declaration to itself;
# from a test's given; null where no name is.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/definition", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 2, "character": 9}}}
<-- {"id": 2, "jsonrpc": "2.0", "result": {"range": {"end": {"character": 16, "line": 4}, "start": {"character": 5, "line": 4}}, "uri": "${ROOT}/facts.rf"}}
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/definition", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 8, "character": 22}}}
<-- {"id": 3, "jsonrpc": "2.0", "result": {"range": {"end": {"character": 15, "line": 13}, "start": {"character": 7, "line": 13}}, "uri": "${ROOT}/facts.rf"}}
--> {"jsonrpc": "2.0", "id": 4, "method": "textDocument/definition", "params": {"textDocument": {"uri": "${ROOT}/tests.rf"}, "position": {"line": 1, "character": 10}}}
<-- {"id": 4, "jsonrpc": "2.0", "result": {"range": {"end": {"character": 16, "line": 4}, "start": {"character": 5, "line": 4}}, "uri": "${ROOT}/facts.rf"}}
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/definition", "params": {"textDocument": {"uri": "${ROOT}/facts.rf"}, "position": {"line": 0, "character": 6}}}
<-- {"id": 5, "jsonrpc": "2.0", "result": {"range": {"end": {"character": 8, "line": 0}, "start": {"character": 5, "line": 0}}, "uri": "${ROOT}/facts.rf"}}
--> {"jsonrpc": "2.0", "id": 6, "method": "textDocument/definition", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 1, "character": 3}}}
<-- {"id": 6, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
