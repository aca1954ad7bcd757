# A body that is not JSON gets ParseError (-32700) with a null id; a JSON body that is no
# JSON-RPC message, or one nested deeper than 64 levels, gets InvalidRequest (-32600); the
# server goes on.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
==> Content-Length: 9\r\n\r\n{"id": 2,
==> Content-Length: 2\r\n\r\n[]
==> Content-Length: 20\r\n\r\n{"id": 3, "x": true}
==> Content-Length: 100\r\n\r\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
--> {"jsonrpc": "2.0", "id": {"an": "object"}, "method": "shutdown"}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"error": {"code": -32700, "message": "the message is not JSON"}, "id": null, "jsonrpc": "2.0"}
<-- {"error": {"code": -32600, "message": "a message is a JSON object with \"jsonrpc\": \"2.0\""}, "id": null, "jsonrpc": "2.0"}
<-- {"error": {"code": -32600, "message": "a message is a JSON object with \"jsonrpc\": \"2.0\""}, "id": 3, "jsonrpc": "2.0"}
<-- {"error": {"code": -32600, "message": "the message nests arrays and objects deeper than 64"}, "id": null, "jsonrpc": "2.0"}
<-- {"error": {"code": -32600, "message": "a request has a string `method` and an integer or string `id`"}, "id": null, "jsonrpc": "2.0"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
