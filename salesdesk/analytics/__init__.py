"""Fast figures: a columnar numpy cache of the deals, answering slices with domain tallies.

Imports domain and numpy only; app.py and cli.py hand it the store's column export.
"""

from salesdesk.analytics.cache import AnalyticsCache, CacheColumns
from salesdesk.analytics.growth import growth_report, growth_tallies

__all__ = ["AnalyticsCache", "CacheColumns", "growth_report", "growth_tallies"]
