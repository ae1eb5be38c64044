"""The sample articles a first run imports, installed as the package ``desktop.seeds``:
find them through ``desktop.settings.seeds_dir()``."""
