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
#   make sqlsmith, load, crash, recvfuzz
#                        the reliability suite (README "Reliability"), each
#                        on a throwaway cluster: short modes by default (make
#                        test runs them too), FR_LONG=1 for a release's long
#                        ones; make reliability runs the four
#   make asan            pg_regress, isolation and pgTAP against a module
#                        built with AddressSanitizer
#   make fuzz-long       each libFuzzer target to FUZZ_RUNS executions (10M)
#   make valgrind        pg_regress with the server under Valgrind
#   make matrix          build and test in chroots of the other majors
#                        (trixie: 17, sid: 18), the Debian package in a clean
#                        chroot of each (test/harness/matrix.sh)
#   make deb             the Debian package, postgresql-NN-frontrunner for
#                        every installed major, into deb/ (test/harness/deb.sh)
#
# Out of tree: make -f SRC/Makefile VPATH=SRC (what pg_buildext and
# dh --with pgxs do, in build-NN/) builds from SRC into the current
# directory.
#   make bench-national  the national-scale benchmark (SCALE=… disclosures,
#                        default 3000000; test/bench/national.sh)

EXTENSION   = frontrunner
# the source tree: VPATH in an out-of-tree build, else this Makefile's
# directory (PGXS sets srcdir the same way, but only once it is included)
SRC        := $(patsubst %/,%,$(if $(VPATH),$(VPATH),$(dir $(firstword $(MAKEFILE_LIST)))))
EXTVERSION  = $(shell sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\(.*\)'/\1/p" $(SRC)/$(EXTENSION).control)
# sources and scripts are named relative to SRC (PGXS prefixes $(srcdir)/;
# make finds the .c files through VPATH)
src_files   = $(patsubst $(SRC)/%,%,$(sort $(wildcard $(addprefix $(SRC)/,$(1)))))

MODULE_big  = frontrunner
# src/core/: backend-free code (no PostgreSQL header: parsers, exact
# decimals and quantities, normalisation); src/: the SQL faces.
PURE_SRCS   = $(call src_files,src/core/*.c)
SRCS        = $(PURE_SRCS) $(call src_files,src/*.c)
OBJS        = $(SRCS:.c=.o)
# an out-of-tree build writes its objects into src/ and src/core/ here; make
# would take an in-tree build's products (found through VPATH) for its own
ifneq ($(SRC),.)
ifneq ($(wildcard $(SRC)/src/*.o $(SRC)/$(EXTENSION).so $(SRC)/sql/$(EXTENSION)--$(EXTVERSION).sql),)
$(error $(SRC) holds an in-tree build: run make clean there before building out of tree)
endif
# (and pg_regress's benchmark reads test/fixtures/ from the current directory)
$(shell mkdir -p src/core sql test; [ -e test/fixtures ] || ln -s $(abspath $(SRC))/test/fixtures test/fixtures)
endif

# The install script is assembled from sql/install/*.sql (one file per
# concern, in name order); upgrade scripts are picked up by wildcard.
INSTALL_PARTS = $(sort $(wildcard $(SRC)/sql/install/*.sql))
DATA_built  = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA        = $(filter-out $(DATA_built),$(call src_files,sql/$(EXTENSION)--*.sql))

# pg_regress scripts (sql/<name>.sql against expected/<name>.out), named
# explicitly, in the order they run (registry keeps the rows it writes, so
# benchmark, whose fixture writes the same keys, runs before it;
# ranking_query rolls its fixture back but not the identity sequences, so it
# runs last).
REGRESS     = benchmark binary_input gbt8170 indicator indicator_compare indicator_forms indicator_gist \
              indicator_standards levelset normalize registry stdcode units uscc ranking_query
# UTF8 whatever the cluster's locale (a package test's cluster may be SQL_ASCII)
REGRESS_OPTS = --load-extension=$(EXTENSION) --encoding=UTF8

# isolation specs (specs/<name>.spec against expected/<name>.out), run by
# pg_isolation_regress after pg_regress in make installcheck: the races the
# rules must survive.  fixture runs first and leaves the functions the
# others set up and check their data with.
ISOLATION   = fixture spot_check_publish supersede_supersede withdraw_supersede \
              spot_check_supersede reject_publish publish_publish
ISOLATION_OPTS = --load-extension=$(EXTENSION)

ICU_CFLAGS  := $(shell pkg-config --cflags icu-uc icu-i18n)
ICU_LIBS    := $(shell pkg-config --libs icu-uc icu-i18n)
PG_CPPFLAGS = -I$(SRC)/src $(ICU_CFLAGS) -DFR_VERSION='"$(EXTVERSION)"'
PG_CFLAGS   = -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
SHLIB_LINK  = $(ICU_LIBS)

EXTRA_CLEAN = $(DATA_built) src/core/*.bc test/fuzz/bin results regression.diffs regression.out output_iso

PG_CONFIG  ?= pg_config
PGXS       := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(DATA_built): $(INSTALL_PARTS) $(SRC)/$(EXTENSION).control
	cat $(INSTALL_PARTS) > $@

all: $(DATA_built)

# ---------------------------------------------------------------- harness
.PHONY: test demo readmecheck updatecheck citus-check citus-bench fuzz fuzz-run bench bench-national prove valgrind matrix deb

test:
	bash $(SRC)/test/harness/test.sh

demo:
	bash $(SRC)/test/harness/demo.sh

updatecheck: all
	bash $(SRC)/test/harness/pgenv.sh bash -c 'bash $(SRC)/test/harness/updatecheck.sh && FR_TAP_FROM=0.1.0 bash $(SRC)/test/harness/prove.sh'

readmecheck: all
	bash $(SRC)/test/harness/pgenv.sh bash $(SRC)/test/harness/readme.sh

# the registry distributed on a private 3-node Citus 13.2 cluster against one
# node (test/citus/check.sh; the Citus build: ../shared/citus or CITUS_TARBALL)
citus-check: all
	bash $(SRC)/test/citus/check.sh

# rank_plan and benchmark_summary on that cluster beside one node [SCALE=n]
citus-bench: all
	bash $(SRC)/test/citus/bench.sh $(SCALE)

# pgTAP tests against a running server with the extension installed
prove:
	bash $(SRC)/test/harness/prove.sh

bench:
	bash $(SRC)/test/bench/run.sh $(SCALE)

valgrind: all
	bash $(SRC)/test/harness/valgrind.sh $(if $(filter command line,$(origin REGRESS)),$(REGRESS))

matrix:
	bash $(SRC)/test/harness/matrix.sh $(MATRIX)

deb:
	bash $(SRC)/test/harness/deb.sh

bench-national: all
	bash $(SRC)/test/bench/national_run.sh $(SCALE)

# ---------------------------------------------------------------- fuzzing
# A fuzz target test/fuzz/fuzz_<name>.c links src/core/ (PURE_SRCS) and
# nothing of PostgreSQL.
FUZZ_SRCS   = $(call src_files,test/fuzz/fuzz_*.c)
FUZZ_BINS   = $(patsubst test/fuzz/%.c,test/fuzz/bin/%,$(FUZZ_SRCS))
FUZZ_CC    ?= clang
FUZZ_FLAGS  = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
              -I$(SRC)/src $(ICU_CFLAGS)
FUZZ_SECONDS ?= 10

fuzz: $(FUZZ_BINS)

test/fuzz/bin/%: $(SRC)/test/fuzz/%.c $(addprefix $(SRC)/,$(PURE_SRCS)) $(wildcard $(SRC)/src/core/*.h)
	@mkdir -p test/fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(addprefix $(SRC)/,$(PURE_SRCS)) $(ICU_LIBS)

fuzz-run: fuzz
	bash $(SRC)/test/harness/fuzz.sh $(FUZZ_SECONDS)

# fuzz-long: each libFuzzer target to FUZZ_RUNS executions (10 million)
FUZZ_RUNS  ?= 10000000
fuzz-long: fuzz
	FUZZ_RUNS=$(FUZZ_RUNS) bash test/harness/fuzz.sh

# ---------------------------------------------------------------- reliability
# test/reliability/: short modes by default (test/harness/suite.sh runs
# them in make test), FR_LONG=1 for a release's long run.  Each prints TAP
# and its figures (README "Reliability").
.PHONY: reliability sqlsmith load crash crash-prove asan recvfuzz fuzz-long

reliability: sqlsmith load crash recvfuzz

sqlsmith: all
	bash test/harness/pgenv.sh bash test/reliability/sqlsmith.sh

load: all
	bash test/harness/pgenv.sh -o max_connections=40 bash test/reliability/load.sh

crash: all
	bash test/harness/pgenv.sh bash test/reliability/crash.sh

# run by test/reliability/crash.sh inside pgenv.sh: PGXS's prove and its
# Perl modules (PostgreSQL::Test::Cluster), TESTDIR a temporary directory
CRASH_TESTS = $(sort $(wildcard test/crash/*.pl))
crash-prove:
	TESTDIR='$(FR_TESTDIR)' PG_REGRESS='$(top_builddir)/src/test/regress/pg_regress' \
	  $(PROVE) $(PG_PROVE_FLAGS) $(PROVE_FLAGS) $(CRASH_TESTS)

recvfuzz: all
	bash test/harness/pgenv.sh bash test/reliability/recvfuzz.sh

asan:
	bash test/reliability/asan.sh
