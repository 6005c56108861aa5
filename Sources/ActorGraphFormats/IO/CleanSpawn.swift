import Foundation

/// Starts a program with an empty signal mask and every signal at its default action.
///
/// Foundation's `Process` passes on the spawning thread's signal mask: a child started from a
/// thread that blocks SIGINT or SIGTERM (test threads, servers) could not be interrupted. The DOT
/// sandbox's workers and the tests' signal children start through here.
public enum CleanSpawn {
    /// Spawns `executable` with `arguments` and our environment overlaid with `environment`,
    /// after `actions` (dups and opens for its standard streams).
    ///
    /// - Returns: the child's pid.
    /// - Throws: `POSIXError` with posix_spawn's error.
    public static func spawn(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                             actions: inout posix_spawn_file_actions_t) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .ENOENT) }
        return pid
    }
}
