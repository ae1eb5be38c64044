"""Data shipped with Factdesk (icons, the desktop entry and AppStream metainfo, the label
colours, vocabulary), installed as the package ``desktop.resources``: read it through
``desktop.settings.resources_dir()``."""
