/*
 * frontrunner.c — module entry: PG_MODULE_MAGIC and the settings (GUCs).
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "frontrunner.h"

PG_MODULE_MAGIC;

bool		fr_uscc_weak = false;

void		_PG_init(void);

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
	MarkGUCPrefixReserved("frontrunner");
}
