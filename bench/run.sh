#!/bin/sh
# bench/run.sh: benchmark advisor-lint against the cat floor and, where installed, the peers
# (ajv-cli, sourcemeta jsonschema). See bench/RESULTS.md for figures and the README's "Benchmarks".
#
#   bench/run.sh [--quick] [--runs K] [--seed S] [--install-peers] [--jobs N] [--no-build]
#
#   --quick          skip the 100,000-file corpus
#   --runs K         timed runs per command (default 5); the median is printed
#   --seed S         corpus seed (default 1); corpora are cached in bench/.corpus-N-S/
#   --install-peers  npm install ajv-cli, ajv-formats and @sourcemeta/jsonschema into bench/.peers/
#   --jobs N         advisor-lint -j N (default 2)
#   --no-build       use the Release binary already in bench/.build
#
# Cases: 1 file (pre-commit), the real corpus ../shared/corpus/real when present, 20,000 and 100,000
# synthetic files. Every command's output goes to /dev/null; exit statuses are ignored (the corpora
# carry defects on purpose). Times are wall clock of the whole process, measured with hyperfine when
# present (installed with apt-get when missing and root), else a date +%s%N loop; peak RSS from one
# extra run under /usr/bin/time -f %M.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

runs=5 quick=0 seed=1 install=0 jobs=2 build=1
while [ $# -gt 0 ]; do
    case $1 in
        --quick) quick=1 ;;
        --runs) runs=$2; shift ;;
        --runs=*) runs=${1#--runs=} ;;
        --seed) seed=$2; shift ;;
        --seed=*) seed=${1#--seed=} ;;
        --jobs) jobs=$2; shift ;;
        --jobs=*) jobs=${1#--jobs=} ;;
        --install-peers) install=1 ;;
        --no-build) build=0 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

say() { echo "run.sh: $*" >&2; }

# ---- tools ----
if ! command -v hyperfine >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing hyperfine (apt-get)"
    apt-get install -y -qq hyperfine >/dev/null 2>&1 || say "hyperfine not installed; falling back to a date loop"
fi
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq time >/dev/null 2>&1 || true
fi
have_hf=0; command -v hyperfine >/dev/null 2>&1 && have_hf=1
have_time=0; [ -x /usr/bin/time ] && have_time=1

if [ "$install" = 1 ]; then
    say "npm install --prefix bench/.peers ajv-cli ajv-formats @sourcemeta/jsonschema"
    npm install --prefix "$here/.peers" ajv-cli ajv-formats @sourcemeta/jsonschema >&2
fi

# ---- build ----
lint=$here/.build/validator/advisor-lint
if [ "$build" = 1 ]; then
    say "building a Release advisor-lint in bench/.build"
    cmake -S . -B bench/.build -DCMAKE_BUILD_TYPE=Release -DADVISOR_TESTS=OFF >/dev/null
    cmake --build bench/.build -j 2 --target advisor-lint >/dev/null
fi
[ -x "$lint" ] || { say "no $lint"; exit 2; }
mkdir -p "$here/.build"
gen=$here/.build/gen_corpus
if [ ! -x "$gen" ] || [ "$here/gen_corpus.c" -nt "$gen" ]; then
    cc -O2 -std=c11 -o "$gen" "$here/gen_corpus.c"
fi
jobs_opt="-j $jobs"
if ! "$lint" --help 2>&1 | grep -q -- '--jobs'; then
    say "advisor-lint --help lists no --jobs: running without -j"
    jobs_opt=""
fi

# ---- peers ----
peer_schema=$here/peer-schema.json
ajv=$here/.peers/node_modules/.bin/ajv
[ -x "$ajv" ] || ajv=""
# sourcemeta: call the native binary the npm package ships (its bin/ wrapper is a node script that
# spawns it, which adds node's start-up to every run); fall back to the wrapper
sm=""
case $(uname -m) in x86_64|amd64) smarch=x86_64 ;; aarch64|arm64) smarch=arm64 ;; *) smarch=none ;; esac
for c in "$here/.peers/node_modules/@sourcemeta/jsonschema/build/github-releases/jsonschema-linux-$smarch" \
         "$here/.peers/node_modules/.bin/jsonschema"; do
    if [ -x "$c" ]; then sm=$c; break; fi
