"""What a rule is: metadata, a docstring that is its documentation page, and a check.

A rule is a class. Its docstring follows fixed headings — 作用 / 为什么 /
示例（错误） / 示例（正确） / 选项 — and ``reportlint explain CODE`` prints it.
``check`` receives a :class:`~reportlint.model.Report` and a
:class:`RuleContext` and yields :class:`Finding` objects; the engine adds the
code, name and severity. Rules hold no state between reports and never print.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

from reportlint.model import Era
from reportlint.source import Span
from reportlint.records import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    from typing import Any, ClassVar

    from reportlint.model import Report
    from reportlint.profiles import Profile


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def label(self, lang: str) -> str:
        if lang == "zh":
            return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]
        return self.value


class Message(Record):
    """A message in both languages; the formatter picks one."""

    __slots__ = ("zh", "en")

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Edit(Record):
    """Replace the text of ``span`` in the original file with ``replacement``."""

    __slots__ = ("span", "replacement")

    def __init__(self, span: Span, replacement: str) -> None:
        self.span = span
        self.replacement = replacement


class Finding(Record):
    """What a rule reports: where, what (both languages), the evidence, an optional fix."""

    __slots__ = ("span", "message", "evidence", "fix")

    def __init__(self, span: Span, message: Message, evidence: Mapping[str, Any] | None = None,
                 fix: tuple[Edit, ...] = ()) -> None:
        self.span = span
        self.message = message
        self.evidence = {} if evidence is None else evidence
        self.fix = fix


class RuleContext(Record):
    """What the engine gives a rule besides the report: its options and the active profile."""

    __slots__ = ("options", "profile")

    def __init__(self, options: Mapping[str, Any], profile: "Profile") -> None:
        self.options = options
        self.profile = profile


ALL_ERAS = frozenset(Era)


class Rule:
    """Base class of every rule. Subclasses set the class attributes below."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    eras: ClassVar[frozenset[Era]] = ALL_ERAS
    fixable: ClassVar[bool] = False
    #: What must be known before the rule can decide: "structure" (the report
    #: has numbered headings) and/or "year" (the report year, hence the era).
    requires: ClassVar[frozenset[str]] = frozenset({"structure"})
    #: Option defaults; configuration may override them per rule.
    options: ClassVar[Mapping[str, Any]] = {}
    #: Rules the engine raises itself (E001, E900) are listed and documented but not run.
    engine_only: ClassVar[bool] = False
    #: Cross-report rules (X7xx) compare last year's report with this year's: the engine
    #: calls ``check_pair(previous, current, ctx)`` after all files instead of ``check``.
    cross_report: ClassVar[bool] = False

    def check(self, report: "Report", ctx: RuleContext) -> Iterable[Finding]:
        raise NotImplementedError

    def check_pair(self, previous: "Report", current: "Report", ctx: RuleContext) -> Iterable[Finding]:
        """Findings on ``current`` from comparing it with ``previous`` (cross-report rules only)."""
        raise NotImplementedError

    def finding(self, span: Span, zh: str, en: str, *, fix: tuple[Edit, ...] = (), **evidence: Any) -> Finding:
        return Finding(span, Message(zh, en), evidence, fix)

    #: The English documentation page, with the headings Purpose / Why /
    #: Wrong / Right / Options (the docstring is the Chinese page).
    doc_en: ClassVar[str] = ""

    @classmethod
    def doc(cls, lang: str = "zh") -> str:
        """The documentation page in ``lang``; Chinese when no English page exists."""
        import inspect  # only documentation needs it, and it costs ~10 ms of every start

        if lang == "en" and cls.doc_en:
            return inspect.cleandoc(cls.doc_en)
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls, lang: str = "zh") -> str:
        """The first line of the documentation page (its one-line description)."""
        page = cls.doc(lang)
        return page.splitlines()[0] if page else ""
