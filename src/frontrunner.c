/*
 * frontrunner.c — module entry: PG_MODULE_MAGIC, the module's release and
 * the settings (GUCs).
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/guc.h"

#include "frontrunner.h"

PG_MODULE_MAGIC;

bool		fr_uscc_weak = false;

/*
 * frontrunner.progress: where the long calls (rank_plan, publish_ranking,
 * import_disclosures) report their phases — nowhere, to the client as
 * NOTICEs, or to the server log.  The SQL reads it (progress()); C only
 * defines it, so that a misspelt value is refused.
 */
static int	fr_progress = 0;

static const struct config_enum_entry fr_progress_options[] = {
	{"off", 0, false},
	{"notice", 1, false},
	{"log", 2, false},
	{NULL, 0, false}
};

/*
 * frontrunner.unverifiable_claims (rule 8): whether a disclosure whose limit
 * its own test method cannot verify is published with the flag or refused.
 * Superuser-set (the DBA's choice, e.g. ALTER DATABASE … SET): a tenant
 * cannot SET its way around it.  The SQL reads it
 * (unverifiable_claims_setting()).
 */
static int	fr_unverifiable_claims = 0;

/* frontrunner.import_batch: disclosures import_disclosures() applies in one
 * statement (1: one at a time, as 0.1.0 did) */
static int	fr_import_batch = 1000;

static const struct config_enum_entry fr_unverifiable_claims_options[] = {
	{"flag", 0, false},
	{"refuse", 1, false},
	{NULL, 0, false}
};

void		_PG_init(void);

/*
 * The release this module was built as: the control file's default_version,
 * passed by the Makefile.  The install and upgrade scripts compare it with
 * the release they install, so that a stale module (an older package's
 * frontrunner.so) is reported instead of half working.
 */
#ifndef FR_VERSION
#error "FR_VERSION must be defined: the Makefile passes the control file's default_version"
#endif

PG_FUNCTION_INFO_V1(fr_module_version);
Datum
fr_module_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(FR_VERSION));
}

void
_PG_init(void)
{
	DefineCustomBoolVariable("frontrunner.uscc_weak",
							 "Accept unified social credit codes whose check character is wrong.",
							 "Some legally issued early codes fail the GB 32100 checksum. "
							 "When on, such a code is accepted, kept with an \"unchecked\" mark, "
							 "printed with a trailing \"!\", and uscc_is_valid() returns false for it. "
							 "Length and character-set errors are never accepted.",
							 &fr_uscc_weak,
							 false,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
	DefineCustomEnumVariable("frontrunner.progress",
							 "Where long calls report their progress.",
							 "off: nowhere; notice: a NOTICE per phase with counts and times, "
							 "which drivers pass to the client; log: the same lines in the server log.",
							 &fr_progress,
							 0,
							 fr_progress_options,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
	DefineCustomEnumVariable("frontrunner.unverifiable_claims",
							 "Whether publication refuses claims their own test method cannot verify.",
							 "flag: publish, claim_verifiability shows the flag; refuse: rule 8 "
							 "refuses publication (FR009). Set by a superuser (ALTER DATABASE … SET).",
							 &fr_unverifiable_claims,
							 0,
							 fr_unverifiable_claims_options,
							 PGC_SUSET,
							 0,
							 NULL, NULL, NULL);
	DefineCustomIntVariable("frontrunner.import_batch",
							"Disclosures import_disclosures() applies in one statement.",
							"The import writes up to this many independent disclosures "
							"with one statement per table; a batch that fails is split "
							"in halves until the disclosure at fault is alone, which is "
							"then reported as before. 1 applies one disclosure at a time.",
							&fr_import_batch,
							1000,
							1,
							100000,
							PGC_USERSET,
							0,
							NULL, NULL, NULL);
	MarkGUCPrefixReserved("frontrunner");
}
