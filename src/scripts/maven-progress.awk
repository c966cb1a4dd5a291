# Filters `mvn -B` output for the set-up: one line per 40 files Maven downloads (with the running total) instead
# of two lines per file, every warning and error, and nothing else. The full log is kept in target/setup-mvn.log.
function megabytes(size, unit) {
    if (unit == "B") return size / 1e6
    if (unit == "kB") return size / 1e3
    if (unit == "MB") return size
    if (unit == "GB") return size * 1e3
    return 0
}
/^\[INFO\] Downloaded from / {
    files++
    if (match($0, /\([0-9.]+ [kMG]?B/)) {
        split(substr($0, RSTART + 1, RLENGTH - 1), part, " ")
        mb += megabytes(part[1], part[2])
    }
    if (files % 40 == 0) { printf "   Maven: %d files downloaded, %.0f MB so far\n", files, mb; fflush() }
    next
}
/^\[WARNING\] .*\.java:/ { next }    # compiler warnings: in the full log
/^\[(ERROR|WARNING)\]|BUILD FAILURE/ { print; fflush() }
END { if (files > 0) printf "   Maven: %d files downloaded, %.0f MB in all\n", files, mb }
