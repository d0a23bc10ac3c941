#!/bin/sh
# Builds the macOS disk image of the console: dist/operator-console-<version>-macos-<arch>.dmg
# holding "Operator Console.app" (PyInstaller) and a link to /Applications.
#   sh packaging/macos/build.sh
# Needs Python 3.11 (python3.11 on PATH) and the Xcode command line tools (hdiutil is part of
# macOS); the GitHub Actions workflow .github/workflows/bundles.yml runs it on macos-latest.
# The app is not signed or notarized: Gatekeeper asks before the first start (see
# docs/installation.md).
set -eu
cd "$(dirname "$0")/../.."

PYTHON="${PYTHON:-python3.11}"
VENV="${OPERATOR_CONSOLE_VENV:-.venv}"
PYINSTALLER="pyinstaller==6.22.3"
PYINSTALLER_HOOKS="pyinstaller-hooks-contrib==2026.10"

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -e . "$PYINSTALLER" "$PYINSTALLER_HOOKS"

SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
PYTHONHASHSEED=0
export SOURCE_DATE_EPOCH PYTHONHASHSEED
version=$("$VENV/bin/python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
arch=$(uname -m)

mkdir -p build/icons dist
"$VENV/bin/python" -c 'from PIL import Image; Image.open("packaging/linux/operator-console.png").save("build/icons/operator-console.icns")'
rm -rf build/pyinstaller build/dmg
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath build/pyinstaller/dist --workpath build/pyinstaller/work \
  packaging/pyinstaller/operator-console.spec

mkdir -p build/dmg
cp -R "build/pyinstaller/dist/Operator Console.app" build/dmg/
ln -s /Applications build/dmg/Applications
dmg="dist/operator-console-$version-macos-$arch.dmg"
rm -f "$dmg"
hdiutil create -volname "Operator Console" -srcfolder build/dmg -fs HFS+ -format UDZO -ov "$dmg"
ls -l "$dmg"
