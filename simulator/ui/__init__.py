"""The PySide6 window: a main window composing pages, widgets, and the glue to the runner.

Nothing here touches audio, speech models or the database directly: every such call goes
through ``AppServices`` (see ``ui.services_api`` for the part the window uses), slow calls run
on the background helper in ``ui.tasks``, and a live session runs on the thread started by
``ui.bridge``.
"""
