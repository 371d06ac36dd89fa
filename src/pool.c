/* pool.c - ordered parallel map over pthreads. */
#include "pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "util.h"
#include "banned.h"

typedef struct pool {
	const tt_pool_ops *ops;
	void *ctx;
	size_t n;
	unsigned char *done;   /* done[i]: item i worked */
	pthread_mutex_t mu;
	pthread_cond_t ready;  /* an item was worked */
	pthread_cond_t room;   /* the consumer advanced, or stop */
	size_t next;           /* next item to claim */
	size_t consumed;       /* items consumed */
	size_t window;
	int stop;
} pool;

static void *worker(void *arg)
{
	pool *p = arg;
	void *ts = p->ops->thread_init ? p->ops->thread_init(p->ctx) : NULL;
	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (!p->stop && p->next < p->n && p->next >= p->consumed + p->window)
			pthread_cond_wait(&p->room, &p->mu);
		if (p->stop || p->next >= p->n) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		size_t i = p->next++;
		pthread_mutex_unlock(&p->mu);

		p->ops->work(p->ctx, ts, i);

		pthread_mutex_lock(&p->mu);
		p->done[i] = 1;
		pthread_cond_broadcast(&p->ready);
		pthread_mutex_unlock(&p->mu);
	}
	if (p->ops->thread_done)
		p->ops->thread_done(p->ctx, ts);
	return NULL;
}

int tt_pool_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

int tt_pool_run(size_t n, int jobs, const tt_pool_ops *ops, void *ctx)
{
	pool p = {0};
	int rc = 0;
	size_t i;

	if (!n)
		return 0;
	if (jobs < 1)
		jobs = 1;
	if ((size_t)jobs > n)
		jobs = (int)n;
	p.ops = ops;
	p.ctx = ctx;
	p.n = n;
	p.done = xcalloc(n, 1);
	p.window = (size_t)jobs * 4;
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.ready, NULL);
	pthread_cond_init(&p.room, NULL);
	pthread_t *th = xcalloc((size_t)jobs, sizeof(pthread_t));
	for (int t = 0; t < jobs; t++)
		if (pthread_create(&th[t], NULL, worker, &p) != 0) {
			/* Fewer threads is slower, not wrong; none is not possible. */
			if (t == 0) {
				void *ts = ops->thread_init ? ops->thread_init(ctx) : NULL;
				for (i = 0; i < n && !rc; i++) {
					ops->work(ctx, ts, i);
					rc = ops->consume(ctx, i);
				}
				if (ops->thread_done)
					ops->thread_done(ctx, ts);
				goto out;
			}
			jobs = t;
			break;
		}

	for (i = 0; i < n; i++) {
		pthread_mutex_lock(&p.mu);
		while (!p.done[i])
			pthread_cond_wait(&p.ready, &p.mu);
		pthread_mutex_unlock(&p.mu);
		rc = ops->consume(ctx, i);
		pthread_mutex_lock(&p.mu);
		p.consumed = i + 1;
		if (rc)
			p.stop = 1;
		pthread_cond_broadcast(&p.room);
		pthread_mutex_unlock(&p.mu);
		if (rc)
			break;
	}
	for (int t = 0; t < jobs; t++)
		pthread_join(th[t], NULL);
	if (rc && ops->discard)
		for (size_t k = i + 1; k < n; k++)
			if (p.done[k])
				ops->discard(ctx, k);
out:
	free(th);
	free(p.done);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.ready);
	pthread_cond_destroy(&p.room);
	return rc;
}
