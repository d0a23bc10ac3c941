"""Starts the Qt application: environment, translations, the startup controller, the loop."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from operator_console.app.screenshot import SCREENSHOT_SIZE, ScreenshotTaker
from operator_console.app.settings import Settings
from operator_console.app.startup import StartupController
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.emoji_font import use_colour_emoji_font
from operator_console.ui.common.language import install_console_catalog
from operator_console.ui.common.wheel_guard import install_wheel_guard
from operator_console.ui.map.page import register_map_schemes
from operator_console.ui.shell.main_window import MainWindow


def prepare_environment(offscreen: bool) -> None:
    """Headless when asked or when there is no display; QtWebEngine's sandbox refuses root."""
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    headless = offscreen or (sys.platform.startswith("linux") and no_display)
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"


def _install_translators(app: QApplication) -> None:
    locale = QLocale()
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (("qtbase", qt_translations),):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", directory):
            app.installTranslator(translator)
    install_console_catalog(app, locale)


def prepare_widgets(app: QApplication) -> None:
    """What every screen, the ones to come included, gets from the application: the wheel
    changes only the input that has focus, and emoji are drawn in colour. (The test suite's
    application gets the same.)"""
    install_wheel_guard(app)
    use_colour_emoji_font()


def run_gui(
    settings: Settings,
    screenshot_dir: Path | None = None,
    screenshot_size: tuple[int, int] = SCREENSHOT_SIZE,
) -> int:
    """Run the console until the user quits (or until the screenshots, of a window of
    `screenshot_size` pixels, are written)."""
    prepare_environment(offscreen=screenshot_dir is not None)
    if QApplication.instance() is None:
        register_map_schemes()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Operator Console")
    app.setOrganizationName("Operator Console")
    if settings.language:
        QLocale.setDefault(QLocale(settings.language))
    _install_translators(app)
    prepare_widgets(app)
    runner = BackgroundRunner()
    controller = StartupController(settings, runner, screenshot_dir)
    outcome = {"code": 0}
    kept: list[ScreenshotTaker] = []
    if screenshot_dir is not None:

        def on_failed(message: str) -> None:
            print(f"operator-console: {message}", file=sys.stderr)
            outcome["code"] = 2
            QTimer.singleShot(0, app.quit)  # quit() is lost if exec() has not begun

        def on_written(paths: list[Path]) -> None:
            for path in paths:
                print(path)
            QTimer.singleShot(0, app.quit)  # quit() is lost if exec() has not begun

        def on_window(window: MainWindow) -> None:
            may_submit = window.session.dialect == "sqlite"
            taker = ScreenshotTaker(window, runner, screenshot_dir, on_written, may_submit)
            taker.size = screenshot_size
            kept.append(taker)
            taker.start()

        controller.startup_failed.connect(on_failed)
        controller.window_opened.connect(on_window)
    controller.cancelled.connect(lambda: QTimer.singleShot(0, app.quit))
    controller.start()
    code = app.exec()
    runner.shutdown()
    return outcome["code"] or code
