#!/bin/sh
# precommit.sh: this repository's hooks (.pre-commit-hooks.yaml) under the real
# pre-commit (Debian's, installed by scripts/install-deps.sh), as a user sets
# them up: a git repository whose .pre-commit-config.yaml names a clone of this
# source tree by `repo:` and `rev:`. The first run builds the tools into
# pre-commit's clone (saying so), later runs do not. A copied file fails the
# advisor-lint hook naming article-id-unique (and `git commit` is refused); a
# rename passes; an unrelated good edit passes; staged files that are not
# metadata pass; a deleted file is not linted; the repository's other files,
# defects and all (the real corpus when ../shared is there), are compared with
# but never reported; a stale generated tree fails advisor-codegen-check.
# Offline: `language: script` installs nothing.
. "$(dirname "$0")/lib.sh"
command -v git > /dev/null || { echo "skipped: no git"; exit 77; }
command -v pre-commit > /dev/null || { echo "skipped: no pre-commit (scripts/install-deps.sh installs it)"; exit 77; }
command -v cmake > /dev/null || { echo "skipped: no cmake to build the hook's tools"; exit 77; }
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
seed=$src/fixtures/valid/seed-expressroute-mooncake.md
say() { echo "-- $*"; }

fresh() { # FILE N OUT: a real-shaped file with its own GUIDs and friendly name
    sed -e "s/4a031d69-19fd-495f-9d25-93afbf7f1e89/4a031d69-19fd-495f-9d25-0000000000$2/" \
        -e "s/70f87e66-9b2d-4bfa-ae38-1d7d74837689/70f87e66-9b2d-4bfa-ae38-0000000000$2/" \
        -e "s/\"ExpressRouteGatewayRedundancy\"/\"ExpressRouteGatewayRedundancy$2\"/" "$1" > "$3"
}
commit_all() { # MESSAGE: commit without running the hooks (setting the scene)
    git add -A && git commit -q --no-verify -m "$1"
}

# ---- the hook repository: this source tree as committed in a clone ----
hooks=$tmp/hookrepo
mkdir -p "$hooks"
tar -C "$src" --exclude=./.git --exclude='./build*' --exclude=./bench/.build \
    --exclude='./bench/.corpus*' --exclude=./bench/.peers --exclude='./.hook-build*' \
    --exclude=./out -cf - . | tar -C "$hooks" -xf - || { fail "copying the source tree"; finish; }
git -C "$hooks" init -q && git -C "$hooks" config user.email t@example.com &&
    git -C "$hooks" config user.name t && git -C "$hooks" add -A &&
    git -C "$hooks" commit -q -m "advisor-lint under test" || { fail "committing the hook repository"; finish; }
rev=$(git -C "$hooks" rev-parse HEAD)

# ---- the user's repository ----
r=$tmp/work
mkdir -p "$r/articles/net" "$r/articles/db" "$r/docs"
cd "$r" || exit 2
git init -q . && git config user.email t@example.com && git config user.name t
i=10
for d in net net net db db db; do
    fresh "$seed" $i "articles/$d/rec$i-mooncake.md"
    i=$((i + 1))
done
if [ -d "$shared/corpus/real" ]; then
    cp -r "$shared/corpus/real" real            # known defects: compared with, never reported
else
    echo "note: $shared/corpus/real absent: the context is the articles only"
fi
printf '# Docs\n\nNot metadata.\n' > docs/README.md
printf '{"name": "tooling", "private": true}\n' > package.json
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: advisor-lint
EOF
if [ -n "$codegen" ] && [ -x "$codegen" ]; then
    cat >> .pre-commit-config.yaml <<'EOF'
      - id: advisor-codegen-check
        args: [-o, generated, articles]
EOF
    "$codegen" -o generated articles > "$tmp/gen.txt" 2>&1 || { cat "$tmp/gen.txt"; fail "advisor-codegen"; finish; }
else
    echo "note: advisor-codegen is not built; its hook is not run"
    codegen=""
fi
commit_all init
pre-commit install > "$tmp/install.txt" 2>&1 || { cat "$tmp/install.txt"; fail "pre-commit install"; finish; }

