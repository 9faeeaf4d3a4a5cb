"""How the data model shows itself in a notebook, without importing a renderer.

A report or a derivation answers Jupyter's ``_repr_mimebundle_`` by asking here; the renderers
(in :mod:`symgrad.report.notebook`) register themselves, so the model never imports them.
"""

from __future__ import annotations

from typing import Callable

_RENDERERS: dict[type, dict[str, Callable]] = {}


def register(cls: type, mime: str, render: Callable) -> None:
    """Show instances of `cls` as `mime` (``"text/html"``, ``"text/markdown"``, …) with `render`."""
    _RENDERERS.setdefault(cls, {})[mime] = render


def bundle(obj) -> dict[str, str]:
    """Every registered rendering of `obj`, by MIME type (empty when none is registered)."""
    renderers = next((_RENDERERS[cls] for cls in type(obj).__mro__ if cls in _RENDERERS), {})
    return {mime: render(obj) for mime, render in renderers.items()}


class Displayable:
    """Mixin: Jupyter shows the registered renderings (and plain repr where there are none);
    ``print`` shows the registered plain text."""

    def __str__(self) -> str:
        return bundle(self).get("text/plain") or repr(self)

    def _repr_mimebundle_(self, include=None, exclude=None):
        shown = bundle(self)
        if include:
            shown = {mime: value for mime, value in shown.items() if mime in include}
        if exclude:
            shown = {mime: value for mime, value in shown.items() if mime not in exclude}
        return shown
