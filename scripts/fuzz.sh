#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (ASan + UBSan) in build-fuzz/ (or
# $KG_FUZZ_BUILD_DIR) and runs each for a bounded time, one after the other:
#   scripts/fuzz.sh [seconds-per-target] [target...]      (default 60 s, all targets)
# Seeds: small files of tests/data, models/ (truncated), the saved regressions of
# tests/data/fuzz-regressions/<target>/ and, where present, a slice of ../shared/data. The growing
# corpus stays in build-fuzz/corpus/<target>; crashing inputs land in build-fuzz/crashes/<target>/.
# Copy a crashing input to tests/data/fuzz-regressions/<target>/ once fixed: the normal test suite
# replays it (tests/fuzz). Exits non-zero when any target found a crash, hang or sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tokenizer conllu document_reader triples model_load codec iob2)
dir=${KG_FUZZ_BUILD_DIR:-build-fuzz}

if ! command -v clang++ >/dev/null; then
  echo "fuzz: installing clang" >&2
  ${SUDO:-$([ "$(id -u)" = 0 ] || echo sudo)} apt-get install -y clang >/dev/null
fi
bash scripts/install-deps.sh
CXX=clang++ cmake -S . -B "$dir" -DKG_FUZZ=ON -DKG_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >/dev/null
build=("${targets[@]/#/fuzz_}")
[[ " ${targets[*]} " == *" model_load "* ]] && build+=(make_model_seeds)
cmake --build "$dir" -j"$(nproc)" --target "${build[@]}"

shared=${KG_SHARED_DATA:-../shared/data}
seed_dir=$dir/seeds
# Writes the seeds of target $1 into $seed_dir/$1.
make_seeds() {
  local t=$1 out=$seed_dir/$1
  rm -rf "$out" && mkdir -p "$out"
  # Reads one seed from stdin (it runs in a pipeline's subshell: the name comes from the count).
  add() { cat > "$out/seed-$(($(ls "$out" | wc -l) + 1))"; }
  case $t in
    tokenizer)
      for f in tests/data/parse/golden_input.txt README.md docs/*.md; do
        [ -f "$f" ] && head -c 8000 "$f" | add
      done
      printf '\x01Mr. Smith paid $3,000 to the U.S. Army on 9/11.\nHe didn'"'"'t.\n\n"Yes," he said.' | add
      ;;
    conllu)
      for f in tests/data/*/*.conllu; do { printf '\x01'; head -c 8000 "$f"; } | add; done
      for f in "$shared"/ud/*/*-dev.conllu; do
        [ -f "$f" ] && { printf '\x00'; head -n 120 "$f"; } | add
      done
      ;;
    document_reader)
      for f in tests/data/*/*.jsonl; do { printf '\x01'; head -c 8000 "$f"; } | add; done
      printf '\x03{"id":"a","text":"Caf\xc3\xa9 opens.","title":"T","url":"u","date":"2024-01-01"}\n{"id":"b","text":"x"}\n' | add
      printf '\x00<html><head><title>T</title></head><body><p>One &amp; two&#8217;s.</p><script>x</script></body></html>' | add
      printf '\x02Title line\n\nBody with bad \xff byte.\r\nNext line.' | add
      ;;
    triples)
      for f in tests/data/*/*.jsonl; do head -c 8000 "$f" | add; done
      ;;
    model_load)
      local i=0
      for m in tokenizer.kgm tagger.bin parser.bin ner.bin; do
        { printf "\\x0$i"; head -c 4000 "models/$m"; } | add
        { printf "\\x0$i"; head -c 60000 "models/$m"; } | add
        i=$((i + 1))
      done
      # Tiny complete models (the shipped ones are larger than -max_len).
      mkdir -p "$seed_dir/tiny-models"
      "$dir/bin/make_model_seeds" tests/data/extract/ukraine-summit.conllu "$seed_dir/tiny-models"
      i=1
      for m in tagger.bin parser.bin ner.bin; do
        { printf "\\x0$i"; cat "$seed_dir/tiny-models/$m"; } | add
        i=$((i + 1))
      done
      { printf '\x02'; cat "$seed_dir/tiny-models/parser-nn.bin"; } | add
      { printf '\x00'; cat models/tokenizer.kgm; } | add
      ;;
    iob2)
      for f in "$shared"/ner/*.iob2; do [ -f "$f" ] && head -n 80 "$f" | add; done
      printf '# text = Tampa Bay\n1\tTampa\tB-LOC\t-\t-\n2\tBay\tI-LOC\t-\t-\n\n1\tx\tI-PER\n2\ty\tB-OTH\n' | add
      ;;
    codec)
      printf '\x00\x00\x00\x00\x00\x00\x00\x07' | add
      printf '\x00\x00\x00\x00\x00\x00\x00\x07c' | add
      printf 'barack obama\x00\x00\x00\x00\x00\x00\x00\x00\x07' | add
      printf '\x00\x00\x00\x00\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x00\x05doc-1\x00\x00\x00\x02' | add
      ;;
  esac
}

declare -A max_len=([tokenizer]=8192 [conllu]=8192 [document_reader]=8192 [triples]=4096
                    [model_load]=131072 [codec]=256 [iob2]=8192)
status=0
summary=()
for t in "${targets[@]}"; do
  make_seeds "$t"
  corpus=$dir/corpus/$t
  crashes=$dir/crashes/$t
  mkdir -p "$corpus" "$crashes"
  extra=()
  [ -d "tests/data/fuzz-regressions/$t" ] && extra+=("tests/data/fuzz-regressions/$t")
  log=$dir/fuzz-$t.log
  echo "fuzz: $t for ${secs}s" >&2
  rc=0
  "$dir/bin/fuzz_$t" -max_total_time="$secs" -max_len="${max_len[$t]}" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=1024 -print_final_stats=1 \
    -artifact_prefix="$crashes/" "$corpus" "$seed_dir/$t" "${extra[@]}" >"$log" 2>&1 || rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  if [ "$rc" -ne 0 ]; then
    status=1
    summary+=("$t: FAILED after ${execs:-?} executions (log $log)")
    grep -m1 -A12 'ERROR: \|fuzz check failed\|runtime error' "$log" >&2 || tail -20 "$log" >&2
    ls "$crashes" >&2
  else
    summary+=("$t: ${execs:-?} executions in ${secs}s, coverage ${cov:-?}, corpus $(ls "$corpus" | wc -l) files")
  fi
done
printf '%s\n' "${summary[@]}"
exit $status
