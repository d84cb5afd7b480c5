"""Qt item models behind the window's lists and tables.

Model/view instead of ``QListWidget``/``QTreeWidget`` items: an item widget builds Qt objects
for every row (slow for thousands of sessions), and PySide6 6.12.0 on Python 3.11 loses a
reference to ``None`` in each such call until the interpreter aborts. A model hands Qt only
the rows it paints, and costs no call per row when it is filled.
"""
