"""The projects (or funds) a report is about or lists, with their figures.

``merge`` takes the report's projects from the first source that names any: the 项目支出
breakdown (``breakdown``), announcement lists, single-project names, forms, prose lists and items.
"""
