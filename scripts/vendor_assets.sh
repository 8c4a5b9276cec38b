#!/usr/bin/env bash
# Copies the front-end packages pinned in package-lock.json into committed static files
# (src/livskraft/web/static/vendor/<package without its @>/), each with its licence and package.json, so
# the site serves every asset itself and needs neither npm nor a CDN at runtime.
# Run after changing package.json:  scripts/vendor_assets.sh   (needs Node.js and npm)
# To vendor another package: add it to package.json and a `vendor` line below.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --ignore-scripts --no-audit --no-fund
target=src/livskraft/web/static/vendor

# vendor PACKAGE FILE... : FILE paths are relative to node_modules/PACKAGE and keep their folders.
vendor() {
  local package=$1; shift
  local source=node_modules/$package destination=$target/${package#@}
  rm -rf "$destination"
  mkdir -p "$destination"
  cp "$source/package.json" "$source/LICENSE" "$destination/"
  local file
  for file in "$@"; do
    mkdir -p "$destination/$(dirname "$file")"
    cp "$source/$file" "$destination/$file"
  done
}

vendor @digdir/designsystemet-css dist/src/index.css
vendor @digdir/designsystemet-theme src/themes/designsystemet.css
# Leaflet draws the national maps (the server-rendered SVG map stays for pages without JavaScript);
# its source map too, since collectstatic's manifest storage follows leaflet.js's sourceMappingURL.
vendor leaflet dist/leaflet.js dist/leaflet.js.map dist/leaflet.css dist/images/layers.png dist/images/layers-2x.png dist/images/marker-icon.png dist/images/marker-icon-2x.png dist/images/marker-shadow.png
# Inter is the theme's typeface: the variable font, upright and italic, every subset.
(cd node_modules/@fontsource-variable/inter && ls files/inter-*-wght-*.woff2) > /tmp/livskraft-inter-files
mapfile -t inter_files < /tmp/livskraft-inter-files
vendor @fontsource-variable/inter wght.css wght-italic.css "${inter_files[@]}"
rm -f /tmp/livskraft-inter-files
echo "Vendored into $target:"
(cd "$target" && find . -name package.json -printf '  %h\n' | sort)
