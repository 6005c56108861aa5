import ActorGraphFormats
import Foundation

/// Runs a child process with bytes on its standard input, collecting its standard output (up to a
/// limit) and standard error (its first 64 KiB), and kills it (SIGKILL) at a deadline.
///
/// Started with `posix_spawn`: no fork of a multithreaded parent, no code runs in the child before
/// `exec`. Its signal mask is emptied and every signal set to its default action, so a parent that
/// ignores SIGPIPE or blocks SIGINT passes neither on. Standard input is one end of a socket pair
/// written with `MSG_NOSIGNAL`, so a child that dies early gives EPIPE, never a SIGPIPE in the
/// parent. Every descriptor the parent opens is close-on-exec. Reentrant: no global state, so a
/// server can run many at once. Limits inside the child (memory, CPU, core dumps) are the child's
/// own business (``DOTSandbox`` sets them first thing in its worker).
struct SandboxedProcess {
    var executable: String
    var arguments: [String]
    var input: [UInt8]
    var timeout: Double
    var maxOutput: Int
    var maxErrorOutput = 64 * 1024
    /// Variables set in the child on top of the parent's environment.
    var environment: [String: String] = [:]

    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Killed by us at the deadline.
        case timedOut
        /// Killed by us: standard output went past `maxOutput`.
        case outputTooLarge
    }

    struct Result {
        var ending: Ending
        var output: [UInt8]
        var errorOutput: [UInt8]
        var seconds: Double
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    func run() throws -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        var inputPair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &inputPair) == 0 else {
            throw SpawnError(description: "cannot create a socket pair: \(String(cString: strerror(errno)))")
        }
        // Sockets, not pipes: socketpair takes SOCK_CLOEXEC (pipe2 is not visible from Swift), so
        // no other thread's child can inherit our ends between creation and spawn.
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &outPipe) == 0 else {
            let code = errno
            close(inputPair[0]); close(inputPair[1])
            throw SpawnError(description: "cannot create a socket pair: \(String(cString: strerror(code)))")
        }
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &errPipe) == 0 else {
            let code = errno
            [inputPair[0], inputPair[1], outPipe[0], outPipe[1]].forEach { close($0) }
            throw SpawnError(description: "cannot create a socket pair: \(String(cString: strerror(code)))")
        }
        // The child's ends (dup2 clears close-on-exec on the copies 0, 1, 2).
        let childIn = inputPair[1], childOut = outPipe[1], childErr = errPipe[1]
        let parentIn = inputPair[0], parentOut = outPipe[0], parentErr = errPipe[0]

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childIn, 0)
        posix_spawn_file_actions_adddup2(&actions, childOut, 1)
        posix_spawn_file_actions_adddup2(&actions, childErr, 2)

        let pid: pid_t
        do {
            pid = try CleanSpawn.spawn(executable, arguments, environment: environment, actions: &actions)
        } catch let error as POSIXError {
            close(childIn); close(childOut); close(childErr)
            close(parentIn); close(parentOut); close(parentErr)
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(error.code.rawValue)))")
        }
        close(childIn); close(childOut); close(childErr)
        for fd in [parentIn, parentOut, parentErr] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }

        var output: [UInt8] = [], errorOutput: [UInt8] = []
        var written = 0
        var inOpen = true, outOpen = true, errOpen = true
        var killedFor: Ending?
        if input.isEmpty { close(parentIn); inOpen = false }
        let deadline = start + UInt64(max(0, timeout) * 1e9)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)

        func drain(_ fd: Int32, into sink: inout [UInt8], limit: Int, open: inout Bool) -> Bool {
            // Returns false when the stream went past its limit.
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    let room = limit - sink.count
                    sink.append(contentsOf: buffer[0..<min(n, max(0, room))])
                    if n > room { return false }
                    continue
                }
                if n == 0 { close(fd); open = false }
                else if errno == EINTR { continue }
                else if errno != EAGAIN && errno != EWOULDBLOCK { close(fd); open = false }
                return true
            }
        }

        while (outOpen || errOpen) && killedFor == nil {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { killedFor = .timedOut; break }
            var fds: [pollfd] = []
            if inOpen { fds.append(pollfd(fd: parentIn, events: Int16(POLLOUT), revents: 0)) }
            if outOpen { fds.append(pollfd(fd: parentOut, events: Int16(POLLIN), revents: 0)) }
            if errOpen { fds.append(pollfd(fd: parentErr, events: Int16(POLLIN), revents: 0)) }
            let wait = Int32(min(Double(deadline - now) / 1e6 + 1, 1000))
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 && errno != EINTR { break }
            if ready <= 0 { continue }
            for p in fds where p.revents != 0 {
                if p.fd == parentIn {
                    let n = input.withUnsafeBytes {
                        send(parentIn, $0.baseAddress! + written, min($0.count - written, 1 << 16), Int32(MSG_NOSIGNAL))
                    }
                    if n > 0 { written += n }
                    if (n < 0 && errno != EAGAIN && errno != EINTR) || written == input.count {
                        close(parentIn); inOpen = false
                    }
                } else if p.fd == parentOut {
                    if !drain(parentOut, into: &output, limit: maxOutput, open: &outOpen) { killedFor = .outputTooLarge }
                } else if p.fd == parentErr {
                    var ignored: [UInt8] = []
                    if errorOutput.count < maxErrorOutput {
                        _ = drain(parentErr, into: &errorOutput, limit: maxErrorOutput, open: &errOpen)
                    } else {
                        _ = drain(parentErr, into: &ignored, limit: Int.max, open: &errOpen)
                    }
                }
            }
        }
        // Both streams closed (or we gave up): reap the child, killing it at the deadline.
        var status: Int32 = 0
        while killedFor == nil {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if DispatchTime.now().uptimeNanoseconds >= deadline { killedFor = .timedOut; break }
            usleep(2_000)
        }
        if killedFor != nil {
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        if inOpen { close(parentIn) }
        if outOpen { close(parentOut) }
        if errOpen { close(parentErr) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let ending: Ending
        if let killedFor {
            ending = killedFor
        } else if status & 0x7F == 0 {
            ending = .exited((status >> 8) & 0xFF)
        } else {
            ending = .signalled(status & 0x7F)
        }
        return Result(ending: ending, output: output, errorOutput: errorOutput, seconds: seconds)
    }
}
