"""hlaw: an offline command-line reference to humanitarian law."""

__version__ = "0.1.0"
