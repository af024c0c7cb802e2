"""The Funnel tab: slice selectors, headline figures, charts, the figures table, drill-down
and the meeting report."""
