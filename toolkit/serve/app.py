"""``lrkit serve``: Voila over the notebooks, the answer store and the kernels' way to it, in one
process.

Participants' kernels never open the database (SQLAlchemy would cost each of them about
26 MiB): this process holds the one ``Store`` and answers the kernels' store requests over
loopback HTTP (``toolkit.serve.kernel_api``), reached through ``LRKIT_STORE_URL`` and a secret
``LRKIT_STORE_TOKEN``, fresh each run, that every kernel it starts finds in its environment.
"""

from __future__ import annotations

import errno
import os
import secrets
import socket
import sys
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from traitlets.config import Config
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from toolkit.data_folder import DATA_DIR_VARIABLE, data_folder
from toolkit.serve import kernel_api
from toolkit.serve.kernels import CappedKernelManager
from toolkit.serve.options import EVERY_ADDRESS, LOOPBACK, ServeOptions
from toolkit.serve.pages import WorkshopPageHandler
from toolkit.serve.request import REQUEST_URL_VARIABLE
from toolkit.store.client import STORE_URL_VARIABLE, TOKEN_VARIABLE
from toolkit.store.database import Store, open_store
from toolkit.store.errors import StoreError
from toolkit.trainer.passcode import PASSCODE_VARIABLE

PARTICIPANT_NOTEBOOK = "13_case_exercise.ipynb"
# The pages to give out, in this order, as far as the notebooks folder has them.
DASHBOARD_NOTEBOOK = "13_trainer_dashboard.ipynb"
PAGES = (
    ("Participants", PARTICIPANT_NOTEBOOK),
    ("Trainer dashboard", DASHBOARD_NOTEBOOK),
    ("Start page", "00_start.ipynb"),
)
PASSCODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # nothing that reads as another
# Holds voila/templates/lrkit; put on JUPYTER_PATH, where Voila looks for templates.
JUPYTER_DATA = Path(__file__).resolve().parent / "jupyter"
TEMPLATE = "lrkit"
# Refill the preheated pool 10 s after a page takes a kernel, not 1 s: on 2 cores the refill
# otherwise competes with that page's own loading (measured: 1.6 s -> 1.2 s to a ready page).
FILL_DELAY_S = 10
STORE_THREADS = 4
ERROR_INSTRUCTION = "The details are in the workshop server's log: tell the trainer."


class WorkshopServer(Voila):
    """Voila, with the kernel API's routes and the capped page handler."""

    store: Store
    store_token: str  # not Voila's own `token`, which would put a login in front of the pages
    executor: Executor

    def init_handlers(self) -> list[Any]:
        routes = [
            (route[0], WorkshopPageHandler, *route[2:]) if route[1] is TornadoVoilaHandler
            else route
            for route in super().init_handlers()
        ]  # fmt: skip
        gate = kernel_api.Gate(self.store_token, kernel_host(self.ip))
        api = kernel_api.handlers(self.server_url, gate, self.store, self.executor)
        return [*api, *routes]


def run(options: ServeOptions) -> int:
    """Serve until stopped (Ctrl-C or SIGTERM); 2 if the server cannot start, with why."""
    notebooks = options.notebooks.resolve()
    if not notebooks.is_dir():
        return _cannot_start(
            f"There is no folder of notebooks at {notebooks}. Run 'lrkit serve' from the "
            "toolkit's folder, or name the folder with --notebooks."
        )
    if problem := _port_problem(options.host, options.port):
        return _cannot_start(problem)
    # Kernels start in the notebooks' folder: give them the data folder as an absolute path.
    os.environ[DATA_DIR_VARIABLE] = str((options.data_dir or data_folder()).resolve())
    # The dashboard's kernels check the trainer's passcode against their environment.
    passcode = os.environ.setdefault(PASSCODE_VARIABLE, new_passcode())
    try:
        store = open_store()
    except (StoreError, SQLAlchemyError) as error:
        return _cannot_start(
            f"The answer store cannot be opened: {error}\nCheck --data-dir, LRKIT_DATA_DIR and "
            "LRKIT_DATABASE_URL."
        )
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(JUPYTER_DATA), *filter(None, [os.environ.get("JUPYTER_PATH")])]
    )
    token = secrets.token_urlsafe(32)
    with ThreadPoolExecutor(STORE_THREADS, thread_name_prefix="lrkit-store") as executor:
        # The singleton, as Voila's own command makes it: only then do Voila's parts log to the
        # application's log (a failing cell's traceback, for one); else they log nowhere.
        server = WorkshopServer.instance(config=voila_config(options, token))
        server.store, server.store_token, server.executor = store, token, executor
        server.initialize([str(notebooks)])
        print(announcement(options, notebooks, store, passcode), flush=True)
        server.start()  # returns once stopped, its kernels shut down
    store.close()
    return 0


