import CSignals
import Foundation

/// Writes output files safely, whatever the path names (see ``OutputDestination``).
///
/// - A regular file or an absent path is written atomically: the bytes go to a temporary file in
///   the same folder, which is synced and renamed over the destination. A reader sees the old
///   file or the new one, never half of either. A replaced file keeps its permissions (and its
///   owner and group when this process may set them).
/// - A symbolic link is followed to its final target, which is replaced atomically; the link stays.
/// - A FIFO, device or socket (`/dev/null`, `/dev/stdout`, a named pipe) is opened and written in
///   place; it is never replaced by a regular file.
///
/// Every write, sync and close is checked. On failure a ``WriteError`` names the path and the
/// reason, the temporary file is removed and a replaced file is untouched. (Bytes already
/// written to a stream cannot be taken back.)
///
/// Faults: a full disk (`ENOSPC`), a folder that may not be written, or a folder removed while
/// writing fail this way. SIGINT, SIGTERM or SIGHUP while a temporary file exists removes it
/// (a C handler, installed only while writing and only where the signal's action is the
/// default) and the process then dies of the signal (the shell reports 128 + its number). A
/// temporary file left by a process killed outright (SIGKILL) is removed by the next write to
/// the same path once its process is gone.
public enum AtomicFile {
    /// A write that failed: the path as given, and why.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        /// The system error behind the failure, when there is one (`ENOSPC`, `EACCES`, …).
        public var code: Int32?
        public var description: String { "\(path): error: cannot write: \(reason)" }

        public init(path: String, reason: String, code: Int32? = nil) {
            self.path = path
            self.reason = reason
            self.code = code
        }

        init(_ url: URL, code: Int32, detail: String? = nil) {
            self.init(path: url.relativePath,
                      reason: AtomicFile.text(code) + (detail.map { " (\($0))" } ?? ""), code: code)
        }
    }

    /// Writes `text` as UTF-8 to `url`.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Writes `data` to `url`: atomically for files, in place for streams and descriptors.
    ///
    /// - Throws: ``WriteError`` when the destination is a folder, its folder is missing or may
    ///   not be written, a write fails (`ENOSPC` on `/dev/full`), or the final rename fails.
    public static func write(_ data: Data, to url: URL) throws {
        switch try OutputDestination.resolve(url) {
        case .file(let target):
            try replace(target, with: data, named: url)
        case .descriptor(let fd):
            try writeToDescriptor(fd, data, named: url)
        case .stream(let target):
            try writeToStream(target, data, named: url)
        }
    }

    // MARK: - Regular files

    static func replace(_ target: URL, with data: Data, named url: URL) throws {
        let path = target.path
        let through = path == url.path ? nil : "writing through the symbolic link to \(path)"
        func failure(_ code: Int32, _ detail: String? = nil) -> WriteError {
            WriteError(url, code: code, detail: [detail, through].compactMap { $0 }.joined(separator: "; ").nilIfEmpty)
        }
        let folder = (path as NSString).deletingLastPathComponent
        var existing = stat()
        let replacing = lstat(path, &existing) == 0 && existing.st_mode & S_IFMT == S_IFREG
        // Renaming would replace a file we may not write; refuse as a plain write would.
        if replacing && access(path, W_OK) != 0 { throw failure(errno) }

        let prefix = ".\((path as NSString).lastPathComponent).tmp-"
        removeStaleTemporaries(in: folder, prefix: prefix)
        let temporary = folder + "/" + prefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Registered before it exists: a signal between open and registration cannot leave it.
        let slot = actorgraph_temp_register(temporary)
        defer { actorgraph_temp_unregister(slot) }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw failure(code, "the folder \(folder) does not exist")
            case ENOTDIR: throw failure(code, "a part of \(folder) is not a folder")
            case EACCES, EPERM, EROFS: throw failure(code, "cannot create a file in \(folder)")
            default: throw failure(code)
            }
        }
        var isOpen = true
        do {
            if replacing {
                // Owner first: chown clears set-id bits, which fchmod then restores.
                if existing.st_uid != geteuid() || existing.st_gid != getegid() {
                    _ = fchown(fd, existing.st_uid, existing.st_gid)
                }
                if fchmod(fd, existing.st_mode & 0o7777) != 0 { throw failure(errno) }
            }
            if let code = writeAll(fd, data, pausing: true) { throw failure(code) }
            if fsync(fd) != 0 { throw failure(errno) }
            isOpen = false
            if close(fd) != 0 { throw failure(errno) }
            if rename(temporary, path) != 0 { throw failure(errno) }
        } catch {
            if isOpen { close(fd) }
            unlink(temporary)
            throw error
        }
        // Make the rename itself durable; a folder that cannot be synced is no write error.
        let folderFD = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
    }

    /// Removes `prefix<pid>-<n>` files in `folder` whose process is gone (killed by SIGKILL or
    /// a power cut mid-write). Best effort; never fails the write.
    static func removeStaleTemporaries(in folder: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "/" : folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    /// Fault injection for tests only: with `ACTORGRAPH_TEST_PAUSE_WRITE=SECONDS` in the
    /// environment, a write to a regular file stops halfway through its temporary file, says
    /// `actorgraph: paused writing` on stderr and sleeps, so a test can remove the folder or
    /// send a signal mid-write.
    static let testPause: Double? = ProcessInfo.processInfo.environment["ACTORGRAPH_TEST_PAUSE_WRITE"].flatMap(Double.init)

    // MARK: - Streams

    static func writeToDescriptor(_ fd: Int32, _ data: Data, named url: URL) throws {
        guard fcntl(fd, F_GETFD) >= 0 else { throw WriteError(url, code: errno, detail: "descriptor \(fd) is not open") }
        // Text printed earlier through stdio must come first.
        fflush(nil)
        if let code = writeAll(fd, data) { throw WriteError(url, code: code) }
    }

    static func writeToStream(_ target: URL, _ data: Data, named url: URL) throws {
        // Opening a FIFO waits for a reader, as the shell's `>` does.
        let fd = open(target.path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw WriteError(url, code: code, detail: code == ENXIO ? "a socket or device that cannot be opened for writing" : nil)
        }
        if let code = writeAll(fd, data) {
            close(fd)
            throw WriteError(url, code: code)
        }
        if close(fd) != 0 { throw WriteError(url, code: errno) }
    }

    /// Writes every byte, retrying interrupted and short writes; returns the errno of a failure.
    static func writeAll(_ fd: Int32, _ data: Data, pausing: Bool = false) -> Int32? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            var offset = 0
            var paused = !pausing || testPause == nil
            while offset < buffer.count {
                var end = buffer.count
                if !paused { end = max(1, buffer.count / 2) }
                if offset >= end, !paused, let seconds = testPause {
                    paused = true
                    FileHandle.standardError.write(Data("actorgraph: paused writing \(fd)\n".utf8))
                    usleep(UInt32(seconds * 1e6))
                    continue
                }
                let n = Glibc.write(fd, buffer.baseAddress! + offset, end - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                offset += n
            }
            return nil
        }
    }

    static func text(_ code: Int32) -> String { String(cString: strerror(code)) }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
