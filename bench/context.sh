#!/bin/sh
# bench/context.sh: one changed file linted with its repository as context, against a full run.
# See bench/RESULTS.md ("Repository context") for figures.
#
#   bench/context.sh [--runs K] [--seed S] [--jobs N] [--no-build]
#
#   --runs K     timed runs per command (default 10); the median is printed
#   --seed S     corpus seed (default 1), as bench/run.sh
#   --jobs N     advisor-lint -j N (default 2)
#   --no-build   use the Release binary already in bench/.build
#
# Repositories: the 20,000-file corpus of bench/gen_corpus.c and, when present,
# ../shared/corpus/real (411 files), each copied into bench/.context-NAME/ and committed
# to git there, with one file then edited (its description) as a pull request or a
# pre-commit run would change it. Cases, from the repository's top:
#   full            advisor-lint DIR                    every file, no context (a CI run)
#   ctx-warm        advisor-lint FILE                   the file, the repository as context, the
#                                                       context cache filled by an earlier run
#   ctx-edited      advisor-lint FILE                   as ctx-warm, FILE just edited (touched before
#                                                       each run, its old cache entry there): it is
#                                                       read again, as in a pre-commit run
#   ctx-cold        advisor-lint --no-cache FILE        the same, every context file read
#   changed-since   advisor-lint --changed-since HEAD   git finds the file, then as ctx-warm
#   alone           advisor-lint --no-context FILE      the file by itself (the floor)
#   git-toplevel    git rev-parse --show-toplevel       what finding the root costs
# Times are wall clock of the whole process (hyperfine when present, else a date loop),
# the median, and CPU time (user + system, hyperfine's mean), less sensitive to load;
# exit statuses are ignored (the corpora carry defects on purpose). The context cache is
# bench/.context-cache (XDG_CACHE_HOME), filled before timing.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=10 seed=1 jobs=2 build=1
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift ;;
        --runs=*) runs=${1#--runs=} ;;
        --seed) seed=$2; shift ;;
        --seed=*) seed=${1#--seed=} ;;
        --jobs) jobs=$2; shift ;;
        --jobs=*) jobs=${1#--jobs=} ;;
        --no-build) build=0 ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "context.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
say() { echo "context.sh: $*" >&2; }
command -v git > /dev/null || { say "git is needed"; exit 2; }

lint=$here/.build/validator/advisor-lint
if [ "$build" = 1 ]; then
    say "building a Release advisor-lint in bench/.build"
    cmake -S "$root" -B "$here/.build" -DCMAKE_BUILD_TYPE=Release -DADVISOR_TESTS=OFF > /dev/null
    cmake --build "$here/.build" -j 2 --target advisor-lint > /dev/null
fi
[ -x "$lint" ] || { say "no $lint"; exit 2; }
gen=$here/.build/gen_corpus
if [ ! -x "$gen" ] || [ "$here/gen_corpus.c" -nt "$gen" ]; then
    cc -O2 -std=c11 -o "$gen" "$here/gen_corpus.c"
fi
export XDG_CACHE_HOME=$here/.context-cache
have_hf=0; command -v hyperfine > /dev/null 2>&1 && have_hf=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# repo NAME SOURCE-DIR -> prints bench/.context-NAME, a git repository of SOURCE-DIR's files
repo() {
    d=$here/.context-$1
    stamp="$2 $(cksum < "$here/context.sh" | awk '{print $1}')"
    if [ ! -d "$d/.git" ] || [ "$(cat "$d.stamp" 2>/dev/null)" != "$stamp" ]; then
        say "making $d (a git repository of $2)"
        rm -rf "$d" "$d.stamp"
        mkdir -p "$d"
        cp -r "$2"/. "$d"/
        git -C "$d" init -q
        git -C "$d" add -A
        git -C "$d" -c user.email=b@example.com -c user.name=bench commit -q -m corpus
        echo "$stamp" > "$d.stamp"
    fi
    echo "$d"
}

