#!/bin/sh
# context.sh: files given to advisor-lint are compared with the rest of their
# repository (the cross-file rules), and only the files given are reported on.
# The repository root: .advisor-lint.yaml's directory (not above .git), else
# git's top, else none; --context DIR, --no-context; a directory run has no
# context; the config's ignore applies to the context; a rename is not its own
# duplicate, nor is a file reached through a symbolic link; the cache never
# answers for a file that changed.
. "$(dirname "$0")/lib.sh"
command -v git > /dev/null || { echo "skipped: no git"; exit 77; }
seed=$src/fixtures/valid/seed-expressroute-mooncake.md

# a copy of FILE with new GUIDs (articleId, recommendationTypeId) and friendly name made from N
fresh() { # FILE N OUT
    sed -e "s/4a031d69-19fd-495f-9d25-93afbf7f1e89/4a031d69-19fd-495f-9d25-0000000000$2/" \
        -e "s/70f87e66-9b2d-4bfa-ae38-1d7d74837689/70f87e66-9b2d-4bfa-ae38-0000000000$2/" \
        -e "s/\"ExpressRouteGatewayRedundancy\"/\"ExpressRouteGatewayRedundancy$2\"/" "$1" > "$3"
}
gitrepo() { # DIR
    mkdir -p "$1" && git -C "$1" init -q && git -C "$1" config user.email t@example.com &&
        git -C "$1" config user.name t
}

r=$tmp/repo
gitrepo "$r"
mkdir -p "$r/articles/net" "$r/articles/sub" "$r/templates"
fresh "$seed" 01 "$r/articles/net/a.md"
fresh "$seed" 02 "$r/articles/net/b.md"
# the context's own defects: two duplicates of each other, broken JSON, a warning
fresh "$seed" 03 "$r/articles/net/d1.md"
fresh "$seed" 03 "$r/articles/net/d2.md"
fresh "$seed" 04 "$r/articles/net/broken.md"
sed -i 's/"recommendationCategory"/"recommendationCategory" "x"/' "$r/articles/net/broken.md"
fresh "$src/fixtures/rules/cloud-name-case/bad.md" 05 "$r/articles/net/warn.md"
printf '# Notes\n\nnot metadata\n' > "$r/README.md"
cd "$r" || exit 2
git add -A && git commit -qm init

# a copy of a.md is a duplicate of a.md: reported for the copy only, naming a.md
cp articles/net/a.md articles/net/copy.md
"$bin" articles/net/copy.md > "$tmp/copy.txt" 2>&1
expect_status 1 $? "a copied file"
expect_grep "articles/net/copy.md:6:14: error: articleId \"4a031d69-19fd-495f-9d25-000000000001_Mooncake\" is also the articleId of articles/net/a.md:6:14 [article-id-unique]" "$tmp/copy.txt" "the copy names the original"
expect_grep "[type-cloud-unique]" "$tmp/copy.txt" "the copy's type and cloud"
expect_grep "in 1 of 1 file" "$tmp/copy.txt" "one file checked"
# nothing of the context is reported: not its duplicates, its syntax error or its warnings
grep -v '^articles/net/copy.md:' "$tmp/copy.txt" | grep -v '^[0-9]* error' > "$tmp/others.txt"
expect_same /dev/null "$tmp/others.txt" "only the file given is reported"
"$bin" --format json articles/net/copy.md > "$tmp/copy.json"
expect_no_grep '"file": "articles/net/a.md"' "$tmp/copy.json" "JSON: no finding of the context"
expect_no_grep '"file": "articles/net/d1.md"' "$tmp/copy.json" "JSON: no finding of the context"

# --no-context: the copy alone is clean
"$bin" --no-context articles/net/copy.md > "$tmp/none.txt" 2>&1
expect_status 0 $? "--no-context"
expect_no_grep "[article-id-unique]" "$tmp/none.txt" "--no-context"

# from a subdirectory the other file is named relative to it
(cd articles/net && "$bin" copy.md) > "$tmp/sub.txt" 2>&1
expect_grep "copy.md:6:14: error: articleId \"4a031d69-19fd-495f-9d25-000000000001_Mooncake\" is also the articleId of a.md:6:14" "$tmp/sub.txt" "run from a subdirectory"

# given a directory, the run sees the tree it was given and nothing else
mv articles/net/copy.md articles/sub/copy.md
"$bin" articles/sub > "$tmp/dir.txt" 2>&1
expect_status 0 $? "a directory run has no context"
"$bin" --context . articles/sub > "$tmp/dirctx.txt" 2>&1
expect_status 1 $? "--context . with a directory"
expect_grep "articles/sub/copy.md:6:14: error: articleId \"4a031d69-19fd-495f-9d25-000000000001_Mooncake\" is also the articleId of articles/net/a.md" "$tmp/dirctx.txt" "--context DIR"
# a file and a directory: no context either
"$bin" articles/sub/copy.md articles/net > "$tmp/mixed.txt" 2>&1
expect_grep "[article-id-unique]" "$tmp/mixed.txt" "the directory's files are compared as given"
expect_grep "articles/net/d1.md:" "$tmp/mixed.txt" "files of a directory given are reported"
rm articles/sub/copy.md

