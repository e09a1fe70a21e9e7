"""A package for a builder that knows only docutils."""

from plainpkg.shapes import Square, area

__all__ = ["Square", "area"]
