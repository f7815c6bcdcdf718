#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Salon Desk needs, only those missing (fast when all are
# there). Sourced by run-app and run-tests.
set -euo pipefail

SD_BUILD_PACKAGES=(
  build-essential meson ninja-build pkg-config gettext libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsqlite3-dev
  libsecret-1-dev glib-networking desktop-file-utils appstream
)
SD_TEST_PACKAGES=(
  xvfb xauth dbus-daemon dbus-x11 gnome-keyring libsecret-tools valgrind poppler-utils
  sqlite3 clang-14 libclang-rt-14-dev
)

sd_install_missing () {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# Configures (once) and builds the tree in $1.
sd_build () {
  local dir="$1"; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$SD_SRC" "$@"
  fi
  ninja -C "$dir"
}

SD_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
