/*
 * direction.c — the direction enum decoded; see direction.h.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "direction.h"

const char *const fr_direction_label[FR_NDIRECTIONS] = {
	"lower_better", "higher_better", "target"
};

int
fr_direction_from_label(const char *s, size_t len)
{
	for (int i = 0; i < FR_NDIRECTIONS; i++)
		if (strlen(fr_direction_label[i]) == len &&
			memcmp(fr_direction_label[i], s, len) == 0)
			return i;
	return -1;
}

FrDirection
fr_direction_of(FrDirectionCache *cache, Oid value)
{
	char	   *label;
	int			dir;

	if (OidIsValid(cache->oid) && cache->oid == value)
		return cache->dir;
	label = DatumGetCString(DirectFunctionCall1(enum_out, ObjectIdGetDatum(value)));
	dir = fr_direction_from_label(label, strlen(label));
	if (dir < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown direction \"%s\"", label),
				 errhint("Use lower_better, higher_better or target.")));
	cache->oid = value;
	cache->dir = (FrDirection) dir;
	return cache->dir;
}
