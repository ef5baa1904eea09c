"""reportlint — a linter for 政府信息公开工作年度报告 (government information-disclosure annual reports).

The flow is one-directional: reader → Source → grammar → Report → rules →
Diagnostics → formatter. See ARCHITECTURE in the project's shared design notes.
"""

__version__ = "0.1.0"
