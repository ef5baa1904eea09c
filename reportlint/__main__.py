"""Allow ``python -m reportlint``: the same program as the ``reportlint`` command."""

from reportlint.program import run

run()
