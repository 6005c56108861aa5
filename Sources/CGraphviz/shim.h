// Includes the *installed* Graphviz headers (pkg-config libgvc adds -I.../graphviz).
// Nothing is vendored: the headers always match the library that is linked.
#ifndef ACTORGRAPH_CGRAPHVIZ_SHIM_H
#define ACTORGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/graphviz_version.h>
#include <stdlib.h>
#include <string.h>

// An id discipline that numbers named graphs and subgraphs in creation order.
//
// cgraph keeps subgraphs ordered by id, and its default discipline makes a named object's id the
// address of its interned name, so cluster order (and with it dot's layout) followed the heap's
// history: the same drawing could be laid out differently later in a process. cgraph's fallback
// (declining, so names go to its internal map) is unusable: closing any subgraph, as neato's
// component packing does, wipes that map for the whole graph. So graphs get ids of their own here,
// ACTORGRAPH_GRAPH_IDS + 2k, above any pointer or anonymous counter, with their names interned in
// the graph's string pool; nodes and edges keep the default discipline. Runs under the caller's lock.
#define ACTORGRAPH_GRAPH_IDS ((IDTYPE)1 << 62)

typedef struct {
    void *fallback;     // the default discipline's state (the root graph)
    char **names;       // names[k] for id ACTORGRAPH_GRAPH_IDS + 2k; NULL once freed
    size_t count, capacity;
} actorgraph_graph_ids;

static inline int actorgraph_owns(actorgraph_graph_ids *s, int objtype, IDTYPE id, size_t *k) {
    if (!s || objtype != AGRAPH || id < ACTORGRAPH_GRAPH_IDS || (id - ACTORGRAPH_GRAPH_IDS) % 2) return 0;
    *k = (size_t)((id - ACTORGRAPH_GRAPH_IDS) / 2);
    return *k < s->count;
}

static inline void *actorgraph_ids_open(Agraph_t *g, Agdisc_t *disc) {
    actorgraph_graph_ids *s = calloc(1, sizeof *s);
    if (s) s->fallback = AgIdDisc.open(g, disc);
    return s;  // NULL (out of memory): every call below then declines or passes through
}

static inline long actorgraph_ids_map(void *state, int objtype, char *name, IDTYPE *id, int create) {
    actorgraph_graph_ids *s = state;
    if (!s) return name ? 0 : AgIdDisc.map(NULL, objtype, NULL, id, create);
    if (!name || objtype != AGRAPH) return AgIdDisc.map(s->fallback, objtype, name, id, create);
    for (size_t k = 0; k < s->count; k++) {
        if (s->names[k] && strcmp(s->names[k], name) == 0) { *id = ACTORGRAPH_GRAPH_IDS + 2 * (IDTYPE)k; return 1; }
    }
    if (!create) return 0;
    if (s->count == s->capacity) {
        size_t capacity = s->capacity ? 2 * s->capacity : 16;
        char **names = realloc(s->names, capacity * sizeof *names);
        if (!names) return 0;
        s->names = names;
        s->capacity = capacity;
    }
    char *interned = agstrdup(s->fallback, name);
    if (!interned) return 0;
    s->names[s->count] = interned;
    *id = ACTORGRAPH_GRAPH_IDS + 2 * (IDTYPE)s->count++;
    return 1;
}

static inline long actorgraph_ids_alloc(void *state, int objtype, IDTYPE id) {
    actorgraph_graph_ids *s = state;
    return s ? AgIdDisc.alloc(s->fallback, objtype, id) : 0;
}

static inline void actorgraph_ids_free(void *state, int objtype, IDTYPE id) {
    actorgraph_graph_ids *s = state;
    size_t k;
    if (actorgraph_owns(s, objtype, id, &k)) {
        if (s->names[k]) agstrfree(s->fallback, s->names[k]);
        s->names[k] = NULL;
    } else if (s) {
        AgIdDisc.free(s->fallback, objtype, id);
    }
}

static inline char *actorgraph_ids_print(void *state, int objtype, IDTYPE id) {
    actorgraph_graph_ids *s = state;
    size_t k;
    if (actorgraph_owns(s, objtype, id, &k)) return s->names[k];
    return s ? AgIdDisc.print(s->fallback, objtype, id) : NULL;
}

static inline void actorgraph_ids_close(void *state) {
    actorgraph_graph_ids *s = state;
    if (!s) return;
    AgIdDisc.close(s->fallback);
    free(s->names);  // the strings themselves go with the graph's string pool
    free(s);
}

static inline void actorgraph_ids_register(void *state, int objtype, void *object) {
    actorgraph_graph_ids *s = state;
    if (s) AgIdDisc.idregister(s->fallback, objtype, object);
}

// The discipline ActorGraph opens graphs with: the id discipline above, default memory and I/O.
static inline Agdisc_t *actorgraph_discipline(void) {
    static Agiddisc_t ids = {
        actorgraph_ids_open, actorgraph_ids_map, actorgraph_ids_alloc, actorgraph_ids_free,
        actorgraph_ids_print, actorgraph_ids_close, actorgraph_ids_register,
    };
    static Agdisc_t discipline = { &AgMemDisc, &ids, &AgIoDisc };
    return &discipline;
}
// The Graphviz sandbox's worker (DOTSandbox), first thing: no core dump whatever the core
// pattern (prctl is variadic, so Swift cannot call it directly).
#include <sys/prctl.h>
static inline int actorgraph_worker_no_core_dumps(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }

#endif
