"""The three tables of fmt2019/fmt2021 reports (DOMAIN.md §3), read from any layout.

Row and column identity comes from the canonical labels, not from grid
geometry: the same parser reads tab-separated rows, pipe rows, markdown
tables, one cell per line, and a label line followed by a numbers line,
because in every layout the cells arrive in reading order and every row
starts with its label.
"""


class Memory(dict):
    """Results remembered by the text they were computed from, bounded in entries and in size.

    Table labels and small numbers recur within a report and from report to
    report, so remembering what a text gave saves the work the second time.
    When full, the memory starts again (cheaper than tracking use); a key
    longer than ``largest`` characters is not kept, so a batch of reports with
    huge cells does not keep their texts alive.
    """

    __slots__ = ("limit", "largest")

    def __init__(self, limit: int = 4096, largest: int = 400) -> None:
        super().__init__()
        self.limit = limit
        self.largest = largest

    def keep(self, key: object, value: object, size: int) -> object:
        """Remember ``value`` for ``key`` (whose texts are ``size`` characters long); return ``value``."""
        if size <= self.largest:
            if len(self) >= self.limit:
                self.clear()
            self[key] = value
        return value
