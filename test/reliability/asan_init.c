/*
 * asan_init.c — preloaded after the AddressSanitizer runtime by make asan
 * (test/reliability/asan.sh), for an uninstrumented PostgreSQL.
 *
 * With the runtime preloaded into a program that is not instrumented, the
 * runtime initialises itself on the first call it intercepts.  Debian's
 * postgres links libgpg-error, whose constructor runs first and calls
 * bindtextdomain(), which holds glibc's _nl_state_lock while it allocates:
 * the allocation initialises the runtime inside the lock and the lock is
 * never released, so postgres hangs in its own bindtextdomain() call
 * (seen with gcc 12's and clang 14's runtimes, glibc 2.36).  This
 * bindtextdomain() initialises the runtime first (__asan_init(), which
 * returns at once once done), then calls glibc's.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

extern void __asan_init(void);
extern char *bindtextdomain(const char *domainname, const char *dirname);

typedef char *(*bindtextdomain_fn) (const char *, const char *);

char *
bindtextdomain(const char *domainname, const char *dirname)
{
	static bindtextdomain_fn next = NULL;

	__asan_init();
	if (next == NULL)
		next = (bindtextdomain_fn) dlsym(RTLD_NEXT, "bindtextdomain");
	return next(domainname, dirname);
}
