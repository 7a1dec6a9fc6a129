"""Fetches N signed consultation-form tokens over one keep-alive connection,
one per line, so the benchmark submits real, distinct forms."""
import http.client
import sys


def first_string(body: bytes) -> str:
    """The first field of a postcard answer (`FormSetup.token`): a string is
    its length as a varint (7 bits a byte, high bit = more) and its bytes."""
    length, shift, at = 0, 0, 0
    while True:
        byte = body[at]
        at += 1
        length |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            break
    return body[at : at + length].decode()


host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
conn = http.client.HTTPConnection(host, port)
for _ in range(count):
    conn.request("GET", "/api/consultation_form")
    print(first_string(conn.getresponse().read()))
