"""File names in the data folder that are needed before pathlib is: ``paths`` finds the
database for ``sessions list --json`` from these (``files.DataLayout`` uses them too)."""

#: The database's file name in the data folder (``DataLayout.db_path``).
DB_FILE_NAME = "hotseat.db"
