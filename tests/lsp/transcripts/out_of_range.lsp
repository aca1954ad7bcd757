# out-of-range positions: a line past the end is InvalidParams (-32602); a character past the end
# of its line is the line's end (LSP 3.17 Position); a missing position is InvalidParams.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 999, "character": 0}}}
<-- {"error": {"code": -32602, "message": "line 999 is past the end of `${ROOT}/flags.rf`, which has 18 lines"}, "id": 2, "jsonrpc": "2.0"}
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/definition", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 0, "character": 999}}}
<-- {"id": 3, "jsonrpc": "2.0", "result": {"range": {"end": {"character": 36, "line": 7}, "start": {"character": 27, "line": 7}}, "uri": "${ROOT}/kb.rf"}}
--> {"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}}}
<-- {"error": {"code": -32602, "message": "a position is {line, character} with unsigned integers"}, "id": 4, "jsonrpc": "2.0"}
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": -1, "character": 0}}}
<-- {"error": {"code": -32602, "message": "a position is {line, character} with unsigned integers"}, "id": 5, "jsonrpc": "2.0"}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
