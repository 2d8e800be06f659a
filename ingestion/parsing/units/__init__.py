"""The reporting unit: what a unit's name looks like, and every place a report names its own.

``unit`` decides the unit from the sources below, strongest first; ``names`` is the shape of a
unit's name (office suffix, region prefix) the others share.
"""
