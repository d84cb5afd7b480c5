#!/usr/bin/env bash
# Adds Hotseat to the Linux desktop's application menu: a .desktop entry and its icon in the
# freedesktop hicolor theme, for the current user (docs/PACKAGING.md).
#
#   scripts/install-desktop-entry.sh [--prefix DIR] [--exec PATH] [--uninstall]
#
# --prefix  where share/applications and share/icons go (default: ~/.local)
# --exec    the hotseat to start (default: the frozen build this script sits in, else the
#           checkout's .venv/bin/hotseat, else the hotseat on PATH, e.g. from pipx)
# --uninstall removes what an install wrote, under the same prefix.
#
# It works from a checkout (scripts/) and from a frozen one-folder build, which carries a copy
# of this script beside its `hotseat` executable.
set -euo pipefail

usage="usage: $0 [--prefix DIR] [--exec PATH] [--uninstall]"
here="$(cd "$(dirname "$0")" && pwd)"
prefix="$HOME/.local"
exec_path=""
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; prefix="$2"; shift 2 ;;
    --exec) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; exec_path="$2"; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done

applications="$prefix/share/applications"
hicolor="$prefix/share/icons/hicolor"
png_sizes=(16 24 32 48 64 128 256 512)

if [ "$uninstall" -eq 1 ]; then
  rm -fv "$applications/hotseat.desktop" "$hicolor/scalable/apps/hotseat.svg"
  for size in "${png_sizes[@]}"; do
    rm -fv "$hicolor/${size}x${size}/apps/hotseat.png"
  done
  exit 0
fi

# The shipped files: the checkout's assets/, or the frozen build's copy of them.
assets=""
for candidate in "$here/../assets" "$here/_internal/simulator/assets"; do
  if [ -f "$candidate/hotseat.svg" ] && [ -d "$candidate/icons" ]; then
    assets="$(cd "$candidate" && pwd)"
    break
  fi
done
if [ -z "$assets" ]; then
  echo "cannot find Hotseat's icons next to $here (run this from a checkout or a frozen build)" >&2
  exit 2
fi

if [ -z "$exec_path" ]; then
  for candidate in "$here/hotseat" "$here/../.venv/bin/hotseat" "$(command -v hotseat || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && [ -f "$candidate" ]; then
      exec_path="$candidate"
      break
    fi
  done
  if [ -z "$exec_path" ]; then
    echo "no hotseat found: install Hotseat first, or name it with --exec PATH" >&2
    exit 2
  fi
fi
if [ ! -x "$exec_path" ] || [ ! -f "$exec_path" ]; then
  echo "not an executable file: $exec_path" >&2
  exit 2
fi
exec_path="$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path")"

# Exec= quoting (Desktop Entry Specification): a path with spaces goes in double quotes and %
# is written %%. The characters that would need two levels of escaping are refused instead.
case "$exec_path" in
  *[\"\`\$\\]*|*$'\n'*)
    echo "the path to hotseat contains \" \` \$ \\ or a newline; move it: $exec_path" >&2
    exit 2 ;;
esac
quoted="$exec_path"
if [[ "$quoted" =~ [^A-Za-z0-9/._+-] ]]; then
  quoted="\"$quoted\""
fi
quoted="${quoted//%/%%}"

mkdir -p "$applications" "$hicolor/scalable/apps"
entry="$applications/hotseat.desktop"
while IFS= read -r line; do
  case "$line" in
    Exec=*) printf 'TryExec=%s\nExec=%s\n' "$exec_path" "$quoted" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$assets/hotseat.desktop" > "$entry.tmp"
mv "$entry.tmp" "$entry"
install -m 0644 "$assets/hotseat.svg" "$hicolor/scalable/apps/hotseat.svg"
for size in "${png_sizes[@]}"; do
  install -D -m 0644 "$assets/icons/hotseat-$size.png" "$hicolor/${size}x${size}/apps/hotseat.png"
done
# Desktops watch these folders; a new mtime on the theme folder makes icon caches look again.
touch "$hicolor"
echo "installed $entry (starts $exec_path) and the hotseat icon under $hicolor"
