#!/bin/sh
# Install a Presend release for this user, or for everyone with --system (as root):
# the program, a menu entry, icons in the hicolor theme, and the browser host
# registration for every supported browser.
#
#   ./install.sh [--system] [--uninstall]
#
# A release archive (`make dist`) holds this script, presend.desktop, icons/, README.md,
# LICENSE and the PyInstaller bundle in presend/; run from a source checkout, it takes
# the bundle from dist/presend.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
scope=user
action=install
for arg in "$@"; do
    case "$arg" in
        --system) scope=system ;;
        --uninstall) action=uninstall ;;
        *) echo "usage: $0 [--system] [--uninstall]" >&2; exit 2 ;;
    esac
done

if [ "$scope" = system ]; then
    prefix=/opt/presend; bin=/usr/local/bin; share=/usr/local/share
else
    prefix="$HOME/.local/opt/presend"; bin="$HOME/.local/bin"; share="$HOME/.local/share"
fi

if [ "$action" = uninstall ]; then
    [ -x "$prefix/presend" ] && "$prefix/presend" install-host --uninstall "--$scope" || true
    rm -rf "$prefix" "$bin/presend" "$share/applications/presend.desktop"
    for size in 16 22 24 32 48 64 128 256 512; do
        rm -f "$share/icons/hicolor/${size}x${size}/apps/presend.png"
    done
    echo "Presend removed."
    exit 0
fi

src="$here/presend"
[ -x "$src/presend" ] || src="$here/../../dist/presend"
[ -x "$src/presend" ] || { echo "no Presend bundle found next to $0" >&2; exit 2; }

mkdir -p "$prefix" "$bin" "$share/applications"
cp -a "$src/." "$prefix/"
ln -sf "$prefix/presend" "$bin/presend"
sed "s|^Exec=presend|Exec=$prefix/presend|" "$here/presend.desktop" \
    > "$share/applications/presend.desktop"
icons="$here/icons"
[ -d "$icons" ] || icons="$prefix/_internal/presend/icons/png"
for size in 16 22 24 32 48 64 128 256 512; do
    dir="$share/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    cp "$icons/app-$size.png" "$dir/presend.png"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$share/icons/hicolor" || true

# Let every browser find the native-messaging host (the frozen presend-host).
"$prefix/presend" install-host --browser all "--$scope"
echo "Presend installed in $prefix. Start it from the menu, or run: presend"
