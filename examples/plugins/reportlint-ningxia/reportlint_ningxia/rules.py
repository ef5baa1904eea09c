"""NX101: the contact telephone's area code is not a local one."""

import re

from reportlint.rule import Rule, Severity

# A landline number with its area code: 010 and 02x are three digits, the others four.
_PHONE_RE = re.compile(r"(?<![0-9])(010|02[0-9]|0[3-9][0-9]{2})[-－—]?([0-9]{7,8})(?![0-9])")
_CUE_RE = re.compile(r"电话|热线|传真|联系")


class ContactAreaCode(Rule):
    """联系电话的区号不是本地区号（NX101）。

    作用
        报告中给出的联系电话（同一段落中出现“电话”“热线”“传真”“联系”）如果
        带有区号，区号应是本地的区号。默认是宁夏各市的区号 0951（银川）、
        0952（石嘴山）、0953（吴忠）、0954（固原）、0955（中卫）。

    为什么
        区号不对，多半是照抄了外地的报告模板而忘了改，公众按报告上的电话
        也联系不上。

    示例（错误）
        如对本报告有疑问，请与局办公室联系（电话：0937-8821645）。

    示例（正确）
        如对本报告有疑问，请与局办公室联系（电话：0951-5012345）。

    选项
        area-codes：本地区号列表，默认 ["0951", "0952", "0953", "0954", "0955"]。
        例如 [tool.reportlint.rules.NX101] area-codes = ["0951"]。
    """

    doc_en = """The contact telephone's area code is not a local one (NX101).

    Purpose
        A telephone number given in the report (a paragraph that mentions 电话,
        热线, 传真 or 联系) should carry a local area code: by default those of
        Ningxia, 0951–0955.

    Why
        A foreign area code usually means another region's template was copied
        and not adapted; the public cannot reach the office on that number.

    Wrong
        如对本报告有疑问，请与局办公室联系（电话：0937-8821645）。

    Right
        如对本报告有疑问，请与局办公室联系（电话：0951-5012345）。

    Options
        area-codes: the local area codes, default ["0951", "0952", "0953", "0954", "0955"].
    """

    code = "NX101"
    name = "contact-area-code"
    severity = Severity.WARNING
    options = {"area-codes": ["0951", "0952", "0953", "0954", "0955"]}

    def check(self, report, ctx):
        local = set(ctx.options["area-codes"])
        shown = "、".join(sorted(local))
        for block in report.text_blocks():
            text = block.text
            if not _CUE_RE.search(text):
                continue
            for m in _PHONE_RE.finditer(text):
                area = m.group(1)
                if area in local:
                    continue
                yield self.finding(
                    block.span(m.start(), m.end()),
                    f"联系电话 {m.group(0)} 的区号 {area} 不是本地区号（{shown}），可能沿用了其他地区的模板",
                    f"the area code {area} of the telephone {m.group(0)} is not a local one ({', '.join(sorted(local))}): "
                    "was another region's template copied?",
                    area_code=area, number=m.group(0),
                )
