#!/bin/sh
# Fetch real camera footage for tests and benchmarks from Debian packages, without installing them:
# `apt-get download` + `dpkg-deb -x` into a temporary folder, then copy the clips into
# tests/data/fetched/ (gitignored). Idempotent (present files are kept), quiet, needs no root and no
# sudo. Without network it prints why and exits 0: everything that uses these files can do without.
#
#   opencv-doc       examples/data/vtest.avi, tree.avi  (OpenCV sample clips, BSD-3-Clause)
#   python3-imageio  imageio/resources/images/cockatoo.mp4 (imageio test data, BSD-2-Clause)
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/tests/data/fetched"
mkdir -p "$dest" || { echo "fetch-test-media: cannot create $dest" >&2; exit 1; }

missing=""
for f in vtest.avi tree.avi cockatoo.mp4; do
    [ -s "$dest/$f" ] || missing="$missing $f"
done
if [ -z "$missing" ]; then
    echo "fetch-test-media: test media already in $dest"
    exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cinegrade-media.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# `apt-get download` writes into the current folder; as root it drops privileges to the `_apt` user,
# which then needs write access to that folder.
chmod 0777 "$work"
cd "$work" || exit 1
if ! apt-get download -qq opencv-doc python3-imageio >"$work/apt.log" 2>&1; then
    echo "fetch-test-media: could not download opencv-doc / python3-imageio (no network or no apt" \
         "lists? try 'apt-get update'); tests and benchmarks fall back to synthetic clips."
    exit 0
fi
for deb in "$work"/*.deb; do
    dpkg-deb -x "$deb" "$work/root" || { echo "fetch-test-media: cannot unpack $deb" >&2; exit 0; }
done

copied=""
for f in $missing; do
    src=$(find "$work/root" -type f -name "$f" | head -n 1)
    if [ -n "$src" ]; then
        cp "$src" "$dest/$f" && copied="$copied $f"
    else
        echo "fetch-test-media: $f not found in the downloaded packages"
    fi
done
echo "fetch-test-media: copied${copied:- nothing} into $dest"
exit 0
