"""Make QSvgGenerator's output draw the same in every SVG viewer.

pyqtgraph draws bars, whiskers, lines and grids in data coordinates with *cosmetic* pens (one
pixel wide whatever the zoom). QSvgGenerator writes such a shape inside a group scaled from
data to pixels, with ``vector-effect="non-scaling-stroke"`` so the stroke stays thin. Viewers
that ignore that attribute (rsvg-convert and the many programs built on librsvg, older
browsers, some office suites) scale the stroke with the group: a one-pixel outline becomes a
line a hundred pixels wide, and whiskers and bar edges turn into black or white blobs.

:func:`flatten_strokes` rewrites the file as if every pen had been non-cosmetic with its
width in device units: each stroked shape's coordinates are mapped through its group's
transform into pixels, the group is left unscaled, and ``vector-effect`` goes away. Text and
images keep their groups' transforms untouched.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_SVG = f"{{{SVG_NS}}}"
_SHAPES = {f"{_SVG}path", f"{_SVG}polyline", f"{_SVG}polygon", f"{_SVG}rect"}
_MATRIX = re.compile(r"\s*matrix\(([^)]*)\)\s*")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PATH_COMMANDS = set("MLCZz")  # what QSvgGenerator writes: absolute points, so they map

Matrix = tuple[float, float, float, float, float, float]


def _matrix(transform: str | None) -> Matrix | None:
    """The SVG ``matrix(a,b,c,d,e,f)`` of a transform attribute (None for any other)."""
    match = _MATRIX.fullmatch(transform or "")
    if match is None:
        return None
    a, b, c, d, e, f = (float(v) for v in match.group(1).replace(",", " ").split())
    return a, b, c, d, e, f


def _map(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _text(value: float) -> str:
    """A coordinate to a hundredth of a pixel, without trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _map_pairs(m: Matrix, text: str) -> str:
    """Every "x,y" pair in ``text`` (points of a polyline or an absolute path) mapped by m;
    the separators and path commands in between are kept."""
    numbers = list(_NUMBER.finditer(text))
    if len(numbers) % 2:
        raise ValueError(f"odd number of coordinates in {text[:40]!r}")
    out, last = [], 0
    for first, second in zip(numbers[::2], numbers[1::2], strict=True):
        x, y = _map(m, float(first.group()), float(second.group()))
        out += [text[last:first.start()], _text(x), text[first.end():second.start()], _text(y)]
        last = second.end()
    out.append(text[last:])
    return "".join(out)


def _flatten_shape(shape: ET.Element, m: Matrix) -> None:
    """Map ``shape``'s geometry through ``m`` (a rect becomes the path of its corners, which
    also covers a rotated group)."""
    if shape.tag == f"{_SVG}rect":
        x, y = float(shape.get("x", 0)), float(shape.get("y", 0))
        w, h = float(shape.get("width", 0)), float(shape.get("height", 0))
        corners = [_map(m, px, py) for px, py in ((x, y), (x + w, y), (x + w, y + h), (x, y + h))]
        for name in ("x", "y", "width", "height", "rx", "ry"):
            shape.attrib.pop(name, None)
        shape.tag = f"{_SVG}path"
        shape.set("d", "M" + " L".join(f"{_text(px)},{_text(py)}" for px, py in corners)
                  + " Z")
    elif shape.tag == f"{_SVG}path":
        d = shape.get("d", "")
        if not set(re.findall("[A-Za-z]", _NUMBER.sub(" ", d))) <= _PATH_COMMANDS:
            raise ValueError(f"unexpected commands in the SVG path {d[:40]!r}")
        shape.set("d", _map_pairs(m, d))
    else:
        shape.set("points", _map_pairs(m, shape.get("points", "")))


def flatten_strokes(svg: bytes) -> bytes:
    """``svg`` (as QSvgGenerator writes it) without non-scaling strokes: see the module."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg)
    for group in root.iter(f"{_SVG}g"):
        m = _matrix(group.get("transform"))
        shapes = [child for child in group if child.tag in _SHAPES]
        stroked = any(child.get("vector-effect") == "non-scaling-stroke" for child in shapes)
        for child in shapes:
            child.attrib.pop("vector-effect", None)
        if m is None or not stroked or m[:4] == (1.0, 0.0, 0.0, 1.0):
            continue  # no stroke to keep thin, or a plain shift that does not scale one
        # QSvgGenerator puts each state change in a group of its own, so a group holding a
        # scaled stroke holds shapes only; text or images would need the transform kept.
        if len(shapes) != len(group):
            raise ValueError("a scaled group mixes shapes with text or images")
        for child in shapes:
            _flatten_shape(child, m)
        group.set("transform", "matrix(1,0,0,1,0,0)")
    flat: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return flat
