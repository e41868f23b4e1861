/*
 * arena.h — a bump allocator for fuzz targets: the backend-free code takes
 * an FrAllocFn and never frees (the server passes palloc), so a fuzz target
 * hands it arena_alloc and calls arena_reset() after each input.
 */
#ifndef FR_FUZZ_ARENA_H
#define FR_FUZZ_ARENA_H

#include <stdlib.h>

typedef struct ArenaBlock
{
	struct ArenaBlock *next;
	char		data[];
} ArenaBlock;

static ArenaBlock *arena_blocks;

static void *
arena_alloc(size_t size)
{
	/* one malloc per request keeps AddressSanitizer's bounds checks exact */
	ArenaBlock *b = malloc(sizeof(ArenaBlock) + (size ? size : 1));

	if (b == NULL)
		abort();
	b->next = arena_blocks;
	arena_blocks = b;
	return b->data;
}

static void
arena_reset(void)
{
	while (arena_blocks)
	{
		ArenaBlock *n = arena_blocks->next;

		free(arena_blocks);
		arena_blocks = n;
	}
}

#endif
