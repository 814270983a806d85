"""readlint's version (one place: the package, the cache keys and the build read it)."""

__version__ = "0.1.0"
