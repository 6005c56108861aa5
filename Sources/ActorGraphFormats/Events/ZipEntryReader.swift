import CZlib
import Foundation

/// Streams the first file of a .zip archive (stored or deflated), chunk by chunk, through the
/// system zlib: GDELT publishes each 15-minute event file as a one-file zip. Foundation cannot
/// unzip on Linux, and a package for it would be a new dependency for this one need
/// (docs/DECISIONS.md). A class, so that zlib's state and the file are released on every path,
/// a reader given up after an error or a limit included (`deinit`).
final class ZipEntryReader {
    private let handle: FileHandle
    /// On the heap: zlib keeps a pointer back to its stream, so the stream must not move.
    private let stream: UnsafeMutablePointer<z_stream>
    /// inflateInit2 succeeded and inflateEnd has not run yet.
    private var inflating = false
    private var input: [UInt8] = []
    private var method: UInt16 = 0
    private var remaining: Int
    private var finished = false
    private let file: String

    init(path: String) throws {
        file = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DiagnosticsError([Diagnostic(file: path, message: "cannot read file")])
        }
        self.handle = handle
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        remaining = 0
        // Fully initialised from here: an error below still runs deinit.
        let header = Array(handle.readData(ofLength: 30))
        func u16(_ at: Int) -> UInt16 { UInt16(header[at]) | UInt16(header[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { Int(u16(at)) | Int(u16(at + 2)) << 16 }
        guard header.count == 30, u32(0) == 0x0403_4b50 else {
            throw DiagnosticsError([Diagnostic(file: path, message: "not a zip archive (no local file header)")])
        }
        method = u16(8)
        let flags = u16(6)
        remaining = u32(18)
        _ = handle.readData(ofLength: Int(u16(26)) + Int(u16(28)))
        guard method == 0 || method == 8 else {
            throw DiagnosticsError([Diagnostic(file: path, message: "unsupported zip compression method \(method) (stored and deflate are read)")])
        }
        if method == 0 && flags & 8 != 0 {
            throw DiagnosticsError([Diagnostic(file: path, message: "a stored zip entry without sizes cannot be streamed")])
        }
        if method == 8 {
            guard inflateInit2_(stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw DiagnosticsError([Diagnostic(file: path, message: "zlib could not start")])
            }
            inflating = true
        }
    }

    deinit {
        endInflate()
        stream.deallocate()
        try? handle.close()
    }

    private func endInflate() {
        if inflating { inflateEnd(stream) }
        inflating = false
    }

    /// The next chunk of the entry's bytes, or nil at its end.
    func next() throws -> [UInt8]? {
        guard !finished else { return nil }
        if method == 0 {
            guard remaining > 0 else { finished = true; return nil }
            let chunk = Array(handle.readData(ofLength: min(remaining, 1 << 20)))
            if chunk.isEmpty { throw DiagnosticsError([Diagnostic(file: file, message: "the zip entry is truncated")]) }
            remaining -= chunk.count
            return chunk
        }
        var output = [UInt8](repeating: 0, count: 1 << 20)
        var produced = 0
        while produced == 0 {
            if stream.pointee.avail_in == 0 {
                input = Array(handle.readData(ofLength: 1 << 18))
                if input.isEmpty { throw DiagnosticsError([Diagnostic(file: file, message: "the zip entry is truncated")]) }
            }
            let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    if stream.pointee.avail_in == 0 {
                        stream.pointee.next_in = inBuffer.baseAddress
                        stream.pointee.avail_in = UInt32(inBuffer.count)
                    } else {
                        // Same buffer as last call: point at what is left of it.
                        stream.pointee.next_in = inBuffer.baseAddress! + (inBuffer.count - Int(stream.pointee.avail_in))
                    }
                    stream.pointee.next_out = outBuffer.baseAddress
                    stream.pointee.avail_out = UInt32(outBuffer.count)
                    return inflate(stream, Z_NO_FLUSH)
                }
            }
            produced = output.count - Int(stream.pointee.avail_out)
            if status == Z_STREAM_END {
                finished = true
                endInflate()
                break
            }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                endInflate()
                finished = true
                throw DiagnosticsError([Diagnostic(file: file, message: "the zip entry is corrupt (zlib status \(status))")])
            }
        }
        output.removeLast(output.count - produced)
        return output.isEmpty && finished ? nil : output
    }
}
