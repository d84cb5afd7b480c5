#!/usr/bin/env bash
# Sets up everything Hotseat needs on a fresh Debian/Ubuntu machine, then starts the app
# (`scripts/dev.sh start [hotseat arguments]`) or runs every check and test (`scripts/dev.sh test
# [pytest arguments]`). Debian packages are installed with apt-get when run as root; otherwise
# the exact apt-get command is printed and the script stops.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
shift || true
case "$mode" in
  start|test) ;;
  *) echo "usage: scripts/dev.sh start [hotseat args] | test [pytest args]" >&2; exit 2 ;;
esac

# What the app needs at run time: PortAudio for sounddevice, espeak-ng for pyttsx3 on Linux,
# and the X/EGL client libraries Qt's platform plugins load.
run_packages=(libportaudio2 espeak-ng alsa-utils libpulse0 libasound2-plugins libegl1 libgl1
  libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
  libxcb-image0 fonts-dejavu-core)
# What the tests add: a PulseAudio virtual microphone, voices to speak test answers (flite,
# espeak-ng), sox to cut and measure audio, Xvfb for screenshots, desktop-file-validate for
# the Linux desktop entry, and Node.js to run the debug-aloud pack's JavaScript programs (each
# planted bug is shown by running it).
test_packages=(pulseaudio pulseaudio-utils flite sox xvfb desktop-file-utils nodejs)

packages=("${run_packages[@]}")
[ "$mode" = test ] && packages+=("${test_packages[@]}")

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == *"install ok installed"* ]] || missing+=("$package")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Hotseat needs these Debian packages. Install them, then run this again:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Hotseat needs Python 3.11 or newer (found: $("$python" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# Reinstall only when the project's dependencies changed, so repeated runs start fast.
stamp=.venv/.hotseat-installed
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)-$mode"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  if [ "$mode" = test ]; then
    .venv/bin/python -m pip install -q -e ".[test]"
  else
    .venv/bin/python -m pip install -q -e .
  fi
  echo "$wanted" > "$stamp"
fi

if [ "$mode" = start ]; then
  exec .venv/bin/hotseat "$@"
fi

echo "== ruff"
.venv/bin/ruff check simulator tests benchmarks scripts
.venv/bin/ruff format --check simulator tests benchmarks scripts
echo "== mypy"
.venv/bin/mypy simulator
echo "== pytest"
exec .venv/bin/python -m pytest "$@"
