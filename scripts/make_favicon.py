"""Draw the site's icon (a white check mark on the service's blue) as favicon.ico and
favicon.svg in qualreg/static/qualreg/. Plain Python: no image library is needed.

    python3 scripts/make_favicon.py
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

BLUE = (0x00, 0x62, 0xBA)
WHITE = (0xFF, 0xFF, 0xFF)
SIZE = 32
# The check mark as a polyline in a 32×32 box, drawn with this half-width.
CHECK = ((8.0, 16.5), (13.5, 22.0), (24.0, 10.5))
HALF_WIDTH = 2.6
OUT = Path(__file__).resolve().parent.parent / "qualreg" / "static" / "qualreg"


def _distance_to_segment(x: float, y: float, a: tuple, b: tuple) -> float:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2) ** 0.5


def _pixel(x: int, y: int) -> tuple[int, int, int, int]:
    cx, cy = x + 0.5, y + 0.5
    # Rounded corners of radius 6: outside them the icon is transparent.
    rx = max(6 - cx, cx - (SIZE - 6), 0)
    ry = max(6 - cy, cy - (SIZE - 6), 0)
    if (rx * rx + ry * ry) ** 0.5 > 6:
        return (0, 0, 0, 0)
    d = min(_distance_to_segment(cx, cy, CHECK[i], CHECK[i + 1]) for i in range(2))
    cover = max(0.0, min(1.0, HALF_WIDTH + 0.5 - d))  # one pixel of anti-aliasing
    r, g, b = (round(w * cover + c * (1 - cover)) for w, c in zip(WHITE, BLUE, strict=True))
    return (r, g, b, 255)


def png() -> bytes:
    rows = b"".join(
        b"\x00" + bytes(v for x in range(SIZE) for v in _pixel(x, y)) for y in range(SIZE)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def ico(image: bytes) -> bytes:
    """An .ico holding one PNG image, as every browser since IE 11 reads it."""
    directory = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return directory + entry + image


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    '<rect width="32" height="32" rx="6" fill="#0062ba"/>'
    '<path d="M8 16.5l5.5 5.5L24 10.5" fill="none" stroke="#fff" stroke-width="5.2" '
    'stroke-linecap="round" stroke-linejoin="round"/></svg>\n'
)

if __name__ == "__main__":
    (OUT / "favicon.ico").write_bytes(ico(png()))
    (OUT / "favicon.svg").write_text(SVG, encoding="utf-8")
    print("wrote", OUT / "favicon.ico", "and", OUT / "favicon.svg")
