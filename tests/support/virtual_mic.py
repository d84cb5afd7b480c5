"""A virtual microphone for tests: an isolated PulseAudio daemon with a speaker and a mic feed.

The daemon gets its own ``XDG_RUNTIME_DIR`` (and config/state folders) under a temporary
folder, so it neither sees nor disturbs a user's sound server. Two null sinks keep the app's
own voice out of the microphone: ``speaker`` (the default sink, what the app plays) and
``mic_feed``, whose monitor is remapped to the source ``vmic`` (the default source, what the
app records). ``speak()`` plays a WAV into ``mic_feed``: the app hears it as a person talking.

Checked as root: PulseAudio only warns ("not intended to be run as root") and runs; no extra
flags are needed. Clients get ``autospawn = no`` so a failed connection never starts a stray
daemon, and the socket accepts anonymous clients so no cookie from a real home folder is used.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

#: Variables that decide which PulseAudio server a client talks to.
PULSE_VARIABLES = ("XDG_RUNTIME_DIR", "PULSE_SERVER", "PULSE_CLIENTCONFIG", "PULSE_COOKIE")
_START_TIMEOUT_S = 15.0
#: A null sink renders in blocks of up to 2 s while no client asks for less: a playback
#: started up to 2 s late, and the first recording from ``vmic`` after the daemon started got
#: its first block after about 2 s (measured; later ones at once). Silence looped into each sink
#: and ``vmic`` looped into a ``drain`` sink, all at 50 ms, keep everything in small blocks like
#: a real card; ``start()`` then waits until ``vmic`` delivers (the warm-up).
KEEP_AWAKE = (
    "--load=module-null-source source_name=silence",
    "--load=module-loopback source=silence sink=speaker latency_msec=50",
    "--load=module-loopback source=silence sink=mic_feed latency_msec=50",
    "--load=module-null-sink sink_name=drain",
    "--load=module-loopback source=vmic sink=drain latency_msec=50",
)


class VirtualMicError(RuntimeError):
    """The virtual microphone could not be started."""


def isolated_client_env(root: Path) -> dict[str, str]:
    """Variables that make PulseAudio clients find no server at all (for "no device" tests)."""
    runtime = root / "runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    client_conf = root / "client.conf"
    client_conf.write_text("autospawn = no\n")
    return {"XDG_RUNTIME_DIR": str(runtime), "PULSE_CLIENTCONFIG": str(client_conf)}


class VirtualMic:
    """An isolated PulseAudio daemon; use ``start()``/``stop()`` or ``with VirtualMic() as mic``."""

    def __init__(self) -> None:
        self.root: Path | None = None
        self.pid: int | None = None
        self.env: dict[str, str] = {}
        self._saved_environ: dict[str, str | None] | None = None
        self._playing: list[subprocess.Popen[bytes]] = []  # speak(block=False)'s paplays

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> VirtualMic:
        self.root = Path(tempfile.mkdtemp(prefix="hotseat-pulse-"))
        client = isolated_client_env(self.root)
        runtime = Path(client["XDG_RUNTIME_DIR"])
        socket = runtime / "pulse" / "native"
        self.env = {
            **client,
            "PULSE_SERVER": f"unix:{socket}",
            "PULSE_COOKIE": str(self.root / "cookie"),
        }
        daemon_env = {
            **os.environ,
            **self.env,
            # The daemon writes its cookie and state under these, never in the real home.
            "XDG_CONFIG_HOME": str(self.root / "config"),
            "XDG_STATE_HOME": str(self.root / "state"),
            "PULSE_STATE_PATH": str(self.root / "state"),
            "HOME": str(self.root),
        }
        daemon_env.pop("PULSE_SERVER")
        command = [
            "pulseaudio",
            "-n",
            "--daemonize=yes",
            "--exit-idle-time=-1",
            "--log-target=stderr",
            "--load=module-native-protocol-unix auth-anonymous=1",
            "--load=module-null-sink sink_name=speaker",
            "--load=module-null-sink sink_name=mic_feed",
            "--load=module-remap-source master=mic_feed.monitor source_name=vmic",
            *KEEP_AWAKE,
        ]
        try:
            result = subprocess.run(
                command, env=daemon_env, capture_output=True, text=True, timeout=30
            )
            if result.returncode != 0:
                raise VirtualMicError(f"pulseaudio failed to start: {result.stderr.strip()}")
            self.pid = self._read_pid(runtime / "pulse" / "pid")
            self._wait_ready()
            self._pactl("set-default-sink", "speaker")
            self._pactl("set-default-source", "vmic")
            self._warm_up()
        except BaseException:
            self.stop()
            raise
        return self

    def _read_pid(self, pid_file: Path) -> int:
        deadline = time.monotonic() + _START_TIMEOUT_S
        while time.monotonic() < deadline:
            if pid_file.exists() and pid_file.read_text().strip():
                return int(pid_file.read_text().split()[0])
            time.sleep(0.05)
        raise VirtualMicError(f"pulseaudio wrote no pid file at {pid_file}")

    def _pactl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["pactl", *args],
            env={**os.environ, **self.env},
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + _START_TIMEOUT_S
        last = ""
        while time.monotonic() < deadline:
            try:
                self._pactl("info")
                return
            except subprocess.CalledProcessError as error:
                last = error.stderr
            time.sleep(0.1)
        raise VirtualMicError(f"pactl info did not answer: {last.strip()}")

    def _warm_up(self) -> None:
        """Wait until a recording from ``vmic`` delivers its first bytes."""
        parec = subprocess.Popen(
            ["parec", "--device=vmic", "--latency-msec=20", "--format=s16le", "--channels=1"],
            env={**os.environ, **self.env},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert parec.stdout is not None
            ready = select.select([parec.stdout], [], [], _START_TIMEOUT_S)[0]
            if not ready:
                raise VirtualMicError("the virtual microphone delivered no sound")
        finally:
            parec.kill()
            parec.wait(timeout=10)

    def is_running(self) -> bool:
        return self.pid is not None and _is_pulseaudio(self.pid)

    def kill(self, sig: signal.Signals = signal.SIGTERM) -> None:
        """Kill the daemon by its pid (as an unplugged device would vanish) and wait for it."""
        pid, self.pid = self.pid, None
        if pid is None or not _is_pulseaudio(pid):
            return
        os.kill(pid, sig)
        deadline = time.monotonic() + 10.0
        while _is_pulseaudio(pid):
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                deadline = time.monotonic() + 5.0
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop the daemon (by pid, never by name) and remove the temporary folder."""
        self.kill()
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self) -> VirtualMic:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.restore_os_environ()
        self.stop()

    # -- environment -------------------------------------------------------------------------
    def apply_to_os_environ(self) -> None:
        """Point this process at the daemon; then rescan PortAudio's devices to see it."""
        if self._saved_environ is None:
            self._saved_environ = {name: os.environ.get(name) for name in PULSE_VARIABLES}
        for name in PULSE_VARIABLES:
            os.environ.pop(name, None)
        os.environ.update(self.env)

    def restore_os_environ(self) -> None:
        if self._saved_environ is None:
            return
        for name, value in self._saved_environ.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        self._saved_environ = None

    # -- audio -------------------------------------------------------------------------------
    def speak(self, wav: Path, block: bool = True) -> subprocess.Popen[bytes] | None:
        """Play ``wav`` into the microphone; with ``block=False`` return the running paplay."""
        process = subprocess.Popen(
            ["paplay", "--device=mic_feed", str(wav)],
            env={**os.environ, **self.env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if not block:
            self._playing.append(process)
            return process
        _, stderr = process.communicate(timeout=120)
        if process.returncode != 0:
            raise VirtualMicError(f"paplay failed: {stderr.decode(errors='replace').strip()}")
        return None

    def silence(self) -> None:
        """End what ``speak(block=False)`` still plays. A test that stops its app mid-answer
        leaves the answer playing, and the next test sharing this microphone would record it
        over its own speech."""
        for process in self._playing:
            if process.poll() is None:
                process.terminate()
            try:
                process.communicate(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
        self._playing.clear()


def _is_pulseaudio(pid: int) -> bool:
    """True if ``pid`` is a live (not zombie) pulseaudio process: pids get reused."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    name = stat[stat.index("(") + 1 : stat.rindex(")")]
    state = stat[stat.rindex(")") + 2 :].split()[0]
    return name == "pulseaudio" and state != "Z"
