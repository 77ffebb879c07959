#!/bin/sh
# Qt's X11 platform plugin needs system libraries PySide6's wheel does not carry.
# presend.desktop.platform_libs asks the loader which are missing and names their Debian
# packages; as root with apt-get this installs them, otherwise it says what to install.
#
#   sh packaging/linux/qt-libs.sh PYTHON          before `make run` (stops when lacking)
#   sh packaging/linux/qt-libs.sh PYTHON --tests  before the tests (only ever warns)
python=${1:?usage: qt-libs.sh PYTHON [--tests]}
mode=${2:-run}
# Without an X display (none, or Wayland) the check is skipped before `make run`.
check() { "$python" -m presend.desktop.platform_libs ${1:+--always}; }
always=""; [ "$mode" = run ] || always=1
need=$(check $always) && exit 0
[ -n "$need" ] || exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing the system libraries Qt needs: $need"
    export DEBIAN_FRONTEND=noninteractive
    # --reinstall also restores a library removed from a package still marked installed.
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends --reinstall $need; } \
        >/dev/null 2>&1
    need=$(check $always) && exit 0
    echo "could not install: $need"
else
    echo "Presend's tray app needs system libraries this machine lacks."
    echo "On Debian or Ubuntu install them with:  sudo apt-get install $need"
fi
[ "$mode" = run ] || exit 0
echo "Until then, \`.venv/bin/presend check FILE\` checks a draft without the app."
exit 2
