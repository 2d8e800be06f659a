"""The unit's budget figures (``amounts_wan``): reading written money and placing each figure.

``money`` turns written amounts into exact 万元 strings; ``budget`` reads the prose figures clause by
clause (``clause``), ``placing`` decides where a stated figure goes once the report's kind is known.
"""
