"""LALR(1) tables of grammars/report.lark, compiled by lark. Generated: do not edit.

Write again with ``python -m reportlint.lalr`` after changing the grammar
(tests/test_lalr.py fails while this file is stale).
"""

LARK_VERSION = '1.3.1'
GRAMMAR = "// The structure of an annual report, over classified lines.\n//\n// The line lexer in reportlint/parse.py turns every logical line (after the\n// reader's repair) into one token; this grammar arranges them. The heading\n// hierarchy is deliberately flat here and built by the transformer with a\n// level stack, so a heading in the wrong place (（一） under 1.) becomes an\n// S104 finding instead of a parse error.\n\n%declare TITLE META HEADING1 HEADING2 HEADING3 HEADING4 TEXT ROW SIGNATURE CLOSING_DATE\n\nstart: title? _item* closing?\n\ntitle: TITLE\n\n_item: heading\n     | paragraph\n     | table\n     | meta\n\nheading: HEADING1 | HEADING2 | HEADING3 | HEADING4\nparagraph: TEXT\nmeta: META\ntable: ROW+\n\nclosing: SIGNATURE* CLOSING_DATE\n"
START = 0
ACCEPT = 19
RULES = (
    ('start', 0, False),
    ('closing', 1, False),
    ('heading', 1, False),
    ('heading', 1, False),
    ('heading', 1, False),
    ('heading', 1, False),
    ('meta', 1, False),
    ('__table_plus_1', 1, True),
    ('__closing_star_2', 1, True),
    ('paragraph', 1, False),
    ('title', 1, False),
    ('start', 1, False),
    ('table', 1, False),
    ('__start_star_0', 1, True),
    ('start', 1, False),
    ('_item', 1, True),
    ('_item', 1, True),
    ('_item', 1, True),
    ('_item', 1, True),
    ('start', 1, False),
    ('closing', 2, False),
    ('__closing_star_2', 2, True),
    ('__start_star_0', 2, True),
    ('start', 2, False),
    ('__table_plus_1', 2, True),
    ('start', 2, False),
    ('start', 2, False),
    ('start', 3, False),
)
STATES = (
    {'$END': -1, 'CLOSING_DATE': 1, 'HEADING1': 2, 'HEADING2': 3, 'HEADING3': 4, 'HEADING4': 5, 'META': 6, 'ROW': 7, 'SIGNATURE': 8, 'TEXT': 9, 'TITLE': 10, '__closing_star_2': 11, '__start_star_0': 12, '__table_plus_1': 13, '_item': 14, 'closing': 15, 'heading': 16, 'meta': 17, 'paragraph': 18, 'start': 19, 'table': 20, 'title': 21},
    {'$END': -2},
    {'$END': -3, 'CLOSING_DATE': -3, 'HEADING1': -3, 'HEADING2': -3, 'HEADING3': -3, 'HEADING4': -3, 'META': -3, 'ROW': -3, 'SIGNATURE': -3, 'TEXT': -3},
    {'$END': -4, 'CLOSING_DATE': -4, 'HEADING1': -4, 'HEADING2': -4, 'HEADING3': -4, 'HEADING4': -4, 'META': -4, 'ROW': -4, 'SIGNATURE': -4, 'TEXT': -4},
    {'$END': -5, 'CLOSING_DATE': -5, 'HEADING1': -5, 'HEADING2': -5, 'HEADING3': -5, 'HEADING4': -5, 'META': -5, 'ROW': -5, 'SIGNATURE': -5, 'TEXT': -5},
    {'$END': -6, 'CLOSING_DATE': -6, 'HEADING1': -6, 'HEADING2': -6, 'HEADING3': -6, 'HEADING4': -6, 'META': -6, 'ROW': -6, 'SIGNATURE': -6, 'TEXT': -6},
    {'$END': -7, 'CLOSING_DATE': -7, 'HEADING1': -7, 'HEADING2': -7, 'HEADING3': -7, 'HEADING4': -7, 'META': -7, 'ROW': -7, 'SIGNATURE': -7, 'TEXT': -7},
    {'$END': -8, 'CLOSING_DATE': -8, 'HEADING1': -8, 'HEADING2': -8, 'HEADING3': -8, 'HEADING4': -8, 'META': -8, 'ROW': -8, 'SIGNATURE': -8, 'TEXT': -8},
    {'CLOSING_DATE': -9, 'SIGNATURE': -9},
    {'$END': -10, 'CLOSING_DATE': -10, 'HEADING1': -10, 'HEADING2': -10, 'HEADING3': -10, 'HEADING4': -10, 'META': -10, 'ROW': -10, 'SIGNATURE': -10, 'TEXT': -10},
    {'$END': -11, 'CLOSING_DATE': -11, 'HEADING1': -11, 'HEADING2': -11, 'HEADING3': -11, 'HEADING4': -11, 'META': -11, 'ROW': -11, 'SIGNATURE': -11, 'TEXT': -11},
    {'CLOSING_DATE': 22, 'SIGNATURE': 23},
    {'$END': -12, 'CLOSING_DATE': 1, 'HEADING1': 2, 'HEADING2': 3, 'HEADING3': 4, 'HEADING4': 5, 'META': 6, 'ROW': 7, 'SIGNATURE': 8, 'TEXT': 9, '__closing_star_2': 11, '__table_plus_1': 13, '_item': 24, 'closing': 25, 'heading': 16, 'meta': 17, 'paragraph': 18, 'table': 20},
    {'$END': -13, 'CLOSING_DATE': -13, 'HEADING1': -13, 'HEADING2': -13, 'HEADING3': -13, 'HEADING4': -13, 'META': -13, 'ROW': 26, 'SIGNATURE': -13, 'TEXT': -13},
    {'$END': -14, 'CLOSING_DATE': -14, 'HEADING1': -14, 'HEADING2': -14, 'HEADING3': -14, 'HEADING4': -14, 'META': -14, 'ROW': -14, 'SIGNATURE': -14, 'TEXT': -14},
    {'$END': -15},
    {'$END': -16, 'CLOSING_DATE': -16, 'HEADING1': -16, 'HEADING2': -16, 'HEADING3': -16, 'HEADING4': -16, 'META': -16, 'ROW': -16, 'SIGNATURE': -16, 'TEXT': -16},
    {'$END': -17, 'CLOSING_DATE': -17, 'HEADING1': -17, 'HEADING2': -17, 'HEADING3': -17, 'HEADING4': -17, 'META': -17, 'ROW': -17, 'SIGNATURE': -17, 'TEXT': -17},
    {'$END': -18, 'CLOSING_DATE': -18, 'HEADING1': -18, 'HEADING2': -18, 'HEADING3': -18, 'HEADING4': -18, 'META': -18, 'ROW': -18, 'SIGNATURE': -18, 'TEXT': -18},
    {},
    {'$END': -19, 'CLOSING_DATE': -19, 'HEADING1': -19, 'HEADING2': -19, 'HEADING3': -19, 'HEADING4': -19, 'META': -19, 'ROW': -19, 'SIGNATURE': -19, 'TEXT': -19},
    {'$END': -20, 'CLOSING_DATE': 1, 'HEADING1': 2, 'HEADING2': 3, 'HEADING3': 4, 'HEADING4': 5, 'META': 6, 'ROW': 7, 'SIGNATURE': 8, 'TEXT': 9, '__closing_star_2': 11, '__start_star_0': 27, '__table_plus_1': 13, '_item': 14, 'closing': 28, 'heading': 16, 'meta': 17, 'paragraph': 18, 'table': 20},
    {'$END': -21},
    {'CLOSING_DATE': -22, 'SIGNATURE': -22},
    {'$END': -23, 'CLOSING_DATE': -23, 'HEADING1': -23, 'HEADING2': -23, 'HEADING3': -23, 'HEADING4': -23, 'META': -23, 'ROW': -23, 'SIGNATURE': -23, 'TEXT': -23},
    {'$END': -24},
    {'$END': -25, 'CLOSING_DATE': -25, 'HEADING1': -25, 'HEADING2': -25, 'HEADING3': -25, 'HEADING4': -25, 'META': -25, 'ROW': -25, 'SIGNATURE': -25, 'TEXT': -25},
    {'$END': -26, 'CLOSING_DATE': 1, 'HEADING1': 2, 'HEADING2': 3, 'HEADING3': 4, 'HEADING4': 5, 'META': 6, 'ROW': 7, 'SIGNATURE': 8, 'TEXT': 9, '__closing_star_2': 11, '__table_plus_1': 13, '_item': 24, 'closing': 29, 'heading': 16, 'meta': 17, 'paragraph': 18, 'table': 20},
    {'$END': -27},
    {'$END': -28},
)
