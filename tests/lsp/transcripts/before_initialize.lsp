# A request before initialize gets ServerNotInitialized (-32002); a notification is dropped;
# initialize twice is InvalidRequest (-32600).
--> {"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}}
<-- {"error": {"code": -32002, "message": "`textDocument/hover` before `initialize`"}, "id": 1, "jsonrpc": "2.0"}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "${ROOT}/facts.rf", "languageId": "redflag", "version": 1, "text": "fact x : bool"}}}
--> {"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 2, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "id": 3, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"error": {"code": -32600, "message": "`initialize` was already sent"}, "id": 3, "jsonrpc": "2.0"}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