done

# ---- corpora ----
# bench/.corpus-N-SEED/ (the .md files), bench/.corpus-N-SEED.bodies/ (their bodies as .json, for the
# peers); regenerated when gen_corpus.c changes (its checksum is kept in bench/.corpus-N-SEED.stamp)
stamp=$(cksum < "$here/gen_corpus.c" | awk '{print $1}')
corpus() { # N -> prints the directory
    d=$here/.corpus-$1-$seed
    if [ ! -d "$d" ] || [ ! -d "$d.bodies" ] || [ "$(cat "$d.stamp" 2>/dev/null)" != "$stamp" ]; then
        say "generating $1 files (seed $seed) in bench/.corpus-$1-$seed"
        rm -rf "$d" "$d.bodies" "$d.tmp" "$d.tmp.bodies" "$d.defects.tsv" "$d.tmp.defects.tsv"
        "$gen" --seed "$seed" --count "$1" --out "$d.tmp" >&2
        mv "$d.tmp" "$d"; mv "$d.tmp.bodies" "$d.bodies"; mv "$d.tmp.defects.tsv" "$d.defects.tsv"
        echo "$stamp" > "$d.stamp"
    fi
    echo "$d"
}

# ---- measuring ----
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

median_of() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# measure CMD: prints "median_seconds peak_rss_kb"
measure() {
    cmd=$1
    if [ "$have_hf" = 1 ]; then
        hyperfine --style none --warmup 1 --runs "$runs" -i --export-csv "$tmp/hf.csv" "$cmd" >/dev/null 2>&1 || true
        # command,mean,stddev,median,user,system,min,max
        med=$(awk -F, 'NR == 2 {print $(NF-4)}' "$tmp/hf.csv")
    else
        sh -c "$cmd" >/dev/null 2>&1 || true
        i=0; : > "$tmp/t"
        while [ $i -lt "$runs" ]; do
            t0=$(date +%s%N); sh -c "$cmd" >/dev/null 2>&1 || true; t1=$(date +%s%N)
            echo "$t0 $t1" | awk '{printf "%.6f\n", ($2 - $1) / 1e9}' >> "$tmp/t"
            i=$((i + 1))
        done
        med=$(median_of < "$tmp/t")
    fi
    rss=nan
    if [ "$have_time" = 1 ]; then
        /usr/bin/time -f '%M' -o "$tmp/rss" sh -c "$cmd" >/dev/null 2>&1 || true
        rss=$(tail -n 1 "$tmp/rss")
    fi
    echo "$med $rss"
}

bytes_of() { # DIR NAME-PATTERN -> total bytes
    find "$1" -type f -name "$2" -print0 | xargs -0 cat | wc -c | tr -d ' '
}
count_of() { find "$1" -type f -name "$2" | wc -l | tr -d ' '; }

row() { # case tool files bytes median rss floor lint
    awk -v c="$1" -v t="$2" -v f="$3" -v b="$4" -v m="$5" -v r="$6" -v fl="$7" -v l="$8" 'BEGIN {
        mb = b / 1e6
        fps = (m > 0) ? f / m : 0; mbs = (m > 0) ? mb / m : 0
        rs = (r == "nan") ? "-" : sprintf("%.1f", r / 1024)
        xf = (fl > 0) ? sprintf("%.2f", m / fl) : "-"
        lt = (l == "-" || m <= 0) ? "-" : sprintf("%.2f", l / m)
        printf "%-8s %-22s %7d %8.3f %10.4f %10.0f %8.1f %9s %8s %9s\n", c, t, f, mb, m, fps, mbs, rs, xf, lt
    }'
}

