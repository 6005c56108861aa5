import ActorGraphFormats
import Foundation

/// A child process started with an empty signal mask and every signal at its default action.
///
/// Foundation's `Process` passes on the spawning thread's mask, and test threads block SIGINT and
/// SIGTERM, so a child started that way could not be interrupted: signal tests need this one.
public final class SpawnedProcess {
    public let pid: pid_t
    /// The read end of the child's standard error.
    public let standardError: FileHandle

    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        var pipe: [Int32] = [-1, -1]
        guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EMFILE) }
        // Not inherited by other tests' children (dup2 clears the flag on the child's copy).
        for fd in pipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let child: pid_t
        do {
            child = try CleanSpawn.spawn(executable, arguments, environment: environment, actions: &actions)
        } catch {
            close(pipe[1])
            close(pipe[0])
            throw error
        }
        close(pipe[1])
        pid = child
        standardError = FileHandle(fileDescriptor: pipe[0], closeOnDealloc: true)
    }

    /// Waits for the end: `(signalled, number)`, the exit status or the signal.
    public func wait() -> (signalled: Bool, status: Int32) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7F == 0 ? (false, (status >> 8) & 0xFF) : (true, status & 0x7F)
    }
}
