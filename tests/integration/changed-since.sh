#!/bin/sh
# changed-since.sh: --changed-since REF lints the files changed between REF's
# merge base with HEAD and the working tree (changed, added, renamed, untracked;
# not deleted ones), with the repository as context, so a pull request's job
# reports only what it touched while the cross-file rules see everything.
# Names with spaces, quotes and non-ASCII letters; PATHs limit the files; from
# a subdirectory; outside a git work tree or with an unknown reference: exit 2.
. "$(dirname "$0")/lib.sh"
command -v git > /dev/null || { echo "skipped: no git"; exit 77; }
seed=$src/fixtures/valid/seed-expressroute-mooncake.md

fresh() { # FILE N OUT: a copy with its own GUIDs and friendly name
    sed -e "s/4a031d69-19fd-495f-9d25-93afbf7f1e89/4a031d69-19fd-495f-9d25-0000000000$2/" \
        -e "s/70f87e66-9b2d-4bfa-ae38-1d7d74837689/70f87e66-9b2d-4bfa-ae38-0000000000$2/" \
        -e "s/\"ExpressRouteGatewayRedundancy\"/\"ExpressRouteGatewayRedundancy$2\"/" "$1" > "$3"
}
defect() { # FILE: a raw tab in a string (json-control-character, an error)
    sed -i 's/"recommendationImpact": "Medium"/"recommendationImpact": "Med\tium"/' "$1"
}

r=$tmp/repo
mkdir -p "$r/articles/net" "$r/articles/db" "$r/docs"
cd "$r" || exit 2
git init -q -b main . 2>/dev/null || { git init -q . && git checkout -q -b main; }
git config user.email t@example.com && git config user.name t
fresh "$seed" 01 articles/net/changed.md
fresh "$seed" 02 articles/net/original.md
fresh "$seed" 03 articles/net/to-rename.md
fresh "$seed" 04 "articles/net/to delete.md"
fresh "$seed" 05 articles/db/untouched.md
defect articles/db/untouched.md          # a defect the pull request does not touch
printf '# Docs\n' > docs/README.md
git add -A && git commit -qm base

git checkout -q -b feature
defect articles/net/changed.md                                     # changed
cp articles/net/original.md "articles/net/new copy é.md"           # added: a copy
git mv articles/net/to-rename.md articles/net/renamed.md           # renamed
git rm -q "articles/net/to delete.md"                              # deleted
printf '# Docs, more\n' > docs/README.md                           # not metadata
printf 'notes\n' > notes.txt                                       # not a metadata name
git add -A && git commit -qm feature
# main moves on after the branch point: its new files are not the pull request's
git checkout -q main
fresh "$seed" 08 articles/db/later-on-main.md
defect articles/db/later-on-main.md
git add -A && git commit -qm later
git checkout -q feature
fresh "$seed" 06 "articles/db/untracked \"q\".md"                  # untracked, not ignored
defect "articles/db/untracked \"q\".md"
fresh "$seed" 07 articles/db/ignored.md
defect articles/db/ignored.md
printf 'articles/db/ignored.md\n' > .gitignore

"$bin" --format json --changed-since main > "$tmp/pr.json" 2> "$tmp/pr.err"
expect_status 1 $? "errors in the changed files"
"$bin" --changed-since main > "$tmp/pr.txt" 2>&1
expect_grep 'articles/net/changed.md:' "$tmp/pr.txt" "a changed file"
expect_grep 'articles/net/new copy é.md:6:14: error: articleId "4a031d69-19fd-495f-9d25-000000000002_Mooncake" is also the articleId of articles/net/original.md:6:14 [article-id-unique]' "$tmp/pr.txt" "an added copy, compared with an unchanged file"
expect_grep 'articles/db/untracked "q".md:' "$tmp/pr.txt" "an untracked file"
expect_no_grep 'articles/net/renamed.md:' "$tmp/pr.txt" "a renamed file is not its own duplicate"
expect_no_grep 'to delete' "$tmp/pr.txt" "a deleted file"
expect_no_grep 'read-error' "$tmp/pr.txt" "nothing unreadable"
expect_no_grep 'articles/db/untouched.md:' "$tmp/pr.txt" "an untouched file's defect"
expect_no_grep 'articles/db/ignored.md' "$tmp/pr.txt" "a git-ignored file"
expect_no_grep 'later-on-main' "$tmp/pr.txt" "main's later commits"
grep -q '^articles/net/original.md:' "$tmp/pr.txt" && fail "the original is context only"
# changed.md, new copy, renamed.md, untracked "q"; docs/README.md skipped; notes.txt not listed
expect_grep '"checked": 4,' "$tmp/pr.json" "the files linted"
expect_grep '"skipped": 1,' "$tmp/pr.json" "the files linted"

# PATHs limit the changed files; from a subdirectory, names are relative to it
"$bin" --changed-since main articles/db > "$tmp/db.txt" 2>&1
expect_grep 'articles/db/untracked "q".md:' "$tmp/db.txt" "limited to articles/db"
expect_no_grep 'articles/net/' "$tmp/db.txt" "limited to articles/db"
(cd articles/net && "$bin" --changed-since main) > "$tmp/subdir.txt" 2>&1
expect_grep 'new copy é.md:6:14: error: articleId "4a031d69-19fd-495f-9d25-000000000002_Mooncake" is also the articleId of original.md:6:14' "$tmp/subdir.txt" "from a subdirectory"
expect_grep '../db/untracked "q".md:' "$tmp/subdir.txt" "other directories from a subdirectory"

# --no-context: the copy has nothing to be a copy of
"$bin" --no-context --changed-since main articles/net > "$tmp/nc.txt" 2>&1
expect_no_grep '[article-id-unique]' "$tmp/nc.txt" "--changed-since --no-context"

# nothing changed: nothing to lint, exit 0
git stash -q -a
"$bin" --changed-since HEAD > "$tmp/same.txt" 2>&1
expect_status 0 $? "no change since HEAD"
git stash pop -q

# an unknown reference, an option-like one, and no git work tree: usage errors
"$bin" --changed-since no-such-branch > "$tmp/bad.txt" 2>&1
expect_status 2 $? "an unknown reference"
expect_grep "advisor-lint: --changed-since no-such-branch: no merge base of 'no-such-branch' and HEAD: " "$tmp/bad.txt" "its message"
"$bin" --changed-since=--output=x > "$tmp/opt.txt" 2>&1
expect_status 2 $? "a reference that looks like an option"
[ -e x ] && fail "git took the reference for an option"
mkdir -p "$tmp/nogit"
(cd "$tmp/nogit" && GIT_CEILING_DIRECTORIES=$tmp "$bin" --changed-since main) > "$tmp/nogit.txt" 2>&1
expect_status 2 $? "outside a git work tree"
expect_grep "advisor-lint: --changed-since main: not in a git work tree: fatal: not a git repository" "$tmp/nogit.txt" "its message"
finish
