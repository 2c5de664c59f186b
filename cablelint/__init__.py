"""cablelint: a validator and linter for US State Department cables (telegram text format).

Python API::

    from cablelint import lint_text, lint_path
    diagnostics = lint_text(text, path="oslo-412.cable")
"""

__version__ = "0.1.0"

__all__ = ["lint_text", "lint_path", "__version__"]


def __getattr__(name):
    # Imported on first use: `cablelint --help` need not load the grammar or the rules.
    if name in ("lint_text", "lint_path"):
        from . import engine

        return getattr(engine, name)
    raise AttributeError(name)
