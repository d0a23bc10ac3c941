#!/bin/sh
# Builds the self-contained Linux bundle of the console from this checkout, in one command:
#   sh packaging/build.sh
# writes dist/operator-console-<version>-linux-x86_64.tar.gz (unpack anywhere, run
# operator-console-<version>/operator-console) and dist/operator-console_<version>_amd64.deb
# (installs to /opt/operator-console, with /usr/bin/operator-console, a desktop entry and an icon).
# Reproducible: every timestamp is the last commit's (SOURCE_DATE_EPOCH), owners are root, the
# archives are sorted by name.
set -eu
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV="${OPERATOR_CONSOLE_VENV:-.venv}"
PYINSTALLER="pyinstaller==6.22.3"
PYINSTALLER_HOOKS="pyinstaller-hooks-contrib==2026.10"
DEB_ARCH=amd64
TAR_ARCH=linux-x86_64

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
# The same stamp as packaging/bootstrap.sh: the console is installed from these very sources.
stamp="$VENV/.installed-$(cat pyproject.toml setup.py ui/*.ui translations/*.ts | cksum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ ! -d src/operator_console/ui/forms ]; then
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e .
fi
if ! "$VENV/bin/python" -m pip freeze 2>/dev/null | grep -qix "$PYINSTALLER"; then
  "$VENV/bin/python" -m pip install -q "$PYINSTALLER" "$PYINSTALLER_HOOKS"
fi

SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
PYTHONHASHSEED=0
export SOURCE_DATE_EPOCH PYTHONHASHSEED
version=$("$VENV/bin/python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
commit=$(git rev-parse HEAD)

rm -rf build/pyinstaller build/deb
echo "== PyInstaller ($PYINSTALLER): build/pyinstaller/dist/operator-console"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath build/pyinstaller/dist --workpath build/pyinstaller/work \
  packaging/pyinstaller/operator-console.spec
bundle=build/pyinstaller/dist/operator-console
echo "$commit" >"$bundle/COMMIT"
find "$bundle" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p dist
tarball="dist/operator-console-$version-$TAR_ARCH.tar.gz"
echo "== $tarball"
tar -C build/pyinstaller/dist --sort=name --format=gnu --owner=0 --group=0 --numeric-owner \
  --mtime="@$SOURCE_DATE_EPOCH" --transform "s,^operator-console,operator-console-$version," \
  -cf - operator-console | gzip -n -6 >"$tarball.part"
mv "$tarball.part" "$tarball"

deb="dist/operator-console_${version}_$DEB_ARCH.deb"
echo "== $deb"
root=build/deb
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/icons/hicolor/256x256/apps" \
  "$root/DEBIAN"
cp -al "$bundle" "$root/opt/operator-console"
ln -s /opt/operator-console/operator-console "$root/usr/bin/operator-console"
cp packaging/linux/operator-console.desktop "$root/usr/share/applications/"
cp packaging/linux/operator-console.svg "$root/usr/share/icons/hicolor/scalable/apps/"
cp packaging/linux/operator-console.png "$root/usr/share/icons/hicolor/256x256/apps/"
size=$(du -sk --apparent-size "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$DEB_ARCH/" -e "s/@SIZE@/$size/" \
  packaging/linux/control.in >"$root/DEBIAN/control"
chmod -R u+rwX,go+rX,go-w "$root"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb.part" >/dev/null
mv "$deb.part" "$deb"
rm -rf "$root"

echo "$commit" >dist/COMMIT
ls -l "$tarball" "$deb"
