/*
 * pool.h - an ordered parallel map: N items are processed by worker
 * threads in any order and consumed by the calling thread strictly in
 * item order. The calling thread is the only one that consumes, so it can
 * be the single database writer; results therefore land in the same order
 * for any number of workers. Workers run at most `window` items ahead of
 * the consumer, which bounds memory whatever N is.
 */
#ifndef TT_POOL_H
#define TT_POOL_H

#include <stddef.h>

typedef struct tt_pool_ops {
	/* Per-thread state (a stemmer, a matcher); may be NULL. */
	void *(*thread_init)(void *ctx);
	void (*thread_done)(void *ctx, void *tstate);
	/* Processes item i on a worker thread. */
	void (*work)(void *ctx, void *tstate, size_t i);
	/*
	 * Consumes item i on the calling thread, in order. Returns 0 to go
	 * on, non-zero to stop: later items are then neither consumed nor
	 * started, and `discard` is called for those already worked.
	 */
	int (*consume)(void *ctx, size_t i);
	void (*discard)(void *ctx, size_t i);
} tt_pool_ops;

/*
 * Runs items 0..n-1 on `jobs` threads (at least 1). Returns the value
 * consume() stopped with, or 0 when all items were consumed.
 */
int tt_pool_run(size_t n, int jobs, const tt_pool_ops *ops, void *ctx);

/* The number of online cores, 1..64. */
int tt_pool_cores(void);

#endif
