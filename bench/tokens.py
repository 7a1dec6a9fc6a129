"""Fetches N signed consultation-form tokens over one keep-alive connection,
one per line, so the benchmark submits real, distinct forms."""
import http.client
import json
import sys

host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
conn = http.client.HTTPConnection(host, port)
for _ in range(count):
    conn.request("GET", "/api/consultation_form")
    print(json.loads(conn.getresponse().read())["token"])
