"""Amounts as integers of 0.01 万元 (100 yuan), the precision reports state, and their spellings.

Figures are generated and summed as integers, then written once as a decimal string; the same
string goes into the text and the truth, so "5.0" in a report is "5.0" in its truth.
"""

from __future__ import annotations

import random
from decimal import Decimal

Hundredths = int  # an amount in 0.01 万元


def spell(amount: Hundredths, rng: random.Random) -> str:
    """One way a report writes this amount: 612, 612.0, 612.00, 5.3, 861.55 ..."""
    whole, frac = divmod(abs(amount), 100)
    sign = "-" if amount < 0 else ""
    if frac == 0:
        tail = rng.choice(("", "", ".0", ".00"))
    elif frac % 10 == 0:
        tail = rng.choice((f".{frac // 10}", f".{frac // 10}", f".{frac:02d}"))
    else:
        tail = f".{frac:02d}"
    return f"{sign}{whole}{tail}"


def as_decimal(amount: Hundredths) -> Decimal:
    return Decimal(amount).scaleb(-2)


def split(rng: random.Random, total: Hundredths, parts: int, floor: Hundredths = 30) -> list[Hundredths]:
    """``parts`` positive amounts that add up to ``total`` exactly, in random proportions."""
    if parts < 1 or total < parts * floor:
        raise ValueError(f"cannot split {total} into {parts} parts of at least {floor}")
    weights = [rng.uniform(0.2, 1.0) for _ in range(parts)]
    spare = total - parts * floor
    shares = [floor + int(spare * w / sum(weights)) for w in weights]
    shares[0] += total - sum(shares)
    return shares


def between(rng: random.Random, low_wan: int, high_wan: int) -> Hundredths:
    """A random amount between two whole 万元 figures."""
    return rng.randint(low_wan * 100, high_wan * 100)