# the file a run changes: the first metadata file in byte order, its description edited
changed_file() { # REPO -> prints the path relative to REPO
    f=$(cd "$1" && find . -name '*.md' -type f | LC_ALL=C sort | head -n 1)
    f=${f#./}
    (cd "$1" && git checkout -q -- "$f" && sed -i 's/"description": "/"description": "Edited. /' "$f")
    echo "$f"
}

median_of() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

measure() { # DIR CMD [PREPARE-SCRIPT] -> "median-wall-seconds mean-cpu-seconds" (cpu: user + system; "nan" without hyperfine)
    prep=${3:-}
    if [ "$have_hf" = 1 ]; then
        (cd "$1" && hyperfine -N --style none --warmup 2 --runs "$runs" -i ${prep:+--prepare "sh $prep"} \
            --export-csv "$tmp/hf.csv" "$2" > /dev/null 2>&1) || true
        # command,mean,stddev,median,user,system,min,max
        awk -F, 'NR == 2 {print $(NF-4), $(NF-3) + $(NF-2)}' "$tmp/hf.csv"
    else
        : > "$tmp/t"
        i=0
        while [ $i -lt "$runs" ]; do
            [ -z "$prep" ] || sh "$prep"
            t0=$(date +%s%N); (cd "$1" && sh -c "$2" > /dev/null 2>&1) || true; t1=$(date +%s%N)
            echo "$t0 $t1" | awk '{printf "%.6f\n", ($2 - $1) / 1e9}' >> "$tmp/t"
            i=$((i + 1))
        done
        echo "$(median_of < "$tmp/t") nan"
    fi
}

row() { # NAME CASE FILES "MEDIAN CPU" "FULL-MEDIAN FULL-CPU"
    set -- "$1" "$2" "$3" $4 $5
    awk -v n="$1" -v c="$2" -v f="$3" -v m="$4" -v u="$5" -v full="$6" -v fu="$7" 'BEGIN {
        printf "%-8s %-14s %7d %10.4f %9s %10s %9s\n", n, c, f, m, (full > 0) ? sprintf("%.3f", m / full) : "-",
            (u == "nan") ? "-" : sprintf("%.4f", u), (u == "nan" || fu <= 0) ? "-" : sprintf("%.3f", u / fu)
    }'
}

bench_repo() { # NAME DIR
    name=$1 d=$2
    files=$(find "$d" -name '*.md' -type f | wc -l | tr -d ' ')
    f=$(changed_file "$d")
    # fill the context cache (its entries are recorded once files are 2 s old)
    (cd "$d" && "$lint" -j "$jobs" "$f" > /dev/null 2>&1) || true
    sleep 3
    (cd "$d" && "$lint" -j "$jobs" "$f" > /dev/null 2>&1) || true
    (cd "$d" && "$lint" -j "$jobs" "$f" > "$tmp/out.txt" 2>&1) || true
    say "$name: $(tail -n 1 "$tmp/out.txt") ($f)"
    full=$(measure "$d" "$lint -j $jobs .")
    row "$name" full "$files" "$full" "$full"
    row "$name" ctx-warm 1 "$(measure "$d" "$lint -j $jobs $f")" "$full"
    cachefile=$(ls -t "$XDG_CACHE_HOME"/advisor-lint/context-* | head -n 1)
    cp "$cachefile" "$tmp/cache.bak"
    printf 'cp "%s" "%s"\ntouch "%s"\n' "$tmp/cache.bak" "$cachefile" "$d/$f" > "$tmp/prep.sh"
    row "$name" ctx-edited 1 "$(measure "$d" "$lint -j $jobs $f" "$tmp/prep.sh")" "$full"
    sleep 3                      # FILE settles: the other cases find its entry again
    row "$name" ctx-cold 1 "$(measure "$d" "$lint -j $jobs --no-cache $f")" "$full"
    row "$name" changed-since 1 "$(measure "$d" "$lint -j $jobs --changed-since HEAD")" "$full"
    row "$name" alone 1 "$(measure "$d" "$lint -j $jobs --no-context $f")" "$full"
    row "$name" git-toplevel 0 "$(measure "$d" "git rev-parse --show-toplevel")" "$full"
}

say "runs $runs, -j $jobs, hyperfine $([ "$have_hf" = 1 ] && hyperfine --version | awk '{print $2}' || echo absent); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)"
c20=$here/.corpus-20000-$seed
if [ ! -d "$c20" ]; then
    say "generating 20000 files (seed $seed) in $c20"
    "$gen" --seed "$seed" --count 20000 --out "$c20.tmp" >&2
    mv "$c20.tmp" "$c20"; mv "$c20.tmp.bodies" "$c20.bodies"; mv "$c20.tmp.defects.tsv" "$c20.defects.tsv"
fi
printf '%-8s %-14s %7s %10s %9s %10s %9s\n' repo case files 'median s' '/ full' 'cpu s' '/ full'
bench_repo 20000 "$(repo 20000-$seed "$c20")"
real=$root/../shared/corpus/real
if [ -d "$real" ]; then
    bench_repo real "$(repo real "$(cd "$real" && pwd)")"
else
    say "no ../shared/corpus/real: the real corpus is skipped"
fi
say "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
