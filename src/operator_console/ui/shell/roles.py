"""Staff roles as the screens name them, in the console's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_name(role: str) -> str:
    """The name of `role` on the screens; an unknown role as it is stored."""
    names = {
        "operator": QCoreApplication.translate("MainWindow", "Operator"),
        "dispatcher": QCoreApplication.translate("MainWindow", "Dispatcher"),
        "supervisor": QCoreApplication.translate("MainWindow", "Supervisor"),
        "admin": QCoreApplication.translate("MainWindow", "Administrator"),
    }
    return names.get(role, role)
