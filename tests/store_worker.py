"""A separate process writing to the answer store, for tests/test_store.py.

python tests/store_worker.py burst URL CODE GROUP PREFIX COUNT
    opens its own store, prints 'ready', waits for a line on stdin, joins GROUP and saves
    COUNT answers (questions PREFIX-0, PREFIX-1, ...); any error ends it with a traceback.
python tests/store_worker.py loop URL CODE GROUP
    saves answers until it is killed, printing each answer's id once save_answer returned.
"""

from __future__ import annotations

import itertools
import sys

from toolkit.store.database import open_store

CASE = "smuggled-rice-seed"


def burst(url: str, code: str, group_name: str, prefix: str, count: int) -> None:
    store = open_store(url)
    print("ready", flush=True)
    sys.stdin.readline()
    group = store.join(code, group_name)
    for i in range(count):
        store.save_answer(group, CASE, f"{prefix}-{i}", {"worker": prefix, "i": i})


def loop(url: str, code: str, group_name: str) -> None:
    store = open_store(url)
    group = store.join(code, group_name)
    for i in itertools.count():
        answer = store.save_answer(group, CASE, f"q{i % 7}", i)
        print(answer.id, flush=True)


if __name__ == "__main__":
    verb, url, code, group_name, *rest = sys.argv[1:]
    if verb == "burst":
        burst(url, code, group_name, rest[0], int(rest[1]))
    else:
        loop(url, code, group_name)
