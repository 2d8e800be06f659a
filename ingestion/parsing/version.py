"""The parser's version: part of every extraction's lineage. Bump it whenever output changes."""

PARSER_VERSION = "1.4.0"
