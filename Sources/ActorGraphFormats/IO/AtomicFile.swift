import Foundation

/// Writes files atomically: the bytes go to a temporary file in the destination folder, which is
/// then renamed over the destination. A reader sees the old file or the new one, never half of
/// either; on failure the temporary file is removed and the destination is untouched.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: cannot write: \(reason)" }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: url.path, reason: errnoText()) }
        var ok = true
        var failure = ""
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false; failure = errnoText(); return
                }
                offset += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false; failure = errnoText() }
        close(fd)
        if ok && rename(temporary.path, url.path) != 0 { ok = false; failure = errnoText() }
        if !ok {
            unlink(temporary.path)
            throw WriteError(path: url.path, reason: failure)
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
