"""display_width counts wide characters twice, whatever mix of scripts a line holds."""

import re

from hypothesis import given
from hypothesis import strategies as st

from reportlint.patterns import display_width

_WIDE = re.compile("[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
                   "\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def test_examples():
    assert display_width("") == 0
    assert display_width("abc") == 3
    assert display_width("年度报告") == 8
    assert display_width("（2017）年 12 月") == 2 + 4 + 2 + 2 + 4 + 2
    assert display_width("𠀀a") == 3  # an astral CJK character is wide too


@given(st.text(alphabet=st.characters(max_codepoint=0x3FFFF), max_size=60))
def test_same_as_counting_every_wide_character(text):
    assert display_width(text) == len(text) + len(_WIDE.findall(text))
