"""The zip container of the workbooks nq57 writes: parts deflated in pieces that concatenate into one
entry (as pigz does), their CRC-32 combined, and a zip archive with fixed times (equal inputs, equal bytes)."""

from __future__ import annotations

import struct
from typing import Any

from nq57cli.core.stable import ZIP_TIME

# ISA-L's deflate (isal, a declared dependency): on sheet XML 4-5 times as fast as zlib level 3, and
# smaller than zlib level 1. It also provides crc32_combine, which Python's zlib module does not expose.
from isal import isal_zlib

COMPRESS_LEVEL = 1


Piece = tuple[bytes, int, int]  # raw deflate data ending on a full flush, CRC-32 and length of the input
_FINAL_BLOCK = b"\x03\x00"  # an empty final deflate block: closes a run of fully flushed pieces


def deflate_piece(data: bytes) -> Piece:
    """Deflate `data` on its own, ending on a byte boundary, so that pieces can follow each other."""
    compressor = isal_zlib.compressobj(COMPRESS_LEVEL, isal_zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(isal_zlib.Z_FULL_FLUSH), isal_zlib.crc32(data), len(data)


# --- The zip container ----------------------------------------------------------------------

_DOS_DATE = ((ZIP_TIME[0] - 1980) << 9) | (ZIP_TIME[1] << 5) | ZIP_TIME[2]
_DOS_TIME = (ZIP_TIME[3] << 11) | (ZIP_TIME[4] << 5) | (ZIP_TIME[5] // 2)
_MADE_BY = (3 << 8) | 20  # Unix, zip 2.0
_ZIP32_LIMIT = 0xFFFFFFFF


def part_crc(pieces: list[Piece]) -> tuple[int, int]:
    """CRC-32 and size of the part made of `pieces`."""
    crc, size = 0, 0
    for _, piece_crc, length in pieces:
        crc, size = isal_zlib.crc32_combine(crc, piece_crc, length), size + length
    return crc, size


def write_zip(handle: Any, entries: list[tuple[str, list[Piece]]]) -> None:
    """A zip archive of deflated entries, each given as pieces; fixed times, so equal inputs give equal bytes."""
    directory = []
    for name, pieces in entries:
        crc, size = part_crc(pieces)
        compressed = sum(len(data) for data, _, _ in pieces) + len(_FINAL_BLOCK)
        offset = handle.tell()
        if max(size, compressed, offset) >= _ZIP32_LIMIT:
            raise ValueError(f"{name}: part too large for a workbook ({size} bytes)")
        encoded = name.encode("ascii")
        handle.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, _DOS_TIME, _DOS_DATE, crc, compressed, size,
                                 len(encoded), 0) + encoded)
        for data, _, _ in pieces:
            handle.write(data)
        handle.write(_FINAL_BLOCK)
        directory.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", _MADE_BY, 20, 0, 8, _DOS_TIME, _DOS_DATE, crc,
                                     compressed, size, len(encoded), 0, 0, 0, 0, 0o600 << 16, offset) + encoded)
    start = handle.tell()
    for record in directory:
        handle.write(record)
    end = handle.tell()
    if end >= _ZIP32_LIMIT:
        raise ValueError("workbook too large")
    handle.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(directory), len(directory), end - start, start, 0))


