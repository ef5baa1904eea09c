"""Normalising table labels before matching them.

Real extractions differ from the official labels in ways that do not change
meaning: spaces and line breaks inside a label, full- or half-width
brackets, curly or straight quotes, "、" for "，", full-width digits and
Traditional characters on mirror sites. All of that is folded away here.
"""

from __future__ import annotations

import re

from reportlint import rx
from reportlint.tables import Memory

# Traditional → Simplified for every character that occurs in the official labels
# (and a few common neighbours), aligned character by character.
_TRADITIONAL = "開請數結轉處辦與復複覆議訟訴審計總屬於國規範務過執詢項機關現製補確訪舉報無當認獲資訊業團織組營構會維糾經後許罰強費額單萬採購廢發効對決區這個則條類內險穩護權實際況歸檔產應縣鎮鄉號協調證據聯繫從為沒頭邊幫閱覽專門間時繼續減繳納"
_SIMPLIFIED = "开请数结转处办与复复复议讼诉审计总属于国规范务过执询项机关现制补确访举报无当认获资讯业团织组营构会维纠经后许罚强费额单万采购废发效对决区这个则条类内险稳护权实际况归档产应县镇乡号协调证据联系从为没头边帮阅览专门间时继续减缴纳"
_TRAD = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
_FOLD = str.maketrans({
    "（": "(", "）": ")", "［": "[", "］": "]", "“": '"', "”": '"', "‘": "'", "’": "'", "＂": '"',
    "，": "、", ",": "、", "．": ".", "：": ":", "；": ";", "／": "/", "＋": "+", "－": "-", "—": "-",
    **{chr(0xFF10 + i): str(i) for i in range(10)},
})

# One substitution table for both foldings (their keys and values do not overlap, so
# applying them together equals applying them one after the other), used by one regex
# pass: labels and prose are mostly characters that need no folding, and re.sub touches
# only the few that do, where str.translate looks up every character (about 3× slower).
_ONE_CHAR = {chr(k): v if isinstance(v, str) else chr(v) for table in (_TRAD, _FOLD) for k, v in table.items()}
_FOLD_OR_SPACE_RE = rx.compile("[" + re.escape("".join(_ONE_CHAR)) + r"]|\s+")


def _fold_match(m: re.Match[str]) -> str:
    return _ONE_CHAR.get(m.group(), "")  # whitespace is not in the table: dropped


# Folded texts by text: the reader folds each line that may belong to a table and the
# extraction each cell, and the same labels recur from report to report.
_FOLDED = Memory()


def norm_label(text: str) -> str:
    """Fold a label for matching: no whitespace, half-width brackets, Simplified characters."""
    folded = _FOLDED.get(text)
    if folded is None:
        folded = _FOLDED.keep(text, _FOLD_OR_SPACE_RE.sub(_fold_match, text), len(text))
    return folded
