"""Run a grammar that lark compiled to LALR(1) tables, without importing lark.

The report grammar (``grammars/report.lark``) is compiled by lark: lark checks
it, finds its conflicts and builds the LALR(1) tables. Importing lark and its
grammar loader costs ~22 ms of every one-file check, and lark's parser does
generic work for every token (a Token object, a tree-builder callback, a
transformer lookup) that costs ~1.5 ms per report for our ~170 line tokens.
This module keeps lark's tables as plain data and runs them with a small
shift/reduce loop:

- :func:`compile_grammar` asks lark for the tables (lark is imported only
  here) and renumbers the states in a fixed order, so the same grammar always
  gives the same tables;
- ``grammars/report_lalr.py`` holds them for the shipped grammar, together with
  the grammar text they were built from; ``python -m reportlint.lalr`` writes
  it again after the grammar changes, and a test fails while it is stale. A
  grammar that differs from the stored text is compiled by lark at run time,
  so an edited grammar is never run with old tables;
- :func:`run` drives the tables. It shapes the result the way lark's tree
  builder does for the features the grammar uses: rules and the helper rules
  lark generates for ``x*``/``x+`` whose names start with ``_`` are spliced into
  their parent; every other rule calls its callback with its children.
  :func:`compile_grammar` refuses the features it does not reproduce (aliases,
  ``?rule``, filtered or anonymous tokens), and a test compares the result with
  lark's own parse on many reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from itertools import chain

from reportlint.records import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    from typing import Any

END = "$END"


class Tables(Record):
    """LALR(1) tables as plain data.

    ``states[s][symbol]`` is an action: a number ``n >= 0`` shifts a terminal
    (or, for a rule name, goes to a state after a reduction) to state ``n``;
    ``n < 0`` reduces by ``rules[~n]``. ``rules`` holds (name, length,
    spliced) for each grammar rule.

    A record, not a ``typing.NamedTuple``: a NamedTuple class compiles its
    generated ``__new__`` and each annotation at import, ~12 M instructions
    (~3 ms) of every start.
    """

    __slots__ = ("start", "accept", "rules", "states")

    def __init__(self, start: int, accept: int, rules: tuple[tuple[str, int, bool], ...],
                 states: tuple[Mapping[str, int], ...]) -> None:
        self.start = start
        self.accept = accept
        self.rules = rules
        self.states = states


class LalrError(Exception):
    """A token that the grammar does not allow where it stands."""

    def __init__(self, symbol: str, position: Any, expected: Iterable[str]) -> None:
        self.symbol, self.position, self.expected = symbol, position, sorted(expected)
        super().__init__(f"unexpected {symbol} at {position!r}; expected one of {', '.join(self.expected)}")


class _Spliced(list):
    """The children of a rule that is spliced into its parent (``_item``, ``__start_star_0`` …)."""

    __slots__ = ()


def run(tables: Tables, tokens: Iterable[tuple[str, Any]], callbacks: Mapping[str, Callable[[list], Any]]) -> Any:
    """Parse ``tokens`` — (terminal name, value) pairs — and return the start rule's callback value.

    A terminal's value is passed to the callbacks as the whole pair. Raises
    :class:`LalrError` on a token the grammar does not allow.

    Every token costs a shift and about two reductions (``paragraph``, then
    the list of the ``(…)*`` repetition), so the loop keeps their work small: a
    rule's children need flattening only when one of them comes from a spliced
    rule, which depends on the rule alone and is found out at its first
    reduction, not looked for at every one; and a repetition's list grows in
    place, without a call.
    """
    states, accept = tables.states, tables.accept
    # Per rule: [name, length, callback (None for a spliced rule), children need flattening (None: not known yet)].
    rules = [[name, size, None if spliced else callbacks[name], None] for name, size, spliced in tables.rules]
    state = tables.start
    state_stack = [state]
    value_stack: list = []
    for token in chain(tokens, _END_TOKEN):
        symbol = token[0]
        while True:
            action = states[state].get(symbol)
            if action is None:
                raise LalrError(symbol, token[1], (s for s in states[state] if s.isupper()))
            if action >= 0:
                state = action
                state_stack.append(state)
                value_stack.append(token)
                break
            rule = rules[~action]
            name, size, callback, flatten = rule
            if size == 2 and callback is None and flatten and type(value_stack[-2]) is _Spliced:
                # The step of ``x*`` (a list so far, then one more item): what _spliced does, in place.
                child = value_stack.pop()
                value = value_stack.pop()
                value.extend(child) if type(child) is _Spliced else value.append(child)
                del state_stack[-2:]
                state = states[state_stack[-1]][name]
                state_stack.append(state)
                value_stack.append(value)
                if state == accept and symbol == END:
                    return value
                continue
            if size == 1:  # most reductions: one child, no slicing
                children = [value_stack.pop()]
                state_stack.pop()
            elif size:
                children = value_stack[-size:]
                del value_stack[-size:]
                del state_stack[-size:]
            else:
                children = []
            if flatten is None:
                flatten = rule[3] = any(type(child) is _Spliced for child in children)
            if callback is None:
                value = _spliced(children, flatten)
            else:
                value = callback(_flat(children) if flatten else children)
            state = states[state_stack[-1]][name]
            state_stack.append(state)
            value_stack.append(value)
            if state == accept and symbol == END:
                return value
    raise LalrError(END, None, ())  # pragma: no cover - the end token always ends the loop above


_END_TOKEN = ((END, None),)  # after the last token (chained in C: no generator step per token)


def _spliced(children: list, flatten: bool) -> "_Spliced":
    """The value of a rule spliced into its parent (``flatten``: a child comes from a spliced rule)."""
    if not flatten:
        return _Spliced(children)
    first = children[0] if children else None
    if type(first) is _Spliced:
        # The left-recursive helper of ``x*``: extend the list built so far in
        # place, so a long run of items costs linear time, not quadratic.
        for child in children[1:]:
            first.extend(child) if type(child) is _Spliced else first.append(child)
        return first
    return _Spliced(_flat(children))


def _flat(children: list) -> list:
    """``children`` with the children of spliced rules in their place."""
    if not any(type(child) is _Spliced for child in children):
        return children
    out: list = []
    for child in children:
        out.extend(child) if type(child) is _Spliced else out.append(child)
    return out


# -- building the tables (needs lark) ------------------------------------------------------

def compile_grammar(grammar: str, start: str = "start") -> Tables:
    """Let lark compile ``grammar`` to LALR(1) tables and return them as :class:`Tables`.

    States are renumbered breadth-first from the start state, following the
    symbols in sorted order, so the numbering does not depend on the order of
    lark's sets (which varies with the string hash seed).
    """
    from lark import Lark
    from lark.lexer import Lexer
    from lark.parsers.lalr_analysis import Shift

    class _NoLexer(Lexer):  # the tables are all we want: tokens come from our own line lexer
        def __init__(self, conf) -> None:
            pass

        def lex(self, data):  # pragma: no cover - never called
            return iter(())

    lark = Lark(grammar, parser="lalr", lexer=_NoLexer, start=start)
    for rule in lark.rules:
        if rule.alias or rule.options.expand1 or rule.options.keep_all_tokens:
            raise ValueError(f"reportlint.lalr does not reproduce aliases, ?rules or !rules ({rule.origin.name})")
        for sym in rule.expansion:
            if sym.is_term and (sym.filter_out or sym.name.startswith("_")):
                raise ValueError(f"reportlint.lalr does not reproduce filtered tokens ({sym.name})")
    table = lark.parser.parser._parse_table
    old_states = table.states

    order = [table.start_states[start]]
    number = {order[0]: 0}
    for old in order:  # grows while it is walked: breadth-first
        for symbol in sorted(old_states[old]):
            action, arg = old_states[old][symbol]
            if action is Shift and arg not in number:
                number[arg] = len(order)
                order.append(arg)
    accept = table.end_states[start]
    if accept not in number:
        number[accept] = len(order)
        order.append(accept)

    rule_index: dict = {}
    rules: list[tuple[str, int, bool]] = []
    states = []
    for old in order:
        row = {}
        for symbol in sorted(old_states.get(old, {})):
            action, arg = old_states[old][symbol]
            if action is Shift:
                row[str(symbol)] = number[arg]
            else:
                if arg not in rule_index:
                    rule_index[arg] = len(rules)
                    name = str(arg.origin.name)  # lark's names are Token objects: keep plain text
                    rules.append((name, len(arg.expansion), name.startswith("_")))
                row[str(symbol)] = ~rule_index[arg]
        states.append(row)
    return Tables(0, number[accept], tuple(rules), tuple(states))


def tables_module(grammar: str, tables: Tables) -> str:
    """The text of ``grammars/report_lalr.py`` for ``grammar``."""
    from lark import __version__ as lark_version

    lines = [
        '"""LALR(1) tables of grammars/report.lark, compiled by lark. Generated: do not edit.',
        "",
        "Write again with ``python -m reportlint.lalr`` after changing the grammar",
        "(tests/test_lalr.py fails while this file is stale).",
        '"""',
        "",
        f"LARK_VERSION = {lark_version!r}",
        f"GRAMMAR = {grammar!r}",
        f"START = {tables.start!r}",
        f"ACCEPT = {tables.accept!r}",
        "RULES = (",
        *(f"    {rule!r}," for rule in tables.rules),
        ")",
        "STATES = (",
        *(f"    {dict(row)!r}," for row in tables.states),
        ")",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    """Write ``grammars/report_lalr.py`` from ``grammars/report.lark``."""
    import os

    from reportlint import grammars

    folder = os.path.dirname(grammars.__file__)
    with open(os.path.join(folder, "report.lark"), encoding="utf-8") as fh:
        grammar = fh.read()
    text = tables_module(grammar, compile_grammar(grammar))
    with open(os.path.join(folder, "report_lalr.py"), "w", encoding="utf-8") as fh:
        fh.write(text)
    print(f"wrote {os.path.join(folder, 'report_lalr.py')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
