/*
 * direction.h — the direction of an indicator (the SQL enum
 * frontrunner.direction): which way its level improves.  One decoder for
 * every function that takes a direction argument.
 */
#ifndef FR_DIRECTION_H
#define FR_DIRECTION_H

#include "postgres.h"

typedef enum FrDirection
{
	FR_LOWER_BETTER = 0,		/* upper bound: lower is better */
	FR_HIGHER_BETTER = 1,		/* lower bound: higher is better */
	FR_TARGET = 2				/* range width: narrower is better */
} FrDirection;

#define FR_NDIRECTIONS 3

/* the enum labels, indexed by FrDirection */
extern const char *const fr_direction_label[FR_NDIRECTIONS];

/* the direction labelled s[0..len), or -1 */
extern int	fr_direction_from_label(const char *s, size_t len);

/*
 * A direction argument (the enum value's OID) decoded, through a cache the
 * caller keeps in its fn_extra (zeroed: nothing cached).  Raises 22023 for a
 * label that is not a direction.
 */
typedef struct FrDirectionCache
{
	Oid			oid;
	FrDirection dir;
} FrDirectionCache;

extern FrDirection fr_direction_of(FrDirectionCache *cache, Oid value);

#endif							/* FR_DIRECTION_H */