def new_passcode() -> str:
    """A trainer passcode to type from the terminal: two groups of four."""
    chars = [secrets.choice(PASSCODE_ALPHABET) for _ in range(8)]
    return "".join(chars[:4]) + "-" + "".join(chars[4:])


def voila_config(options: ServeOptions, token: str) -> Config:
    """Voila's configuration for the workshop: template, cap, culling, pool, kernel environment."""
    local = f"http://{kernel_host(options.host)}:{options.port}/"
    config = Config()
    config.Voila.ip = options.host
    config.Voila.port = options.port
    config.Voila.port_retries = 0  # the printed addresses must be the real ones
    config.Voila.open_browser = False
    config.VoilaConfiguration.template = TEMPLATE
    config.VoilaConfiguration.allow_template_override = "NOTEBOOK"
    config.VoilaConfiguration.show_tracebacks = False  # they go to the log, not to the page
    config.VoilaExecutor.cell_error_instruction = ERROR_INSTRUCTION
    config.VoilaConfiguration.multi_kernel_manager_class = CappedKernelManager
    config.CappedKernelManager.max_kernels = options.max_kernels
    config.CappedKernelManager.kernel_env = {
        STORE_URL_VARIABLE: local + kernel_api.STORE_PATH,
        REQUEST_URL_VARIABLE: local + kernel_api.REQUEST_PATH,
        TOKEN_VARIABLE: token,
    }
    # Only kernels whose page has gone (no connection) and that have been idle that long.
    config.MappingKernelManager.cull_idle_timeout = options.cull_idle_s
    config.MappingKernelManager.cull_interval = options.cull_interval_s
    config.MappingKernelManager.cull_connected = False
    config.MappingKernelManager.cull_busy = False
    if os.name == "posix":
        # Kernels talk to the server over Unix sockets, not loopback TCP ports: with 30 pages
        # opening at once, a port picked free can be taken before the kernel binds it, and that
        # page never loads (seen in the 30-page benchmark; none with sockets).
        config.KernelManager.transport = "ipc"
    config.VoilaConfiguration.preheat_kernel = options.preheat
    config.VoilaKernelManager.fill_delay = FILL_DELAY_S
    config.VoilaKernelManager.kernel_pools_config = {  # the participants' page only
        "default": {"pool_size": 0},
        PARTICIPANT_NOTEBOOK: {"pool_size": options.pool_size},
    }
    return config


def announcement(options: ServeOptions, notebooks: Path, store: Store, passcode: str) -> str:
    """What to tell the trainer: the addresses to give out, the passcode, where answers go,
    the limits."""
    hosts, note = _hosts(options.host)
    pages = [
        (label, f"voila/render/{name}") for label, name in PAGES if (notebooks / name).exists()
    ]
    lines = ["The workshop server is running (Ctrl-C stops it)."]
    for label, path in pages or [("Notebooks", "")]:
        lines += [f"  {label}:"] + [f"    http://{host}:{options.port}/{path}" for host in hosts]
    if note:
        lines.append(note)
    if (notebooks / DASHBOARD_NOTEBOOK).exists():
        lines.append(f"Trainer passcode (for the dashboard): {passcode}")
    preheat = f"; {options.pool_size} kept ready" if options.preheat else ""
    lines += [
        f"Answers are stored in {store.engine.url.render_as_string(hide_password=True)}",
        f"At most {options.max_kernels} pages at once (--max-kernels{preheat}); the kernel of a "
        f"page closed or disconnected for {options.cull_idle_s} s is shut down.",
    ]
    return "\n".join(lines)


def _hosts(host: str) -> tuple[list[str], str]:
    """The addresses to give out, and a note when they may not reach participants."""
    if host != EVERY_ADDRESS:
        return [host], ""
    addresses = _network_addresses()
    if addresses:
        return addresses, ""
    return [LOOPBACK], (
        "This machine has no network address: only browsers on it can reach the server. "
        "Join the room's network and start the server again."
    )


def _network_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback, one per interface."""
    import psutil

    return sorted(
        {
            address.address
            for addresses in psutil.net_if_addrs().values()
            for address in addresses
            if address.family == socket.AF_INET and not address.address.startswith("127.")
        }
    )


def kernel_host(host: str) -> str:
    """The address kernels reach the server at: loopback when it listens on all of them."""
    return LOOPBACK if host == EVERY_ADDRESS else host


def _port_problem(host: str, port: int) -> str:
    """Why the server could not listen at host:port, or ''."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return (
                    f"Port {port} is in use (is another 'lrkit serve' running?). Stop it, or "
                    "choose another port with --port."
                )
            return f"Cannot listen at {host}:{port}: {error.strerror}. Check --host and --port."
    return ""


def _cannot_start(message: str) -> int:
    print(message, file=sys.stderr)
    return 2
