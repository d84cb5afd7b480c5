"""The PySide6 window: a main window composing pages, widgets, and the glue to the runner.

Nothing here touches audio, speech models or the database directly: every such call goes
through the services' façades (each flow or dialog types what it uses as a Protocol beside
it), slow calls run on the background helper in ``ui.tasks``, and a live session runs on the
thread started by ``ui.bridge``; every page switch goes through ``ui.navigator``.
"""
