import Foundation

/// Where a write to a path really goes, decided by looking at the path before writing.
///
/// Only a regular file (or nothing yet) can be replaced atomically by renaming a temporary file
/// over it. A symbolic link is followed to its final target, which is replaced while the link
/// stays. Devices, FIFOs and sockets are opened and written in place; `/dev/stdout`,
/// `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` name this process's own descriptors and are
/// written through them (so a redirected or appended stdout is honoured).
public enum OutputDestination: Equatable, Sendable {
    /// A regular file or an absent path, after following symbolic links: written atomically.
    case file(URL)
    /// A descriptor of this process (`/dev/stdout` is 1): written through it, never closed.
    case descriptor(Int32)
    /// A FIFO, character or block device, or socket: opened and written directly.
    case stream(URL)

    /// Classifies `url`, following symbolic links (up to 40 of them).
    ///
    /// - Throws: ``AtomicFile/WriteError`` for a folder, a symbolic link loop, or a path that
    ///   cannot be examined (a part of it is not a folder, or may not be searched).
    public static func resolve(_ url: URL) throws -> OutputDestination {
        let given = url.path
        if let fd = descriptorNumber(given) { return .descriptor(fd) }
        var info = stat()
        if stat(given, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw AtomicFile.WriteError(url, code: EISDIR)
            case S_IFREG: break
            // open(2) follows links itself, including /proc's links to pipes and sockets.
            default: return .stream(url)
            }
        } else if errno != ENOENT {
            throw AtomicFile.WriteError(url, code: errno)
        }
        // A regular file, or nothing (possibly behind a dangling link): find the final path.
        var path = given
        for _ in 0..<40 {
            if let fd = descriptorNumber(path) { return .descriptor(fd) }
            if lstat(path, &info) != 0 {
                if errno == ENOENT { return .file(URL(fileURLWithPath: path)) }
                throw AtomicFile.WriteError(url, code: errno)
            }
            guard info.st_mode & S_IFMT == S_IFLNK else { return .file(URL(fileURLWithPath: path)) }
            guard let target = readLink(path) else { throw AtomicFile.WriteError(url, code: errno) }
            path = target.hasPrefix("/") ? target
                : (path as NSString).deletingLastPathComponent + "/" + target
        }
        throw AtomicFile.WriteError(url, code: ELOOP)
    }

    /// Whether the destination is a file in a folder (not a stream or descriptor).
    public var isFile: Bool {
        if case .file = self { return true }
        return false
    }

    /// The descriptor a path names, for `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and
    /// `/proc/self/fd/N` (also `/proc/thread-self/fd/N` and `/proc/PID/fd/N` for this process).
    static func descriptorNumber(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default: break
        }
        let prefixes = ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", "/proc/\(getpid())/fd/"]
        for prefix in prefixes where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            if !rest.isEmpty, rest.allSatisfy(\.isASCIIDigit), let fd = Int32(rest) { return fd }
        }
        return nil
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
