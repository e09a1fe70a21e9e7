"""kwpkg: a small package used to test sphinx-kwindex."""

from .shapes import Circle, Square as Sq
from . import util

__all__ = ["Circle", "Sq", "util", "__version__"]
__version__ = "1.0"
