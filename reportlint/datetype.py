"""``datetime.date``, without importing the ``datetime`` module (~5 M instructions of every start).

CPython's ``datetime.py`` first defines its whole pure-Python implementation and
only then replaces it with the C module ``_datetime``; a one-file check paid for
classes it never used. The class here is the very same object as
``datetime.date`` (a date from tomllib or from a plugin compares, hashes and
passes ``isinstance`` alike); on a Python without ``_datetime`` it comes from
``datetime`` itself.
"""

try:
    from _datetime import date
except ImportError:  # not CPython: the standard module
    from datetime import date

__all__ = ["date"]
