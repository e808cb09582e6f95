#!/bin/sh
# Fetch natural photographs for training and evaluating Cinegrade's models, from Debian packages,
# without installing them: `apt-get download` + `dpkg-deb -x` into a temporary folder, then copy the
# photographs into ml/data/images/ (gitignored). Licences: ml/data/CREDITS.md; each package's own
# copyright file is copied next to its photographs (ml/data/images/<source>-copyright.txt).
#
#   endless-sky-data   images/land/*.jpg (273 landscape photos, 720x360)
#   gcompris-qt-data   photos (WebP) inside the Qt resource files rcc/*.rcc: categorization (fish,
#                      monuments, renewable energy, tools, objects), erase (animals),
#                      explore_monuments, explore_world_animals, explore_farm_animals
#   opencv-doc         examples/data: the photographs among the sample images
#   python3-skimage    skimage/data: astronaut, chelsea, coffee, motorcycle, rocket, hubble
#
# Layout: ml/data/images/{train,val}/<source>/<name>.{jpg,png}. The split is by source photograph
# (a photo and all its crops are on one side only) and deterministic: a photo goes to `val` when the
# CRC (cksum) of its name is 0 modulo 6 (about 1 in 6). Photos wider than 1024 pixels are scaled
# down (the models work on small crops). Needs apt-get, dpkg-deb, ffmpeg and python3 (only for the
# .rcc reader; without it the gcompris photos are skipped). Idempotent: run it again to re-create
# the folder. Without network it says why and exits 1.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/ml/data/images"
packages="endless-sky-data gcompris-qt-data opencv-doc python3-skimage mate-backgrounds
plasma-workspace-wallpapers lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 lxqt-themes palapeli-data
scribus-template python-kivy-examples python3-sklearn tuxpaint-data python-matplotlib-data"

