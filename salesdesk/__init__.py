"""salesdesk: an offline deal tracker that answers conversion and deal-length questions."""

__version__ = "0.1.0"
