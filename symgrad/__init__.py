"""symgrad: checks hand-derived gradients, then turns the verified ones into fast code."""

__version__ = "0.1.0"
