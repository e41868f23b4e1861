# frontrunner — PGXS build.
#
#   make                 build the module and the install script
#   make install         install into the PostgreSQL that pg_config names
#   make installcheck    pg_regress (sql/*.sql against expected/*.out) on a
#                        running server, with the extension preloaded
#   make test            the whole suite on a throwaway cluster: installs
#                        missing Debian packages, builds, installs, runs
#                        pg_regress, pgTAP (test/*.sql via pg_prove) and the
#                        fuzzers, and ends with "N passed, N failed"
#   make demo            the main job on a throwaway cluster with demo data
#   make updatecheck     upgrades in place from every earlier release
#                        (test/harness/updatecheck.sh) and the pgTAP suite
#                        on a database upgraded from 0.1.0
#   make readmecheck     the README's test alone (its sql blocks against the
#                        demo database), on a throwaway cluster
#   make fuzz            libFuzzer + AddressSanitizer targets (test/fuzz/)
#   make fuzz-run        run each target for FUZZ_SECONDS (default 10)
#   make bench           benchmarks against baselines (SCALE=… rows)

EXTENSION   = frontrunner
EXTVERSION  = $(shell sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big  = frontrunner
# src/core/: backend-free code (no PostgreSQL header: parsers, exact
# decimals and quantities, normalisation); src/: the SQL faces.
PURE_SRCS   = $(sort $(wildcard src/core/*.c))
SRCS        = $(PURE_SRCS) $(sort $(wildcard src/*.c))
OBJS        = $(SRCS:.c=.o)

# The install script is assembled from sql/install/*.sql (one file per
# concern, in name order); upgrade scripts are picked up by wildcard.
INSTALL_PARTS = $(sort $(wildcard sql/install/*.sql))
DATA_built  = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA        = $(filter-out $(DATA_built),$(wildcard sql/$(EXTENSION)--*.sql))

# pg_regress scripts (sql/<name>.sql against expected/<name>.out), named
# explicitly, in the order they run (registry keeps the rows it writes, so
# benchmark, whose fixture writes the same keys, runs before it;
# ranking_query rolls its fixture back but not the identity sequences, so it
# runs last).
REGRESS     = benchmark binary_input gbt8170 indicator indicator_compare indicator_forms indicator_gist \
              indicator_standards levelset normalize registry stdcode units uscc ranking_query
REGRESS_OPTS = --load-extension=$(EXTENSION)

ICU_CFLAGS  := $(shell pkg-config --cflags icu-uc icu-i18n)
ICU_LIBS    := $(shell pkg-config --libs icu-uc icu-i18n)
PG_CPPFLAGS = -Isrc $(ICU_CFLAGS) -DFR_VERSION='"$(EXTVERSION)"'
PG_CFLAGS   = -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
SHLIB_LINK  = $(ICU_LIBS)

EXTRA_CLEAN = $(DATA_built) src/core/*.bc test/fuzz/bin results regression.diffs regression.out

PG_CONFIG  ?= pg_config
PGXS       := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(DATA_built): $(INSTALL_PARTS) $(EXTENSION).control
	cat $(INSTALL_PARTS) > $@

all: $(DATA_built)

# ---------------------------------------------------------------- harness
.PHONY: test demo readmecheck updatecheck citus-check citus-bench fuzz fuzz-run bench prove

test:
	bash test/harness/test.sh

demo:
	bash test/harness/demo.sh

updatecheck: all
	bash test/harness/pgenv.sh bash -c 'bash test/harness/updatecheck.sh && FR_TAP_FROM=0.1.0 bash test/harness/prove.sh'

readmecheck: all
	bash test/harness/pgenv.sh bash test/harness/readme.sh

# the registry distributed on a private 3-node Citus 13.2 cluster against one
# node (test/citus/check.sh; the Citus build: ../shared/citus or CITUS_TARBALL)
citus-check: all
	bash test/citus/check.sh

# rank_plan and benchmark_summary on that cluster beside one node [SCALE=n]
citus-bench: all
	bash test/citus/bench.sh $(SCALE)

# pgTAP tests against a running server with the extension installed
prove:
	bash test/harness/prove.sh

bench:
	bash test/bench/run.sh $(SCALE)

# ---------------------------------------------------------------- fuzzing
# A fuzz target test/fuzz/fuzz_<name>.c links src/core/ (PURE_SRCS) and
# nothing of PostgreSQL.
FUZZ_SRCS   = $(sort $(wildcard test/fuzz/fuzz_*.c))
FUZZ_BINS   = $(patsubst test/fuzz/%.c,test/fuzz/bin/%,$(FUZZ_SRCS))
FUZZ_CC    ?= clang
FUZZ_FLAGS  = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
              -Isrc $(ICU_CFLAGS)
FUZZ_SECONDS ?= 10

fuzz: $(FUZZ_BINS)

test/fuzz/bin/%: test/fuzz/%.c $(PURE_SRCS) $(wildcard src/core/*.h)
	@mkdir -p test/fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(PURE_SRCS) $(ICU_LIBS)

fuzz-run: fuzz
	bash test/harness/fuzz.sh $(FUZZ_SECONDS)
