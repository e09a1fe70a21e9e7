"""A package whose modules exercise every code-insight key.
A trailing ``# +key`` comment marks each line that must be reported under ``key``;
``# near-miss`` comments explain constructs that must NOT be reported.
"""

import logging

__all__ = ["caching", "classes", "concurrency", "danger", "decorators", "legacy", "state"]
__version__ = "1.0"

# The usual library idiom: two references to the logging module on one line.
logging.getLogger(__name__).addHandler(logging.NullHandler())  # +logging
