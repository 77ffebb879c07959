#!/bin/sh
# Installs the Debian packages the end-to-end tests drive, when they are missing and we
# may: as root with apt-get. Prints what is missing otherwise; never fails the build.
# Qt's own system libraries (the ones .ci/run lists) are found by asking the loader
# what Qt's X11 plugin lacks: see packaging/linux/qt-libs.sh.
sh "$(dirname "$0")/../packaging/linux/qt-libs.sh" .venv/bin/python --tests
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v firefox-esr >/dev/null 2>&1 || need="$need firefox-esr"
command -v openssl >/dev/null 2>&1 || need="$need openssl"
command -v Xvfb >/dev/null 2>&1 || need="$need xvfb"
command -v trayer >/dev/null 2>&1 || need="$need trayer"
command -v xclip >/dev/null 2>&1 || need="$need xclip"
command -v xdotool >/dev/null 2>&1 || need="$need xdotool"
command -v xwininfo >/dev/null 2>&1 || need="$need x11-utils"
# CLDR's annotations: the generated language tables are checked against them.
[ -d /usr/share/unicode/cldr/common/annotations ] || need="$need unicode-cldr-core"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing system packages:$need"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $need >/dev/null \
        || echo "could not install:$need (end-to-end tests will skip)"
else
    echo "missing system packages:$need (end-to-end tests will skip; install them as root)"
fi
exit 0
