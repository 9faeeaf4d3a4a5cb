"""LaTeX → MathML for the HTML report, with a whitelist so a document cannot inject markup.

latex2mathml copies ``\\text{…}`` and some symbols into its output unescaped, so its output is
parsed as XML and rebuilt from MathML presentation elements and attributes only, every text
escaped.  Anything else (a LaTeX error, an unknown command shown as ``\\foo``, a foreign tag)
gives None, and the caller shows the LaTeX source instead.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape

from latex2mathml.converter import convert

NAMESPACE = "http://www.w3.org/1998/Math/MathML"
ELEMENTS = frozenset(
    "math mrow mi mn mo mtext mspace ms msub msup msubsup munder mover munderover mfrac msqrt "
    "mroot mstyle mpadded mphantom menclose mtable mtr mtd merror".split()
)
ATTRIBUTES = frozenset(
    "display stretchy fence form separator lspace rspace minsize maxsize largeop movablelimits "
    "accent accentunder mathvariant displaystyle scriptlevel linethickness width height depth "
    "columnalign columnspacing columnlines rowspacing rowlines notation symmetric".split()
)
LEAVES = frozenset({"mi", "mn", "mo", "mtext", "ms"})


def to_mathml(latex: str, display: bool = False) -> str | None:
    """The MathML of `latex`, or None when it cannot be converted faithfully and safely."""
    try:
        tree = ET.fromstring(convert(latex, display="block" if display else "inline"))
        return _serialise(tree)
    except Exception:  # latex2mathml raises many kinds; any failure means "show the source"
        return None


def _serialise(element: ET.Element) -> str:
    """Rebuild `element` from whitelisted parts; raise ValueError on anything else."""
    tag = element.tag.removeprefix("{" + NAMESPACE + "}")
    if tag not in ELEMENTS:
        raise ValueError(f"not a MathML element: {tag}")
    if tag in LEAVES and "\\" in (element.text or ""):
        raise ValueError(f"unknown LaTeX command {element.text}")
    attributes = ""
    for name, value in element.attrib.items():
        if name not in ATTRIBUTES:
            raise ValueError(f"attribute {name} not allowed")
        attributes += f' {name}="{escape(value)}"'
    if tag == "math":
        attributes = f' xmlns="{NAMESPACE}"' + attributes
    inner = escape(element.text or "", quote=False)
    for child in element:
        inner += _serialise(child) + escape(child.tail or "", quote=False)
    return f"<{tag}{attributes}>{inner}</{tag}>"
