# Header blocks without Content-Length, with a bad length or a line that is no header get
# ParseError (-32700); the reader finds the next message again.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
==> Content-Type: application/vscode-jsonrpc\r\n\r\n
==> Content-Length: twelve\r\n\r\n
==> this is not a header\r\n\r\n
==> {"jsonrpc": "2.0", "id": 5, "method": "shutdown"}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"error": {"code": -32700, "message": "a header block has no `Content-Length`"}, "id": null, "jsonrpc": "2.0"}
<-- {"error": {"code": -32700, "message": "`Content-Length` is not a byte count"}, "id": null, "jsonrpc": "2.0"}
<-- {"error": {"code": -32700, "message": "a header line is not `Name: value`"}, "id": null, "jsonrpc": "2.0"}
<-- {"error": {"code": -32700, "message": "a header line is not `Name: value`"}, "id": null, "jsonrpc": "2.0"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
