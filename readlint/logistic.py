"""The chance a logistic model gives: the shipped models (data/link-model.json,
data/jargon-model.json) are weights over named features, fitted by scripts in tools/."""

from __future__ import annotations

import math
from collections.abc import Sequence


def chance(intercept: float, weights: Sequence[float], values: Sequence[float]) -> float:
    """1 / (1 + e^-(intercept + weights . values)), the score kept within +-30."""
    score = intercept + sum(w * v for w, v in zip(weights, values, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
