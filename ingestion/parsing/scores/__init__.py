"""The self-evaluation score (``self_score``) stated outside a readable score table.

``total`` reads it in prose or a form's 自评得分 cell, ``flat`` from a form run onto one line,
``column`` from a one-project results list with its cells one per line.
"""
