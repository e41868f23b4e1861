/*
 * accounts.c — the caller of the extension's SECURITY DEFINER code.
 *
 *   invoker() → name
 *
 * The role the session acts as: the SET ROLE role, else the session user —
 * current_user as seen from outside any SECURITY DEFINER function (what
 *   CASE WHEN current_setting('role') = 'none' THEN session_user
 *        ELSE current_setting('role')::name END
 * returns).  It is the default of disclosure_event.by_user and
 * ranking.published_by, evaluated for every row the history writer inserts:
 * in C it costs no SQL function start-up per statement.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"

PG_FUNCTION_INFO_V1(fr_invoker);

Datum
fr_invoker(PG_FUNCTION_ARGS)
{
	/* as current_setting('role') shows it: "none" outside SET ROLE */
	const char *role = GetConfigOptionByName("role", NULL, false);

	if (role == NULL || strcmp(role, "none") == 0)
		role = GetUserNameFromId(GetSessionUserId(), false);
	return DirectFunctionCall1(namein, CStringGetDatum(role));
}
