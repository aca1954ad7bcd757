# A message longer than the server's limit (128 MiB) is skipped unread and answered with
# InvalidRequest (-32600); the input ends inside it here, so the server stops with 1.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
==> Content-Length: 999999999999\r\n\r\n{}
<-- {"error": {"code": -32600, "message": "a message of 999999999999 bytes is larger than the server's limit of 134217728 bytes"}, "id": null, "jsonrpc": "2.0"}
exit 1
