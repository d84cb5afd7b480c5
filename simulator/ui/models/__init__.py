"""Qt item models behind the window's lists and tables.

Model/view instead of ``QListWidget``/``QTreeWidget`` items: an item widget builds one Python
object per row (slow for thousands of sessions), and PySide6 6.12.0 loses references to
``None`` in ``QListWidgetItem.setData``/``addItem`` until the interpreter aborts. A model
hands Qt only the rows it paints.
"""
