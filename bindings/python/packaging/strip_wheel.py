"""Strips the native library inside a built wheel and rewrites the wheel's RECORD.

maturin's own --strip would strip the library before uniffi-bindgen reads the metadata it
generates the bindings from; scripts/build-wheels builds unstripped and calls this on the wheel.

Usage: python strip_wheel.py WHEEL   (the wheel is replaced in place; needs `strip` on the PATH)
"""

from __future__ import annotations

import base64
import hashlib
import pathlib
import subprocess
import sys
import tempfile
import zipfile


def record_hash(data: bytes) -> str:
    """The RECORD form of a file's hash: `sha256=` and the urlsafe base64 digest, unpadded."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode()


def strip_wheel(wheel: pathlib.Path) -> None:
    """Replaces `wheel` by a copy whose `.so` files are stripped, with a matching RECORD."""
    with zipfile.ZipFile(wheel) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    files: dict[str, bytes] = {}
    for info, data in entries:
        if info.filename.endswith(".so"):
            with tempfile.TemporaryDirectory() as scratch:
                library = pathlib.Path(scratch) / "lib.so"
                library.write_bytes(data)
                subprocess.run(["strip", "--strip-unneeded", str(library)], check=True)
                data = library.read_bytes()
        files[info.filename] = data
    record_name = next(name for name in files if name.endswith(".dist-info/RECORD"))
    lines = [
        f"{name},{record_hash(data)},{len(data)}" for name, data in files.items() if name != record_name
    ]
    lines.append(f"{record_name},,")
    files[record_name] = ("\n".join(lines) + "\n").encode()
    temporary = wheel.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
        for info, _ in entries:
            out = zipfile.ZipInfo(info.filename, info.date_time)
            out.external_attr = info.external_attr
            out.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(out, files[info.filename])
    temporary.replace(wheel)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: strip_wheel.py WHEEL")
    strip_wheel(pathlib.Path(sys.argv[1]))
