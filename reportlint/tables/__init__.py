"""The three tables of fmt2019/fmt2021 reports (DOMAIN.md §3), read from any layout.

Row and column identity comes from the canonical labels, not from grid
geometry: the same parser reads tab-separated rows, pipe rows, markdown
tables, one cell per line, and a label line followed by a numbers line,
because in every layout the cells arrive in reading order and every row
starts with its label.
"""