# --context errors
"$bin" --context nowhere articles/net/a.md > "$tmp/e1.txt" 2>&1
expect_status 2 $? "--context of a missing directory"
expect_grep "advisor-lint: --context 'nowhere': No such file or directory" "$tmp/e1.txt" "its message"
"$bin" --context . --no-context articles/net/a.md > "$tmp/e2.txt" 2>&1
expect_status 2 $? "--context with --no-context"

# a staged rename is not a duplicate of itself, nor is the file through a symbolic link
git mv articles/net/a.md articles/net/renamed.md
"$bin" articles/net/renamed.md > "$tmp/rename.txt" 2>&1
expect_status 0 $? "a renamed file"
ln -s "$r" "$tmp/link"
(cd "$tmp" && "$bin" link/articles/net/renamed.md) > "$tmp/link.txt" 2>&1
expect_status 0 $? "a file given through a symbolic link to the repository"
git mv articles/net/renamed.md articles/net/a.md

# the config's ignore applies to the context, and its directory is the root
cp articles/net/b.md templates/template.md
"$bin" articles/net/b.md > "$tmp/tpl.txt" 2>&1
expect_status 1 $? "a template duplicates b.md"
printf 'ignore: [templates]\n' > .advisor-lint.yaml
"$bin" articles/net/b.md > "$tmp/tpl2.txt" 2>&1
expect_status 0 $? "ignored templates are not in the context"
rm .advisor-lint.yaml templates/template.md
# .advisor-lint.yaml in a subdirectory makes that the root: a.md is outside it
cp articles/net/a.md articles/sub/copy.md
printf 'rules: {}\n' > articles/sub/.advisor-lint.yaml
(cd articles/sub && "$bin" copy.md) > "$tmp/cfgroot.txt" 2>&1
expect_status 0 $? "the config's directory is the root"
rm articles/sub/.advisor-lint.yaml articles/sub/copy.md

# a config above the repository's top does not make its directory the root
gitrepo "$tmp/outer/inner"
fresh "$seed" 06 "$tmp/outer/one.md"
cp "$tmp/outer/one.md" "$tmp/outer/inner/one-copy.md"
printf 'rules: {}\n' > "$tmp/outer/.advisor-lint.yaml"
(cd "$tmp/outer/inner" && "$bin" one-copy.md) > "$tmp/outer.txt" 2>&1
expect_status 0 $? "no root above .git"
# no git and no config: no context
mkdir -p "$tmp/plain"
fresh "$seed" 07 "$tmp/plain/x.md"
cp "$tmp/plain/x.md" "$tmp/plain/y.md"
(cd "$tmp/plain" && "$bin" x.md) > "$tmp/plain.txt" 2>&1
expect_status 0 $? "no repository, no context"
(cd "$tmp/plain" && "$bin" --context . x.md) > "$tmp/plain2.txt" 2>&1
expect_status 1 $? "--context without a repository"

# names with spaces and non-ASCII letters in the context
cp articles/net/b.md "articles/net/b copy é.md"
"$bin" articles/net/b.md > "$tmp/space.txt" 2>&1
expect_grep "is also the articleId of articles/net/b copy é.md:6:14" "$tmp/space.txt" "a context file named with a space and é"
rm "articles/net/b copy é.md"

# the cache: a context file changed in place (same size) is read again at once
"$bin" articles/net/b.md > "$tmp/c1.txt" 2>&1
expect_status 0 $? "before the change"
sleep 3                          # the files are settled now: their facts are cached
"$bin" articles/net/b.md > "$tmp/c2.txt" 2>&1
"$bin" articles/net/b.md > "$tmp/c3.txt" 2>&1
expect_status 0 $? "from the cache"
ls "$XDG_CACHE_HOME"/advisor-lint/context-* > /dev/null 2>&1 || fail "no cache file written"
sed -i 's/000000000003_Mooncake/000000000002_Mooncake/' articles/net/d1.md
"$bin" articles/net/b.md > "$tmp/c6.txt" 2>&1
expect_status 1 $? "a cached context file edited to duplicate b.md"
expect_grep "is also the articleId of articles/net/d1.md" "$tmp/c6.txt" "the edit is seen, not the cached fact"
"$bin" --no-cache articles/net/b.md > "$tmp/c7.txt" 2>&1
expect_same "$tmp/c6.txt" "$tmp/c7.txt" "the same with --no-cache"
finish