work=$(mktemp -d "${TMPDIR:-/tmp}/cinegrade-images.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# `apt-get download` writes into the current folder; as root it drops privileges to the `_apt` user,
# which then needs write access to that folder.
chmod 0777 "$work"
cd "$work" || exit 1
echo "fetch-training-images: downloading $packages" >&2
if ! apt-get download -qq $packages >"$work/apt.log" 2>&1; then
    cat "$work/apt.log" >&2
    echo "fetch-training-images: could not download the packages (no network or no apt lists? try" \
         "'apt-get update')" >&2
    exit 1
fi
for deb in "$work"/*.deb; do
    dpkg-deb -x "$deb" "$work/root" || { echo "fetch-training-images: cannot unpack $deb" >&2; exit 1; }
done

rm -rf "$dest"
mkdir -p "$dest/train" "$dest/val" || exit 1

# split NAME -> train or val, stable across machines (POSIX cksum is CRC-32 of the bytes).
split() {
    crc=$(printf '%s' "$1" | cksum | cut -d' ' -f1)
    if [ $((crc % 6)) -eq 0 ]; then echo val; else echo train; fi
}

# add SOURCE FILE NAME: convert to an 8-bit RGB image no wider than 1024 pixels (JPEG kept as is when
# small enough: re-encoding would add a generation of compression).
count=0
add() {
    source=$1 file=$2 name=$3
    side=$(split "$source/$name")
    mkdir -p "$dest/$side/$source"
    width=$(ffprobe -v error -select_streams v:0 -show_entries stream=width -of csv=p=0 "$file" 2>/dev/null)
    case "$file" in
        *.jpg|*.jpeg)
            if [ -n "$width" ] && [ "$width" -le 1024 ]; then
                cp "$file" "$dest/$side/$source/$name.jpg" && count=$((count + 1))
                return
            fi ;;
    esac
    # PNG keeps decoded WebP/PNG photos lossless; scale only when wider than 1024.
    if ffmpeg -v error -nostdin -y -i "$file" -frames:v 1 -vf "scale='min(1024,iw)':-2:flags=area,format=rgb24" \
        "$dest/$side/$source/$name.png"; then
        count=$((count + 1))
    else
        echo "fetch-training-images: cannot convert $file (skipped)" >&2
    fi
}

# endless-sky-data: every landscape photo.
for f in "$work"/root/usr/share/games/endless-sky/images/land/*.jpg; do
    [ -f "$f" ] && add endless-sky "$f" "$(basename "$f" .jpg)"
done
cp "$work/root/usr/share/doc/endless-sky-data/copyright" "$dest/endless-sky-copyright.txt" 2>/dev/null

# opencv-doc: the photographs (not the charts, logos, text, calibration boards or synthetic images;
# one image of each stereo pair).
for n in HappyFish.jpg aero1.jpg aloeL.jpg apple.jpg baboon.jpg building.jpg butterfly.jpg \
         ela_original.jpg fruits.jpg graf1.png home.jpg leuvenA.jpg messi5.jpg orange.jpg \
         pca_test1.jpg rubberwhale1.png smarties.png squirrel_cls.jpg stuff.jpg; do
    f="$work/root/usr/share/doc/opencv-doc/examples/data/$n"
    [ -f "$f" ] && add opencv "$f" "${n%.*}"
done
cp "$work/root/usr/share/doc/opencv-doc/copyright" "$dest/opencv-copyright.txt" 2>/dev/null

# python3-skimage: its colour photographs.
for n in astronaut.png chelsea.png coffee.png motorcycle_left.png rocket.jpg hubble_deep_field.jpg; do
    f=$(find "$work/root" -path "*/skimage/data/$n" | head -n 1)
    [ -n "$f" ] && add skimage "$f" "${n%.*}"
done
cp "$work/root/usr/share/doc/python3-skimage/copyright" "$dest/skimage-copyright.txt" 2>/dev/null

# add_listed SOURCE PACKAGE FOLDER FILE...: the named photographs of one package folder (files that
# are missing in another version of the package are skipped), and the package's copyright file.
add_listed() {
    source=$1 package=$2 folder=$3
    shift 3
    for n in "$@"; do
        f="$work/root/$folder/$n"
        [ -f "$f" ] && add "$source" "$f" "$(basename "${n%.*}")"
    done
    cp "$work/root/usr/share/doc/$package/copyright" "$dest/$source-copyright.txt" 2>/dev/null
}

# Desktop wallpapers: the photographs only (no abstract or drawn art; ColdRipple and Grey are
# black-and-white); plasma ships each picture at several sizes, one is enough.
add_listed mate mate-backgrounds usr/share/backgrounds/mate/nature \
    Aqua.jpg Blinds.jpg Dune.jpg FreshFlower.jpg Garden.jpg GreenMeadow.jpg LadyBird.jpg RainDrops.jpg \
    Storm.jpg TwoWings.jpg Wood.jpg YellowFlower.jpg
for n in BytheWater ColorfulCups DarkestHour EveningGlow FallenLeaf Kite OneStandsOut Path summer_1am; do
    f="$work/root/usr/share/wallpapers/$n/contents/images/2560x1600.jpg"
    [ -f "$f" ] && add plasma "$f" "$n"
done
cp "$work/root/usr/share/doc/plasma-workspace-wallpapers/copyright" "$dest/plasma-copyright.txt" 2>/dev/null
add_listed lomiri lomiri-wallpapers-16.04 usr/share/backgrounds \
    Bridge_by_Sander_Klootwijk.jpg Dragonfly_by_Bolly.jpg Picture_0B_by_freespace.jpg \
    Picture_1A_by_freespace.jpg Wine_by_Jakkub_Mede.jpg aitzgorri_by_Aitzol_Berasategi.jpg \
    free_by_Peter_Nerlich.jpg friends_by_Aitzol_Berasategi.jpg greentock_by_Peter_Nerlich.jpg \
    life_by_Aitzol_Berasategi.jpg picosdeeuropa_by_Aitzol_Berasategi.jpg \
    seeding_by_Clements_Engelhardt.jpg sunset_by_Aitzol_Berasategi.jpg Kleiber_by_Lukas_Baubkus.jpg
add_listed lxqt lxqt-themes usr/share/lxqt/wallpapers \
    Butterfly-Kenneth-Wimer.jpg after-the-rain.jpg fog.jpg this-is-not-windows.jpg Valendas.png \
    appleflower.png beam.png butterfly.png cloud.png drop.png flowers.png
cp "$work/root/usr/share/lxqt/wallpapers/License" "$dest/lxqt-wallpapers-license.txt" 2>/dev/null

# A few photographs each: jigsaw puzzles, document templates, toolkit and library examples.
add_listed palapeli palapeli-data usr/share/palapeli/collection \
    castle-maintenon.jpg cincinnati-bridge.jpg citrus-fruits.jpg european-honey-bee.jpg \
    panther-chameleon-female.jpg
add_listed scribus scribus-template usr/share/scribus/templates \
    menu2/pizza.jpg menu1/teriyaki.png br2/nature.jpg br2/sunset.jpg cal2/moon.jpg
add_listed kivy python-kivy-examples usr/share/kivy-examples \
    demo/pictures/images/Wall.jpg demo/pictures/images/faust_github.jpg widgets/cityCC0.png
for n in china.jpg flower.jpg; do
    f=$(find "$work/root" -path "*/sklearn/datasets/images/$n" | head -n 1)
    [ -n "$f" ] && add sklearn "$f" "${n%.*}"
done
cp "$work/root/usr/share/doc/python3-sklearn/copyright" "$dest/sklearn-copyright.txt" 2>/dev/null
add_listed tuxpaint tuxpaint-data usr/share/tuxpaint/starters reef-back.png skyline-sf-dusk-back.jpeg
add_listed matplotlib python-matplotlib-data usr/share/matplotlib/mpl-data/sample_data grace_hopper.jpg

# gcompris-qt-data: photos inside Qt resource (.rcc) files. Format (Qt's rcc, versions 1-3): header
# "qres", version, tree/data/names offsets (big-endian 32-bit); tree nodes of 14 (v1) or 22 bytes:
# name offset, flags (2 = directory, 1 = zlib, 4 = zstd), then child count + first child (directory)
# or country, language, data offset (file); data = 32-bit size + bytes (zlib data starts with a
# 32-bit uncompressed size); names = 16-bit length, 32-bit hash, UTF-16BE characters.
python=$(command -v /usr/bin/python3 || command -v python3)
if [ -n "$python" ]; then
    mkdir -p "$work/rcc"
    "$python" - "$work/root/usr/share/gcompris-qt/rcc" "$work/rcc" <<'EOF'
import os, re, struct, sys, zlib
src, out = sys.argv[1], sys.argv[2]
keep = re.compile(r'/activities/(categorization/resource/images/(fishes|monuments|others|renewable|tools)'
                  r'|erase/resource|explore_monuments/resource|explore_world_animals/resource'
                  r'|explore_farm_animals/resource)/.*\.(webp|jpg|jpeg|png)$', re.I)
def entries(blob):
    magic, version, tree, data, names = struct.unpack('>4sIIII', blob[:20])
    if magic != b'qres':
        return
    size = 22 if version >= 2 else 14
    def name(offset):
        n, = struct.unpack('>H', blob[names + offset:names + offset + 2])
        return blob[names + offset + 6:names + offset + 6 + 2 * n].decode('utf-16-be')
    stack = [(0, '')]
    while stack:
        index, prefix = stack.pop()
        p = tree + index * size
        name_offset, flags = struct.unpack('>IH', blob[p:p + 6])
        path = prefix + (name(name_offset) if index else '')
        if flags & 2:
            count, first = struct.unpack('>II', blob[p + 6:p + 14])
            stack.extend((first + c, path + '/') for c in range(count))
        else:
            offset, = struct.unpack('>I', blob[p + 10:p + 14])
            length, = struct.unpack('>I', blob[data + offset:data + offset + 4])
            payload = blob[data + offset + 4:data + offset + 4 + length]
            if flags & 4:
                continue  # zstd: photos are stored uncompressed in practice; skip rather than guess
            if flags & 1:
                payload = zlib.decompress(payload[4:])
            yield path, payload
for rcc in sorted(os.listdir(src)):
    if not rcc.endswith('.rcc'):
        continue
    with open(os.path.join(src, rcc), 'rb') as f:
        blob = f.read()
    for path, payload in entries(blob):
        if keep.search(path):
            parts = path.strip('/').split('/')
            # activity + last folder + file name, e.g. categorization-fishes-fish1.webp
            stem = '-'.join([parts[parts.index('activities') + 1]] + parts[-2:] if 'activities' in parts else parts[-2:])
            stem = stem.replace('-resource-', '-').replace('-images-', '-')
            with open(os.path.join(out, stem), 'wb') as f:
                f.write(payload)
EOF
    for f in "$work"/rcc/*; do
        [ -f "$f" ] || continue
        # Skip tiny sprites and pictures with transparency (cut-outs, not photographs).
        info=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,pix_fmt -of csv=p=0 "$f" 2>/dev/null)
        w=${info%%,*}
        case "$info" in *yuva*|*rgba*|*argb*|*bgra*|*pal8*) continue ;; esac
        [ -n "$w" ] && [ "$w" -ge 200 ] || continue
        n=$(basename "$f")
        add gcompris "$f" "${n%.*}"
    done
    cp "$work/root/usr/share/doc/gcompris-qt-data/copyright" "$dest/gcompris-copyright.txt" 2>/dev/null
else
    echo "fetch-training-images: no python3: gcompris photos skipped" >&2
fi

train=$(find "$dest/train" -type f | wc -l)
val=$(find "$dest/val" -type f | wc -l)
echo "fetch-training-images: $count photos in $dest ($train train, $val val)" >&2
[ "$count" -gt 0 ] || exit 1
exit 0
