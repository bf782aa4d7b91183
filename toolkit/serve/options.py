"""The options of ``lrkit serve``, their defaults, and why they are what they are."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

LOOPBACK = "127.0.0.1"
EVERY_ADDRESS = "0.0.0.0"
PORT = 8866
# A participant's page keeps a kernel of about 70 MiB (1.3 x a bare Voila kernel of 53 MiB, the
# budget the app is held to). Give kernels at most half the machine's memory, so the browser,
# the server and the system keep the rest, and no more than 40: on a trainer's laptop Voila
# starts kernels one after another, and 40 pages is a full room of groups plus spares.
KERNEL_MIB = 70
MAX_KERNELS_CEILING = 40
MAX_KERNELS_FLOOR = 4
# A page whose tab was closed or whose laptop went to sleep keeps its kernel until culled
# (pages with an open connection never are). Ten minutes leaves room for a lid closed over a
# short break, and frees the memory of an abandoned page well within a session.
CULL_IDLE_S = 600
POOL_SIZE = 1


@dataclass(frozen=True)
class ServeOptions:
    """What ``lrkit serve`` was asked for, checked."""

    notebooks: Path
    host: str = LOOPBACK
    port: int = PORT
    max_kernels: int = MAX_KERNELS_CEILING
    cull_idle_s: int = CULL_IDLE_S
    preheat: bool = False
    pool_size: int = POOL_SIZE
    data_dir: Path | None = None

    @property
    def cull_interval_s(self) -> int:
        """How often to look for kernels to cull: often enough to free them soon after."""
        return max(1, min(60, self.cull_idle_s // 4))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``lrkit serve``, with their help."""
    parser.add_argument(
        "--notebooks",
        default="notebooks",
        help="folder of notebooks to serve (default: %(default)s)",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--lan", action="store_const", const=EVERY_ADDRESS, dest="host", default=LOOPBACK,
        help="listen on every network address, so that participants' laptops on the room's "
        "network can reach the server (default: this machine only)",
    )  # fmt: skip
    where.add_argument(
        "--host", default=LOOPBACK, help="address to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=_port, default=PORT, help="port to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--max-kernels", type=_positive, default=None,
        help="most pages open at once (each holds a Python kernel of about 70 MiB); one more "
        "gets a 'server is busy, try again' page (default: what half the memory holds, at most "
        f"{MAX_KERNELS_CEILING})",
    )  # fmt: skip
    parser.add_argument(
        "--cull-idle", type=_positive, default=CULL_IDLE_S, metavar="SECONDS",
        help="shut down the kernel of a page that has been disconnected and idle this long "
        "(default: %(default)s)",
    )  # fmt: skip
    parser.add_argument(
        "--preheat", action=argparse.BooleanOptionalAction, default=False,
        help="keep kernels that have already run the participants' notebook ready for the next "
        "page; they count towards --max-kernels (default: off)",
    )  # fmt: skip
    parser.add_argument(
        "--pool-size", type=_positive, default=POOL_SIZE,
        help="with --preheat, how many such kernels to keep ready (default: %(default)s)",
    )  # fmt: skip
    parser.add_argument(
        "--data-dir",
        help="folder of the answer store's workshop.sqlite (default: LRKIT_DATA_DIR, else ./data; "
        "LRKIT_DATABASE_URL, when set, is used instead)",
    )


def from_arguments(args: argparse.Namespace) -> ServeOptions:
    """The options that ``add_arguments`` parsed, with the memory-based default filled in."""
    return ServeOptions(
        notebooks=Path(args.notebooks),
        host=args.host,
        port=args.port,
        max_kernels=args.max_kernels or default_max_kernels(),
        cull_idle_s=args.cull_idle,
        preheat=args.preheat,
        pool_size=args.pool_size,
        data_dir=Path(args.data_dir) if args.data_dir else None,
    )


def default_max_kernels() -> int:
    """As many kernels as half the memory holds, between the floor and the ceiling."""
    try:
        memory_mib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    except (AttributeError, ValueError, OSError):  # no sysconf (Windows): assume enough
        return MAX_KERNELS_CEILING
    fits = memory_mib // 2 // KERNEL_MIB
    return max(MAX_KERNELS_FLOOR, min(MAX_KERNELS_CEILING, fits))


def _port(text: str) -> int:
    port = _positive(text)
    if port > 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 1 to 65535; got {text!r}")
    return port


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more; got {text!r}")
    return value
