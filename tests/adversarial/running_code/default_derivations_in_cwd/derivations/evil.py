"""Adversarial payload for symgrad: it must NEVER be executed by `symgrad check`.

If it runs, it leaves a marker file and nothing else.
"""
import os
import pathlib
import tempfile

_where = pathlib.Path(os.environ.get("SYMGRAD_ADVERSARIAL_MARKERS") or tempfile.gettempdir())
(_where / "symgrad-ran-default_derivations_in_cwd-evil").write_text("executed by symgrad check\n")
