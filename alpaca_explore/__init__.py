"""alpaca-explore: load Alpaca-format instruction datasets into SQLite and explore them with Datasette."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["AlpacaExploreError", "LoadSummary", "__version__", "export", "load"]

_API = {"AlpacaExploreError": "errors", "LoadSummary": "pipeline", "load": "pipeline", "export": "output"}


def __getattr__(name: str):
    # Imported on first use, so that the command line can decide what loads first (see cli.py).
    if name in _API:
        import importlib

        return getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
