"""alpaca-explore: load Alpaca-format instruction datasets into SQLite and explore them with Datasette."""

__version__ = "0.1.0"

from .errors import AlpacaExploreError  # noqa: E402
from .output import export  # noqa: E402
from .pipeline import LoadSummary, load  # noqa: E402

__all__ = ["AlpacaExploreError", "LoadSummary", "__version__", "export", "load"]
