// Removing temporary output files when SIGINT, SIGTERM or SIGHUP arrives mid-write (AtomicFile).
// A signal handler may only call async-signal-safe functions, which Swift code cannot promise,
// so the handler and the table of paths it removes are C.
#ifndef ACTORGRAPH_CSIGNALS_H
#define ACTORGRAPH_CSIGNALS_H

/// Registers `path` (copied) to be unlinked if one of those signals arrives, and installs the
/// handlers while at least one path is registered, where the signal's action is the default
/// (a program that handles or ignores the signal itself, such as a server, keeps its own).
/// Returns a slot for actorgraph_temp_unregister, or -1 when the table is full or the path too
/// long (the write then goes on unprotected).
int actorgraph_temp_register(const char *path);

/// Forgets a slot; restores the previous actions when it was the last one.
void actorgraph_temp_unregister(int slot);

#endif
