"""``check`` of many files shares them with a copy of itself: the same answer, in the
same order, as one by one; a copy that fails costs time, not results; and a signal leaves
no copy behind."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from player import cli
from player.commands.base import Context
from player.home.user_dirs import UserDirs
from player.system import forked
from player.system.forked import in_two
from tests.conftest import REPO
from tests.test_end_to_end import environment


def always() -> bool:
    """A copy made whatever the machine, to test the sharing on one of any size."""
    return True


def no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_second_half_is_done_in_a_copy_and_the_answer_is_in_order() -> None:
    here = os.getpid()
    done = in_two(lambda n: (n * n, os.getpid()), range(300), share=always)
    assert [square for square, _pid in done] == [n * n for n in range(300)]
    assert {pid for _square, pid in done[:150]} == {here}
    copies = {pid for _square, pid in done[150:]}
    assert len(copies) == 1 and here not in copies
    assert no_children_left()


def test_a_short_list_is_done_here() -> None:
    here = os.getpid()
    assert in_two(lambda n: os.getpid(), range(199), share=always) == [here] * 199


def test_no_copy_is_made_while_another_thread_runs() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        here = os.getpid()
        assert in_two(lambda n: os.getpid(), range(300)) == [here] * 300
    finally:
        stop.set()
        other.join()


def test_what_a_failing_copy_had_to_do_is_done_here() -> None:
    here = os.getpid()

    def work(n: int) -> int:
        if os.getpid() != here:
            raise RuntimeError("the copy fails")
        return n + 1

    assert in_two(work, range(300), share=always) == [n + 1 for n in range(300)]
    assert no_children_left()


def test_an_error_here_stops_and_reaps_the_copy() -> None:
    here = os.getpid()

    def work(n: int) -> int:
        if os.getpid() == here and n == 10:
            raise KeyboardInterrupt
        if os.getpid() != here:
            time.sleep(0.01)  # the copy is still at work when this process gives up
        return n

    with pytest.raises(KeyboardInterrupt):
        in_two(work, range(300), share=always)
    assert no_children_left()


ROUTINE = "title: Small {n}\nlead_in: 0\nsteps:\n  - rest: 30s\n"
BROKEN = "title: Broken {n}\nsteps:\n  - rest: 30 parsecs\n"


def test_check_of_many_files_says_what_one_by_one_says(tmp_path: Path) -> None:
    """Files with problems in both halves, and a words file of an exercises file that
    routines in both halves include: told once, after the first routine that uses it."""
    assert forked.can_fork(), "this machine has one core: nothing would be shared"
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "moves.yaml").write_text(
        "exercises:\n  roll:\n    exercise: Roll\n    time: 20s\n", encoding="utf-8"
    )
    words = tmp_path / "exercises" / "translations" / "es"
    words.mkdir(parents=True)
    (words / "moves.yaml").write_text(
        "language: es\nwords:\n  Roll: Rodar\n  Nothing like it: Nada\n", encoding="utf-8"
    )
    paths = []
    for n in range(300):
        if n % 97 == 5:
            text = BROKEN.format(n=n)
        elif n % 50 == 0:
            text = "title: Uses {n}\nlead_in: 0\ninclude: [exercises/moves.yaml]\n"
            text = text.format(n=n) + "steps:\n  - use: roll\n"
        else:
            text = ROUTINE.format(n=n)
        path = tmp_path / f"r{n:03d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))

    def check(*files: str) -> tuple[int, str]:
        out = io.StringIO()
        dirs = UserDirs.under(tmp_path / "home")
        context = Context(out=out, dirs=dirs, err_stream=io.StringIO)
        code = cli.main(["check", *files], context=context)
        return code, out.getvalue()

    code, together = check(*paths)
    one_by_one = [check(path)[1].splitlines()[:-1] for path in paths]  # without the total
    said = [line for lines in one_by_one for line in lines]
    words_problem = [line for line in said if "Nothing like it" in line]
    assert len(words_problem) == 6  # each routine alone tells it
    expected = [line for line in said if line not in words_problem]
    first_use = said.index(words_problem[0])
    expected.insert(first_use, words_problem[0])
    assert code == 2
    assert together.splitlines()[:-1] == expected
    assert sum("r" + f"{n:03d}.yaml" in line for n in (5, 102, 199, 296) for line in expected) == 4


def test_a_term_signal_during_a_long_check_ends_it_and_leaves_no_copy(tmp_path: Path) -> None:
    assert forked.can_fork(), "this machine has one core: no copy would be made"
    paths = []
    for n in range(3000):
        path = tmp_path / f"r{n:04d}.yaml"
        path.write_text(ROUTINE.format(n=n), encoding="utf-8")
        paths.append(str(path))
    process = subprocess.Popen(
        [sys.executable, str(REPO / "run.py"), "check", *paths],
        env=environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while len(_group(process.pid)) < 2:  # the copy is at work
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 143
    assert "Traceback" not in err
    assert "Stopped (a TERM signal)." in err
    assert _group(process.pid) == []


def _group(leader: int) -> list[str]:
    """The processes still in the session ``leader`` started."""
    done = subprocess.run(
        ["ps", "-o", "pid=", "-s", str(leader)], capture_output=True, text=True, check=False
    )
    return done.stdout.split()