# bench_case NAME MDDIR BODIESDIR|- [SINGLE_MD SINGLE_JSON]
bench_case() {
    name=$1 dir=$2 bodies=$3 one_md=${4:-} one_json=${5:-}
    if [ -n "$one_md" ]; then
        files=1 bytes=$(wc -c < "$one_md" | tr -d ' ')
        cat_cmd="cat '$one_md' > /dev/null"
        lint_cmd="'$lint' $jobs_opt '$one_md' > /dev/null"
    else
        files=$(count_of "$dir" '*.md') bytes=$(bytes_of "$dir" '*.md')
        cat_cmd="find '$dir' -type f -name '*.md' -print0 | xargs -0 cat > /dev/null"
        lint_cmd="'$lint' $jobs_opt '$dir' > /dev/null"
    fi
    set -- $(measure "$cat_cmd"); cat_t=$1 cat_r=$2
    row "$name" cat "$files" "$bytes" "$cat_t" "$cat_r" "$cat_t" -
    set -- $(measure "$lint_cmd"); lint_t=$1 lint_r=$2
    row "$name" "advisor-lint $jobs_opt" "$files" "$bytes" "$lint_t" "$lint_r" "$cat_t" -
    [ "$bodies" = - ] && return 0
    if [ -n "$one_json" ]; then
        bfiles=1 bbytes=$(wc -c < "$one_json" | tr -d ' ')
        ajv_data=$one_json sm_data=$one_json
    else
        bfiles=$(count_of "$bodies" '*.json') bbytes=$(bytes_of "$bodies" '*.json')
        ajv_data="$bodies/**/*.json" sm_data=$bodies
    fi
    if [ -n "$ajv" ]; then
        set -- $(measure "'$ajv' validate --spec=draft2020 -c ajv-formats --strict=false -s '$peer_schema' -d '$ajv_data' > /dev/null 2>&1")
        row "$name" "ajv-cli" "$bfiles" "$bbytes" "$1" "$2" "$cat_t" "$lint_t"
    fi
    if [ -n "$sm" ]; then
        set -- $(measure "'$sm' validate --fast --continue '$peer_schema' '$sm_data' > /dev/null 2>&1")
        row "$name" "sourcemeta jsonschema" "$bfiles" "$bbytes" "$1" "$2" "$cat_t" "$lint_t"
    fi
}

say "runs $runs, hyperfine $([ "$have_hf" = 1 ] && hyperfine --version | awk '{print $2}' || echo absent)," \
    "ajv $([ -n "$ajv" ] && echo yes || echo absent), sourcemeta $([ -n "$sm" ] && "$sm" --version 2>/dev/null || echo absent)"

c20=$(corpus 20000)
printf '%-8s %-22s %7s %8s %10s %10s %8s %9s %8s %9s\n' \
    case tool files MB 'median s' files/s MB/s 'RSS MB' 'x floor' 'lint/this'
one=$(find "$c20" -type f -name '*.md' | LC_ALL=C sort | head -n 1)
one_rel=${one#"$c20"/}
bench_case "1 file" "$c20" "$c20.bodies" "$one" "$c20.bodies/${one_rel%.md}.json"

real=$root/../shared/corpus/real
if [ -d "$real" ]; then
    real=$(cd "$real" && pwd)
    rb=-
    if command -v node >/dev/null 2>&1 && { [ -n "$ajv" ] || [ -n "$sm" ]; }; then
        rb=$here/.corpus-real.bodies
        if [ ! -d "$rb" ]; then
            node "$here/extract_bodies.js" "$real" "$rb.tmp" >/dev/null && mv "$rb.tmp" "$rb"
        fi
    fi
    bench_case real "$real" "$rb"
else
    say "no ../shared/corpus/real: real corpus skipped"
fi

bench_case 20000 "$c20" "$c20.bodies"
if [ "$quick" = 0 ]; then
    c100=$(corpus 100000)
    bench_case 100000 "$c100" "$c100.bodies"
fi
echo "x floor: median over cat's median on the same files; lint/this: advisor-lint's median over this tool's (< 1: advisor-lint is faster)"
echo "peers validate the bodies alone (DIR.bodies/*.json) against bench/peer-schema.json; MB and MB/s count each tool's own input"
