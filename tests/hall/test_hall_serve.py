"""``station hall serve``: an unreachable database or a taken port is one Chinese sentence and exit 1; the hall
says it started only once its port is bound."""

from __future__ import annotations

import socket
import subprocess
import time
import uuid

import httpx
import pytest
from conftest_hall import free_port

from helpers import STATION


def serve(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*STATION, "--data-dir", str(tmp_path / "data"), "hall", "serve", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_sentence(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误："), done.stderr
    assert "意外" not in lines[0] and "Traceback" not in done.stderr
    for word in words:
        assert word in lines[0]
    assert "服务大厅已启动" not in done.stdout


UNREACHABLE = {
    "refused": lambda: f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/test",  # nothing listens
    "no_such_database": lambda: f"postgresql+psycopg://postgres@127.0.0.1:5432/none_{uuid.uuid4().hex[:8]}",
    "no_such_host": lambda: "postgresql+psycopg://postgres@host.invalid/test",
}


@pytest.mark.parametrize("case", sorted(UNREACHABLE))
def test_an_unreachable_database_is_one_sentence_and_exit_1(tmp_path, case) -> None:
    assert_one_sentence(serve(tmp_path, "--db", UNREACHABLE[case]()), "数据库")


def test_a_malformed_database_address_is_one_sentence(tmp_path) -> None:
    assert_one_sentence(serve(tmp_path, "--db", "postgresql+nosuchdriver://x/y"), "数据库地址")


def test_a_taken_port_is_one_sentence(tmp_path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert_one_sentence(serve(tmp_path, "--port", str(port)), str(port), "--port")


def test_started_is_said_only_once_the_port_is_bound(tmp_path) -> None:
    port = free_port()
    hall = subprocess.Popen(
        [*STATION, "--data-dir", str(tmp_path / "data"), "hall", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert hall.stdout is not None
        assert "服务大厅已启动" in hall.stdout.readline()
        with socket.create_connection(("127.0.0.1", port), timeout=5):  # no retry: it must already listen
            pass
    finally:
        hall.terminate()
        hall.wait(timeout=30)


def test_connections_to_the_hall_send_small_answers_at_once(hall) -> None:
    """Nagle's algorithm is off on every connection the hall accepts: asyncio turns it off only where the
    socket says it is TCP, and with it on each answer after a connection's first waited 40 ms for the
    station's delayed acknowledgement (uvicorn writes an answer's head and body separately)."""
    import asyncio

    from station.hall.cli import _listen

    listener = _listen("127.0.0.1", 0)
    port = listener.getsockname()[1]
    assert listener.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1

    async def accept_one() -> int:
        accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Seen(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                sock = transport.get_extra_info("socket")
                accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Seen, sock=listener)
        _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        nodelay = await asyncio.wait_for(accepted, 10)
        writer.close()
        server.close()
        return nodelay

    assert asyncio.run(accept_one()) == 1
    # And the real hall, kept alive over one connection: no answer waits for an acknowledgement.
    with httpx.Client(base_url=hall.url) as http:
        times = []
        for _ in range(9):
            started = time.perf_counter()
            assert http.get("/v1/health").status_code == 200
            times.append(time.perf_counter() - started)
    assert sorted(times)[4] < 0.035, times  # a delayed acknowledgement is 40 ms at least
