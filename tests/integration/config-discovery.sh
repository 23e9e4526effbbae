#!/bin/sh
# config-discovery.sh: .advisor-lint.yaml is found by walking up from the
# current directory; --config names another, --no-config ignores it; globs
# are relative to the config's directory wherever advisor-lint runs from.
. "$(dirname "$0")/lib.sh"
repo=$tmp/repo
mkdir -p "$repo/articles/legacy" "$repo/sub/deeper"
cp "$src/tests/cli/config/data/legacy/b.md" "$repo/articles/legacy/b.md"
cat > "$repo/.advisor-lint.yaml" <<'YAML'
overrides:
  - files: ["articles/legacy/**"]
    rules: {insecure-link: off}
YAML
printf 'rules: {cloud-name-case: off}\n' > "$tmp/other.yaml"

cd "$repo/sub/deeper" || exit 2
"$bin" ../../articles > "$tmp/found.txt"
expect_no_grep "[insecure-link]" "$tmp/found.txt" "config found two directories up"
expect_grep "[cloud-name-case]" "$tmp/found.txt" "config found two directories up"

"$bin" --no-config ../../articles > "$tmp/none.txt"
expect_grep "[insecure-link]" "$tmp/none.txt" "--no-config"

"$bin" --config "$tmp/other.yaml" ../../articles > "$tmp/other.txt"
expect_grep "[insecure-link]" "$tmp/other.txt" "--config replaces the found one"
expect_no_grep "[cloud-name-case]" "$tmp/other.txt" "--config replaces the found one"

cd "$repo" || exit 2
"$bin" articles/legacy/b.md > "$tmp/root.txt"
expect_no_grep "[insecure-link]" "$tmp/root.txt" "explicit file, from the config's directory"

cd "$tmp" || exit 2
"$bin" --config repo/.advisor-lint.yaml "$repo/articles" > "$tmp/abs.txt"
expect_no_grep "[insecure-link]" "$tmp/abs.txt" "absolute path, config named relative"
finish
