/*
 * kljn_stream: answers ngspice's per-point callbacks in C and talks to Java once per block.
 *
 * ngspice 39.3 calls GetVSRCData on every Newton iteration (twice per source per accepted point),
 * GetSyncData twice and SendData once per accepted point. Through JNA each call costs a JVM upcall;
 * here they are plain C calls:
 *   - GetVSRCData: tabulated sources, piecewise linear on a uniform grid, in segments of equal length
 *     (each segment has its own nodes, left-continuous at segment joins), read from a ring that Java
 *     refills a chunk at a time;
 *   - GetSyncData: shrinks the proposed step to the next point of a fixed grid (never lengthens it);
 *   - SendData: copies the wanted vectors of each accepted point into a buffer that Java drains when
 *     full and at the end of the run.
 * Anything not tabulated (other sources, no grid, no batching) is forwarded to the Java callbacks, so
 * a session keeps its generic per-call API. Every ngspice library copy has its own state (userData).
 *
 * The arithmetic repeats the Java evaluator's exactly (same IEEE double operations, no contraction:
 * built with -ffp-contract=off), so both paths give bit-identical waveforms.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define EXPORT __attribute__((visibility("default")))
#define MAX_SOURCES 16
#define MAX_WANTED 64

typedef struct { char *name; double creal, cimag; bool is_scale, is_complex; } vecvalues;
typedef struct { int veccount, vecindex; vecvalues **vecsa; } vecvaluesall;

typedef int send_char_t(char *, int, void *);
typedef int send_stat_t(char *, int, void *);
typedef int controlled_exit_t(int, bool, bool, int, void *);
typedef int send_data_t(vecvaluesall *, int, int, void *);
typedef int send_init_data_t(void *, int, void *);
typedef int bg_thread_running_t(bool, int, void *);
typedef int source_t(double *, double, char *, int, void *);
typedef int sync_t(double, double *, double, int, int, int, void *);
typedef int ngspice_init_t(send_char_t *, send_stat_t *, controlled_exit_t *, send_data_t *,
                           send_init_data_t *, bg_thread_running_t *, void *);
typedef int ngspice_init_sync_t(source_t *, source_t *, sync_t *, int *, void *);

/* Java: writes count values of source `source`'s stream, from stream index `first`, at `into`; 0 on success. */
typedef int refill_t(long long state, int source, long long first, int count, double *into);
/* Java: consumes `points` records of the stream buffer at `from`; 0 on success. */
typedef int flush_t(long long state, int points, double *from);

typedef struct {
    char name[64];
    const char *seen;          /* ngspice's name string last matched (stable during a run) */
    double h, inv_h, period;
    long long segments, nodes; /* nodes per segment */
    double *ring;
    long long capacity, mask, chunk, filled;
} source;

typedef struct {
    int ident;
    send_data_t *java_send_data;
    source_t *java_vsrc, *java_isrc;
    sync_t *java_sync;
    refill_t *refill;
    flush_t *flush;
    /* tabulated mode */
    int nsources;
    source sources[MAX_SOURCES];
    double grid;               /* solver grid step (0: no step control) */
    int batching;
    int nwanted;
    int wanted[MAX_WANTED];
    int record;                /* doubles per buffered point: index + wanted values */
    double *buffer;
    int capacity_points, used;
    long long points;
    int failed;
    char error[512];
} state;

static void fail(state *st, const char *message) {
    if (!st->failed) {
        st->failed = 1;
        snprintf(st->error, sizeof st->error, "%s", message);
    }
}