run_hook() { # HOOK-ID OUT: pre-commit run on the staged files, verbose
    pre-commit run --color never --verbose "$1" > "$2" 2>&1
}

# 1. the first run builds the tools; a copied file fails, naming article-id-unique
say "a copied file"
cp articles/net/rec10-mooncake.md articles/net/newcopy-public.md
git add articles/net/newcopy-public.md
run_hook advisor-lint "$tmp/copy.txt"
expect_status 1 $? "pre-commit run advisor-lint on a copied file"
sed 's/^/  | /' "$tmp/copy.txt"
expect_grep "first use: building advisor-lint and advisor-codegen" "$tmp/copy.txt" "the first run builds, and says so"
expect_grep "advisor-lint............" "$tmp/copy.txt" "the hook ran"
expect_grep "Failed" "$tmp/copy.txt" "the hook failed"
expect_grep "articles/net/newcopy-public.md:6:14: error: articleId \"4a031d69-19fd-495f-9d25-000000000010_Mooncake\" is also the articleId of articles/net/rec10-mooncake.md:6:14 [article-id-unique]" "$tmp/copy.txt" "the copy is named, with the original"
grep -q '^real/' "$tmp/copy.txt" && fail "a finding of the repository's other files was reported"
grep -q '^articles/net/rec10' "$tmp/copy.txt" && fail "the original was reported"
# the same through git commit: the commit is refused
git commit -q -m "copy" > "$tmp/commit.txt" 2>&1
expect_status 1 $? "git commit of a copied file"
expect_grep "[article-id-unique]" "$tmp/commit.txt" "git commit shows why"
[ "$(git rev-list --count HEAD)" = 1 ] || fail "the copy was committed"
git rm -q --cached articles/net/newcopy-public.md && rm articles/net/newcopy-public.md

# 2. later runs use the built tools
say "a second run"
run_hook advisor-lint "$tmp/again.txt"
expect_no_grep "first use" "$tmp/again.txt" "built once"

# 3. a rename passes: the renamed file is not a duplicate of itself
say "a rename"
git mv articles/db/rec13-mooncake.md articles/db/renamed-mooncake.md
run_hook advisor-lint "$tmp/rename.txt"
expect_status 0 $? "a renamed file"
expect_grep "Passed" "$tmp/rename.txt" "a renamed file passes"
git mv articles/db/renamed-mooncake.md articles/db/rec13-mooncake.md

# 4. an unrelated good edit passes, and with the generated tree regenerated, git commit goes through
say "a good edit"
sed -i 's/"recommendationImpact": "Medium"/"recommendationImpact": "High"/' articles/net/rec11-mooncake.md
printf '# Docs\n\nMore, still not metadata.\n' > docs/README.md
printf '{"name": "tooling", "private": false}\n' > package.json
git add -A
run_hook advisor-lint "$tmp/edit.txt"
expect_status 0 $? "an unrelated good edit"
expect_grep "no problems in 1 file (2 skipped: not advisor metadata)" "$tmp/edit.txt" "the edited file and the files that are not metadata"
if [ -n "$codegen" ]; then
    run_hook advisor-codegen-check "$tmp/stale.txt"
    expect_status 1 $? "the generated tree is stale after the edit"
    expect_grep "Failed" "$tmp/stale.txt" "advisor-codegen-check fails on a stale tree"
    "$codegen" -o generated articles > "$tmp/gen2.txt" 2>&1 || fail "regenerating"
    git add -A
    run_hook advisor-codegen-check "$tmp/fresh.txt"
    expect_status 0 $? "the regenerated tree is current"
fi
git commit -q -m "edit" > "$tmp/commit2.txt" 2>&1
expect_status 0 $? "git commit of a good edit"
[ "$(git rev-list --count HEAD)" = 2 ] || { fail "the good edit was not committed"; cat "$tmp/commit2.txt"; }

# 5. a staged deletion is not linted
say "a deletion"
git rm -q articles/db/rec14-mooncake.md
run_hook advisor-lint "$tmp/del.txt"
expect_status 0 $? "a deleted file"
expect_no_grep "read-error" "$tmp/del.txt" "a deleted file is not linted"
finish
