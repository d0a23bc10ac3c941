#!/bin/sh
# Installs what Operator Console needs on a Debian/Ubuntu machine, then runs it or its tests.
#   sh packaging/bootstrap.sh run  [console options]   start the console (demo city by default)
#   sh packaging/bootstrap.sh test [pytest options]    run every check and the whole test suite
#   sh packaging/bootstrap.sh packages                 list the system packages still missing
set -eu
cd "$(dirname "$0")/.."
mode="${1:-run}"
[ $# -gt 0 ] && shift

PYTHON="${PYTHON:-python3}"
VENV="${OPERATOR_CONSOLE_VENV:-.venv}"
UNIT_VENV="${OPERATOR_CONSOLE_UNIT_VENV:-.venv-unit}"
# All that tests/unit may import besides the console and the standard library: the pure
# libraries of the domain and services, and the test tools. Never Qt or SQLAlchemy.
UNIT_PACKAGES="holidays phonenumbers rapidfuzz shapely numpy pillow pillow-heif platformdirs tzdata
 pyproj jinja2 babel pytest hypothesis"
QT_RUNTIME="libgl1 libegl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libnss3 libfontconfig1
 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
 libxcb-render-util0 libxcb-shape0 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxshmfence1
 libxkbfile1 libgbm1 libasound2 fonts-dejavu-core"

missing_packages() {
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || printf '%s ' "$package"
  done
}

# A colour emoji font (fontconfig's list of them): without one, emoji show as empty boxes.
has_colour_emoji_font() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list ':charset=1f600:color=True' family)" ]
}

missing_system_packages() {
  command -v dpkg >/dev/null 2>&1 || return 0
  wanted="$QT_RUNTIME"
  has_colour_emoji_font || wanted="$wanted fonts-noto-color-emoji"
  "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || wanted="$wanted python3-venv"
  if [ "$mode" != run ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    wanted="$wanted postgresql"
  fi
  # shellcheck disable=SC2086
  missing_packages $wanted
}

install_system_packages() {
  missing=$(missing_system_packages)
  [ -z "$missing" ] && return 0
  echo "Installing system packages: $missing"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

install_python_packages() {
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  stamp="$VENV/.installed-$(cat pyproject.toml setup.py ui/*.ui translations/*.ts | cksum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[test]"
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
}

# The requirement lines of pyproject.toml (versions included) that name the given packages.
requirements_of() {
  "$PYTHON" - "$@" <<'EOF'
import re
import sys
import tomllib

with open("pyproject.toml", "rb") as file:
    project = tomllib.load(file)["project"]
wanted = {name.lower() for name in sys.argv[1:]}
found = set()
for line in project["dependencies"] + project["optional-dependencies"]["test"]:
    name = re.match(r"[A-Za-z0-9._-]+", line).group().lower()
    if name in wanted:
        found.add(name)
        print(line)
if wanted - found:
    sys.exit(f"not declared in pyproject.toml: {' '.join(sorted(wanted - found))}")
EOF
}

# A second environment for tests/unit: the console without its dependencies, plus UNIT_PACKAGES.
install_unit_packages() {
  [ -x "$UNIT_VENV/bin/python" ] || "$PYTHON" -m venv "$UNIT_VENV"
  stamp="$UNIT_VENV/.installed-$(echo "$UNIT_PACKAGES" | cat pyproject.toml setup.py - | cksum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ]; then
    # shellcheck disable=SC2086
    requirements_of $UNIT_PACKAGES >"$UNIT_VENV/requirements.txt"
    "$UNIT_VENV/bin/python" -m pip install -q --upgrade pip
    "$UNIT_VENV/bin/python" -m pip install -q -r "$UNIT_VENV/requirements.txt"
    "$UNIT_VENV/bin/python" -m pip install -q --no-deps -e .
    rm -f "$UNIT_VENV"/.installed-*
    touch "$stamp"
  fi
}

if [ "$mode" = packages ]; then
  missing_system_packages
  echo
  exit 0
fi
install_system_packages
install_python_packages
if [ "$mode" = test ]; then install_unit_packages; fi

case "$mode" in
  run)
    exec "$VENV/bin/operator-console" "$@"
    ;;
  test)
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    # tests/packaging builds the Linux bundle of this commit (packaging/build.sh) and starts it.
    export OPERATOR_CONSOLE_BUILD_BUNDLE="${OPERATOR_CONSOLE_BUILD_BUNDLE:-1}"
    echo "== ruff"; "$VENV/bin/ruff" check . && "$VENV/bin/ruff" format --check .
    echo "== mypy"; "$VENV/bin/mypy"
    echo "== import-linter"; "$VENV/bin/lint-imports"
    echo "== unit tests without Qt or SQLAlchemy ($UNIT_VENV)"
    "$UNIT_VENV/bin/python" -c 'import importlib.util as util, sys
present = [name for name in ("PySide6", "sqlalchemy", "psycopg", "alembic") if util.find_spec(name)]
sys.exit(f"the unit environment must not have {present}" if present else None)'
    # pytest-qt is not there to read its qt_* options in pyproject.toml.
    "$UNIT_VENV/bin/python" -m pytest tests/unit -W "ignore:Unknown config option:pytest.PytestConfigWarning"
    echo "== pytest"; exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: sh packaging/bootstrap.sh run|test|packages [options]" >&2
    exit 2
    ;;
esac