static int flush_buffer(state *st) {
    if (st->used == 0) {
        return 0;
    }
    int n = st->used;
    st->used = 0;
    if (st->flush == NULL || st->flush((long long) (size_t) st, n, st->buffer) != 0) {
        fail(st, "the Java stream consumer failed");
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ ngspice callbacks */

static int shim_send_data(vecvaluesall *all, int count, int ident, void *user) {
    state *st = user;
    if (!st->batching) {
        return st->java_send_data ? st->java_send_data(all, count, ident, user) : 0;
    }
    if (st->used == st->capacity_points) {
        flush_buffer(st);
    }
    double *rec = st->buffer + (size_t) st->used * st->record;
    rec[0] = all->vecindex;
    for (int i = 0; i < st->nwanted; i++) {
        int v = st->wanted[i];
        rec[1 + i] = v >= 0 && v < all->veccount ? all->vecsa[v]->creal : NAN;
    }
    st->used++;
    st->points++;
    return 0;
}

static int ensure_filled(state *st, source *s, int index, long long g) {
    while (g >= s->filled) {
        double *into = s->ring + (s->filled & s->mask);
        if (st->refill == NULL || st->refill((long long) (size_t) st, index, s->filled, (int) s->chunk, into) != 0) {
            fail(st, "the Java refill of a tabulated source failed");
            return 1;
        }
        s->filled += s->chunk;
    }
    return 0;
}

/*
 * The tabulated value at t: segment w = ceil(t/P - 1e-9) - 1 (left-continuous: a join belongs to the
 * segment it ends), clamped to [0, segments-1]; local grid coordinate x = max(0, t - wP)/h; linear between
 * nodes floor(x) and floor(x)+1 of that segment.
 */
static double tabulated(state *st, int index, double t) {
    source *s = &st->sources[index];
    long long w = t <= 0 ? 0 : (long long) (int) ceil(t / s->period - 1e-9) - 1;
    if (w < 0) {
        w = 0;
    }
    if (w > s->segments - 1) {
        w = s->segments - 1;
    }
    double local = t - (double) (int) w * s->period;
    if (local < 0) {
        local = 0;
    }
    double x = local * s->inv_h;
    if (!(x >= 0 && x < 4503599627370496.0)) {
        fail(st, "a tabulated source was queried at a time that is not finite");
        return 0;
    }
    long long k = (long long) x;
    double u = x - (double) k;
    if (k + 1 >= s->nodes) {
        char m[256];
        snprintf(m, sizeof m, "tabulated source %s queried at t = %.9g s, past its last node (segment %lld, node %lld"
                 " of %lld)", s->name, t, w, k + 1, s->nodes);
        fail(st, m);
        return 0;
    }
    long long g = w * s->nodes + k;
    if (g + 1 >= s->filled && ensure_filled(st, s, index, g + 1) != 0) {
        return 0;
    }
    if (g < s->filled - s->capacity) {
        char m[256];
        snprintf(m, sizeof m, "tabulated source %s queried at t = %.9g s, older than its retained history"
                 " (%lld values kept)", s->name, t, s->capacity - s->chunk);
        fail(st, m);
        return 0;
    }
    double a = s->ring[g & s->mask];
    return a + u * (s->ring[(g + 1) & s->mask] - a);
}

static int shim_vsrc(double *value, double t, char *name, int ident, void *user) {
    state *st = user;
    /* ngspice passes the same name string on every call of a run: compare addresses first */
    for (int i = 0; i < st->nsources; i++) {
        if (st->sources[i].seen == name) {
            *value = tabulated(st, i, t);
            return 0;
        }
    }
    for (int i = 0; i < st->nsources; i++) {
        if (strcmp(st->sources[i].name, name) == 0) {
            st->sources[i].seen = name;
            *value = tabulated(st, i, t);
            return 0;
        }
    }
    if (st->java_vsrc) {
        return st->java_vsrc(value, t, name, ident, user);
    }
    *value = 0;
    return 0;
}

static int shim_isrc(double *value, double t, char *name, int ident, void *user) {
    state *st = user;
    if (st->java_isrc) {
        return st->java_isrc(value, t, name, ident, user);
    }
    *value = 0;
    return 0;
}

/* As BitExchangeSimulation.nextGridStep: only ever shrinks ngspice's proposal. */
static int shim_sync(double time, double *delta, double old_delta, int redo, int ident, int location, void *user) {
    state *st = user;
    if (st->grid > 0) {
        double h = st->grid;
        double next = (floor(time / h) + 1) * h;
        if (next - time < 1e-6 * h) {
            next += h;
        }
        double limited = next - time;
        if (limited > 0 && limited < *delta) {
            *delta = limited;
        }
        return 0;
    }
    return st->java_sync ? st->java_sync(time, delta, old_delta, redo, ident, location, user) : 0;
}

/* ------------------------------------------------------------------ API for Java */

EXPORT void *kljn_shim_new(int ident) {
    state *st = calloc(1, sizeof(state));
    if (st) {
        st->ident = ident;
    }
    return st;
}

EXPORT void kljn_shim_set_java(state *st, send_data_t *send_data, source_t *vsrc, source_t *isrc, sync_t *sync,
                               refill_t *refill, flush_t *flush) {
    st->java_send_data = send_data;
    st->java_vsrc = vsrc;
    st->java_isrc = isrc;
    st->java_sync = sync;
    st->refill = refill;
    st->flush = flush;
}

/* Calls this library copy's ngSpice_Init with the shim's SendData and the shim state as userData. */
EXPORT int kljn_shim_ngspice_init(state *st, ngspice_init_t *init, send_char_t *send_char, send_stat_t *send_stat,
                                  controlled_exit_t *controlled_exit, send_init_data_t *send_init_data,
                                  bg_thread_running_t *bg_thread_running) {
    return init(send_char, send_stat, controlled_exit, shim_send_data, send_init_data, bg_thread_running, st);
}

/* ngSpice_Init_Sync with the shim's source and sync callbacks (sync only when asked: wantsync is never reset). */
EXPORT int kljn_shim_ngspice_init_sync(state *st, ngspice_init_sync_t *init_sync, int with_sync) {
    return init_sync(shim_vsrc, shim_isrc, with_sync ? shim_sync : NULL, &st->ident, st);
}

/*
 * A tabulated voltage source: grid step h, segments of length `period` (s), `nodes` values per segment;
 * a ring of 2^capacity_log2 values refilled `chunk` at a time (chunk divides the ring). Returns its index,
 * or -1 when the arguments are unusable.
 */
EXPORT int kljn_shim_add_source(state *st, const char *name, double h, double period, long long segments,
                                long long nodes, int capacity_log2, int chunk) {
    if (st->nsources == MAX_SOURCES || !(h > 0) || !(period > 0) || segments < 1 || nodes < 2 || capacity_log2 < 2
        || capacity_log2 > 28 || chunk < 1 || ((1LL << capacity_log2) % chunk) != 0 || chunk * 2LL > (1LL << capacity_log2)
        || strlen(name) >= sizeof st->sources[0].name) {
        return -1;
    }
    source *s = &st->sources[st->nsources];
    memset(s, 0, sizeof *s);
    for (size_t i = 0; name[i]; i++) {
        s->name[i] = (char) tolower((unsigned char) name[i]);
    }
    s->h = h;
    s->inv_h = 1.0 / h;
    s->period = period;
    s->segments = segments;
    s->nodes = nodes;
    s->capacity = 1LL << capacity_log2;
    s->mask = s->capacity - 1;
    s->chunk = chunk;
    s->ring = malloc(sizeof(double) * (size_t) s->capacity);
    if (s->ring == NULL) {
        return -1;
    }
    return st->nsources++;
}

/* Batches accepted points of the following runs, `capacity_points` per Java flush. 0 on success. */
EXPORT int kljn_shim_begin(state *st, double grid, int capacity_points) {
    free(st->buffer);
    st->buffer = NULL;
    st->grid = grid > 0 ? grid : 0;
    st->used = 0;
    st->points = 0;
    st->failed = 0;
    st->error[0] = 0;
    st->nwanted = 0;
    st->record = 1;
    st->capacity_points = capacity_points;
    st->buffer = malloc(sizeof(double) * (size_t) capacity_points * (1 + MAX_WANTED));
    if (st->buffer == NULL) {
        return 1;
    }
    st->batching = 1;
    return 0;
}

/* The vector indices (in SendData's order) to keep per point; called when a plot starts. */
EXPORT int kljn_shim_set_wanted(state *st, int n, const int *indices) {
    if (n < 0 || n > MAX_WANTED) {
        return 1;
    }
    st->nwanted = n;
    for (int i = 0; i < n; i++) {
        st->wanted[i] = indices[i];
    }
    st->record = 1 + n;
    return 0;
}

/* Hands the buffered points to Java's flush callback (the tail at the end of a run). */
EXPORT int kljn_shim_drain(state *st) {
    return flush_buffer(st);
}

EXPORT long long kljn_shim_points(state *st) {
    return st->points;
}

/* The first failure of the current tabulated run, or NULL. */
EXPORT const char *kljn_shim_error(state *st) {
    return st->failed ? st->error : NULL;
}

/* Back to forwarding every callback to Java; frees the sources and the buffer. */
EXPORT void kljn_shim_end(state *st) {
    for (int i = 0; i < st->nsources; i++) {
        free(st->sources[i].ring);
        st->sources[i].ring = NULL;
    }
    st->nsources = 0;
    st->grid = 0;
    st->batching = 0;
    st->used = 0;
    free(st->buffer);
    st->buffer = NULL;
}
