#!/usr/bin/env python3
"""rusage.py OUT CMD... - run CMD, write its peak RSS to OUT the way
`/usr/bin/time -v -o OUT` does ("Maximum resident set size (kbytes): N"),
for machines without GNU time. Exits with CMD's status."""
import resource
import subprocess
import sys

rc = subprocess.call(sys.argv[2:])
kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(sys.argv[1], "w") as f:
    f.write("\tMaximum resident set size (kbytes): %d\n\tExit status: %d\n" % (kb, rc))
sys.exit(rc if rc >= 0 else 128 - rc)
