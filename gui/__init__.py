"""The desktop app (PySide6). It reaches the core only through `agent.service.Agent`, its events
(`agent.events`) and the view types it returns (`agent.views`).

shell/    the application, its main window, tray, style, and the bridge that turns agent events
          into Qt signals; pages/ one module per page; widgets/ the parts pages are built from;
          views/ Qt-free presentation: how times, sizes, requests and outcomes read for the owner.
"""
