#include "CSignals.h"
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define SLOTS 64
#define PATH_BYTES 4096

static char paths[SLOTS][PATH_BYTES];
static volatile sig_atomic_t used[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int active = 0;
static const int handled[] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction previous[3];
static int installed[3];

static void on_signal(int signo) {
    for (int i = 0; i < SLOTS; i++) {
        if (used[i]) unlink(paths[i]);
    }
    // Die of the signal, as without the handler: the shell reports 128 + signo, and a shell loop
    // that runs us stops on Ctrl-C.
    signal(signo, SIG_DFL);
    raise(signo);
}

int actorgraph_temp_register(const char *path) {
    if (strlen(path) >= PATH_BYTES) return -1;
    pthread_mutex_lock(&lock);
    int slot = -1;
    for (int i = 0; i < SLOTS; i++) {
        if (!used[i]) { slot = i; break; }
    }
    if (slot >= 0) {
        strcpy(paths[slot], path);
        __atomic_signal_fence(__ATOMIC_SEQ_CST);  // the path is whole before the handler may read it
        used[slot] = 1;
        if (active++ == 0) {
            for (int k = 0; k < 3; k++) {
                struct sigaction current;
                installed[k] = 0;
                if (sigaction(handled[k], NULL, &current) != 0 || current.sa_handler != SIG_DFL) continue;
                struct sigaction action;
                memset(&action, 0, sizeof action);
                action.sa_handler = on_signal;
                sigemptyset(&action.sa_mask);
                if (sigaction(handled[k], &action, &previous[k]) == 0) installed[k] = 1;
            }
        }
    }
    pthread_mutex_unlock(&lock);
    return slot;
}

void actorgraph_temp_unregister(int slot) {
    if (slot < 0 || slot >= SLOTS) return;
    pthread_mutex_lock(&lock);
    used[slot] = 0;
    if (--active == 0) {
        for (int k = 0; k < 3; k++) {
            if (installed[k]) sigaction(handled[k], &previous[k], NULL);
            installed[k] = 0;
        }
    }
    pthread_mutex_unlock(&lock);
}
