#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test inside its own D-Bus session with an unlocked gnome-keyring-daemon; without
# dbus-run-session or the daemon, runs it without a bus (it then skips).
test="$1"
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  unset DBUS_SESSION_BUS_ADDRESS
  exec "$test"
fi
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" 2>/dev/null
chmod 700 "$XDG_RUNTIME_DIR" 2>/dev/null
exec dbus-run-session -- sh -c '
  mkdir -p "$XDG_DATA_HOME/keyrings"
  # The daemon is not the code under test: run without the malloc checks of the tests.
  echo -n test | env -u MALLOC_PERTURB_ -u MALLOC_CHECK_ -u G_DEBUG \
    gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  if gdbus wait --session --timeout 5 org.freedesktop.secrets >/dev/null 2>&1; then
    export SD_KEYRING_READY=1
  fi
  # The daemon leaves with the session bus.
  exec "$0"' "$test"
