#!/bin/bash
# Run every test binary given; print each one's result and a closing line
# "tests: N passed, N failed, N skipped". Exit 1 if anything failed.
set -u
pass=0; fail=0; skip=0; broken=""
log_dir="${BUILD:-build}/test-logs"
mkdir -p "$log_dir"
for t in "$@"; do
	name=${t#"${BUILD:-build}"/}
	log="$log_dir/$(echo "$name" | tr / _).log"
	timeout "${TEST_TIMEOUT:-600}" "$t" >"$log" 2>&1
	rc=$?
	if [ "${t%.sh}" != "$t" ]; then
		# A script is one test: its exit status is the verdict.
		[ "$rc" = 0 ] && echo "[  PASSED  ] 1 test(s)." >>"$log"
		[ "$rc" = 77 ] && rc=0 && echo "[  SKIPPED ] 1 test(s)." >>"$log"
	fi
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	p=${p:-0}; f=${f:-0}; s=${s:-0}
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1 # crashed, timed out or a sanitizer stopped it
	fi
	pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
	if [ "$f" != 0 ]; then
		printf '  FAIL    %-44s %s passed, %s failed (exit %s)\n' "$name" "$p" "$f" "$rc"
		broken="$broken $log"
	else
		printf '  ok      %-44s %s passed%s\n' "$name" "$p" \
			"$([ "$s" != 0 ] && echo ", $s skipped")"
	fi
	grep -h '^SKIP: ' "$log" | sed 's/^/          /'
done
for l in $broken; do
	echo "==== $l"
	tail -n 60 "$l"
done
echo "tests: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
