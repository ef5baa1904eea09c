"""Lark grammars, installed as package data of ``reportlint.grammars``."""
