"""Exports of one saved session: a report (HTML, or PDF through Qt), metrics as CSV, and the
recordings as a zip.

``content`` builds the report's HTML with no Qt; ``tables`` writes the CSV and the zip with the
standard library; ``pdf`` lays the HTML out with Qt's ``QTextDocument`` and ``QPdfWriter``
(the only module here that imports Qt, and only QtGui and QtCore: no widgets). Import ``pdf``
only when a PDF is asked for, so other exports and commands do not pay for Qt.
"""
