"""Student's t distribution and Welch's interval for a difference of means, from the
standard library only (the domain imports no numpy or scipy)."""

from __future__ import annotations

import math
import statistics


def _continued_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the regularised incomplete beta function (modified Lentz's
    method, Numerical Recipes §6.4); converges fast for x < (a + 1) / (a + b + 2)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 10_000):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return result


def _incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                     + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _continued_fraction(a, b, x) / a
    return 1.0 - front * _continued_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T ≤ t) for Student's t with ``df`` degrees of freedom."""
    tail = 0.5 * _incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def _t_pdf(t: float, df: float) -> float:
    log_density = (math.lgamma((df + 1) / 2) - math.lgamma(df / 2)
                   - 0.5 * math.log(df * math.pi) - (df + 1) / 2 * math.log1p(t * t / df))
    return math.exp(log_density)


_CORNISH_FISHER_DF = 1000.0  # from here on the expansion's error is below 1e-13


def _cornish_fisher(z: float, df: float) -> float:
    """The t quantile from the normal one (Abramowitz & Stegun 26.7.5, terms to df⁻⁴)."""
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


def t_quantile(p: float, df: float) -> float:
    """The ``p`` quantile of Student's t with ``df`` ≥ 1 degrees of freedom (t(0.975, 10) =
    2.228…).

    Exact closed forms for 1 and 2 degrees of freedom; from 1000 on the Cornish–Fisher expansion
    around ``statistics.NormalDist`` (error below 1e-13); in between, Newton's method on the
    exact distribution function (the regularised incomplete beta function), started at the
    normal quantile: the distribution function is concave above 0, so the steps approach the
    root from below without overshooting. Accurate to about 1e-12.
    """
    if not 0.0 < p < 1.0:
        raise ValueError("p must lie strictly between 0 and 1")
    if not df >= 1.0:
        raise ValueError("t quantiles need at least 1 degree of freedom")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    if p == 0.5:
        return 0.0
    if df == 1.0:
        return math.tan(math.pi * (p - 0.5))
    if df == 2.0:
        return (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    z = statistics.NormalDist().inv_cdf(p)
    if df >= _CORNISH_FISHER_DF:
        return _cornish_fisher(z, df)
    t = z
    for _ in range(200):
        step = (p - t_cdf(t, df)) / _t_pdf(t, df)
        t += step
        if abs(step) <= 1e-13 * t:
            break
    return t


def welch_interval(n1: int, mean1: float, var1: float, n2: int, mean2: float, var2: float,
                   level: float = 0.95) -> tuple[float, float] | None:
    """The Welch interval of mean1 − mean2 from two samples' sizes, means and variances; None
    unless both samples hold at least 2 values. Two samples without spread give the exact
    difference twice."""
    if n1 < 2 or n2 < 2:
        return None
    difference = mean1 - mean2
    a, b = var1 / n1, var2 / n2
    se2 = a + b
    if se2 == 0:
        return difference, difference
    # Welch–Satterthwaite degrees of freedom; never below min(n1, n2) − 1 ≥ 1 in exact
    # arithmetic, so the clamp only absorbs rounding.
    df = max(1.0, se2 * se2 / (a * a / (n1 - 1) + b * b / (n2 - 1)))
    half = t_quantile(0.5 + level / 2, df) * math.sqrt(se2)
    return difference - half, difference + half
