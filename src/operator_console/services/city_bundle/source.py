"""The files of a bundle, whether it is a folder or a zip of one."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path, PurePosixPath

MANIFEST = "city.toml"
# The Finder's zips carry a folder of resource forks beside the files.
_MAC_RESOURCE_FORKS = "__MACOSX/"


class BundleSourceError(ValueError):
    """The path is neither a bundle folder nor a zip holding one."""


class BundleSource:
    """Reads files by their POSIX path inside the bundle's folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._zip: zipfile.ZipFile | None = None
        self._prefix = ""
        self._names: frozenset[str] = frozenset()
        if root.is_dir():
            return
        if not root.is_file() or not zipfile.is_zipfile(root):
            raise BundleSourceError("neither a folder nor a zip file")
        self._zip = zipfile.ZipFile(root)
        names = [
            name
            for name in self._zip.namelist()
            if not name.endswith("/") and not name.startswith(_MAC_RESOURCE_FORKS)
        ]
        self._prefix = _top_folder(names)
        self._names = frozenset(name[len(self._prefix) :] for name in names)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def exists(self, path: str) -> bool:
        if self._zip is None:
            return (self.root / path).is_file()
        return path in self._names

    def read_bytes(self, path: str) -> bytes:
        """The file's bytes, gunzipped when its name ends in `.gz`."""
        if self._zip is None:
            data = (self.root / path).read_bytes()
        else:
            data = self._zip.read(self._prefix + path)
        return gzip.decompress(data) if path.endswith(".gz") else data

    def files_in(self, folder: str, suffix: str) -> list[str]:
        """The paths of the files directly in `folder` whose names end in `suffix`, sorted."""
        if self._zip is None:
            directory = self.root / folder
            if not directory.is_dir():
                return []
            return sorted(
                f"{folder}/{entry.name}"
                for entry in directory.iterdir()
                if entry.is_file() and entry.name.endswith(suffix)
            )
        return sorted(
            name
            for name in self._names
            if str(PurePosixPath(name).parent) == folder and name.endswith(suffix)
        )


def _top_folder(names: list[str]) -> str:
    """The zip's single top folder when the manifest is in it rather than at the top."""
    if MANIFEST in names:
        return ""
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) == 1:
        top = f"{next(iter(tops))}/"
        if f"{top}{MANIFEST}" in names:
            return top
    return ""
