"""A package whose modules test links to source lines."""
