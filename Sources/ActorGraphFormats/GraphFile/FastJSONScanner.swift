/// Thrown by the fast JSON reader on any doubt: the input is not strict JSON, or it is JSON that
/// the Yams path might read differently. The caller then reads the file through Yams, as before.
struct FastPathDoubt: Error {}

/// A JSON scalar as the fast reader saw it: its bytes are `start..<end` of the input (a string's
/// content, without the quotes, still escaped when `escaped`).
struct JSONScalar {
    enum Kind { case string, number, literal }  // literal: `true` or `false`; `null` is no scalar
    var kind: Kind
    var start: Int
    var end: Int
    var escaped: Bool
}

/// A byte-level JSON scanner over UTF-8 input, strict about what libyaml reads the same way.
///
/// It accepts only strict JSON, and within it doubts what libyaml (through which the Yams path
/// reads JSON) would read differently or refuse: a tab outside the root object, a key whose `:`
/// is on another line or far away (libyaml's simple-key rules), raw characters YAML does not
/// allow or folds (DEL, C1 controls, U+0085, U+2028, U+2029, U+FFFE, U+FFFF), U+FEFF (a byte-order
/// mark, which text decoders may drop), and `\uD800`–`\uDFFF` escapes, which libyaml rejects
/// (``decodeString(_:)`` itself decodes surrogate pairs).
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    var pos: Int
    /// Decoded bytes of the last escaped string.
    var scratch: [UInt8] = []

    init(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) {
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = buffer.count
        pos = start
    }

    // MARK: Structure

    @inline(__always) mutating func skipSpace() {
        while pos < count {
            let b = base[pos]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            pos += 1
        }
    }

    /// The next byte after white space, not consumed; nil at the end.
    @inline(__always) mutating func peek() -> UInt8? {
        skipSpace()
        return pos < count ? base[pos] : nil
    }

    @inline(__always) mutating func expect(_ byte: UInt8) throws(FastPathDoubt) {
        guard peek() == byte else { throw FastPathDoubt() }
        pos += 1
    }

    /// Whether the next value is `null` (consumed if so).
    mutating func takeNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), pos + 4 <= count, base[pos + 1] == UInt8(ascii: "u"),
              base[pos + 2] == UInt8(ascii: "l"), base[pos + 3] == UInt8(ascii: "l") else { return false }
        pos += 4
        return true
    }

    /// Consumes `{` (or `[`) and reports whether a first member follows, consuming the closer
    /// when none does.
    mutating func open(_ opener: UInt8) throws(FastPathDoubt) -> Bool {
        try expect(opener)
        let closer = opener + 2  // `{` → `}`, `[` → `]`
        if peek() == closer { pos += 1; return false }
        return true
    }

    /// After a member: true when another follows (`,` consumed), false at the closer (consumed).
    mutating func next(closing opener: UInt8) throws(FastPathDoubt) -> Bool {
        switch peek() {
        case UInt8(ascii: ","): pos += 1; return true
        case opener + 2: pos += 1; return false
        default: throw FastPathDoubt()
        }
    }

    /// An object key and its `:`. Keys are plain ASCII without escapes, and the `:` follows on
    /// the same line within 1,000 bytes (libyaml forgets a simple key after a line break or
    /// 1,024 characters); anything else is doubted.
    mutating func key() throws(FastPathDoubt) -> (start: Int, count: Int) {
        guard peek() == UInt8(ascii: "\"") else { throw FastPathDoubt() }
        let quote = pos
        pos += 1
        let start = pos
        while pos < count {
            let b = base[pos]
            if b == UInt8(ascii: "\"") { break }
            guard b >= 0x20, b < 0x7F, b != UInt8(ascii: "\\") else { throw FastPathDoubt() }
            pos += 1
        }
        guard pos < count else { throw FastPathDoubt() }
        let length = pos - start
        pos += 1
        while pos < count, base[pos] == 0x20 || base[pos] == 0x09 { pos += 1 }
        guard pos < count, base[pos] == UInt8(ascii: ":"), pos - quote <= 1_000 else { throw FastPathDoubt() }
        pos += 1
        return (start, length)
    }

    // MARK: Scalars

    /// A string, number, `true` or `false`; nil for `null`. A list or object is doubted.
    mutating func scalar() throws(FastPathDoubt) -> JSONScalar? {
        guard let b = peek() else { throw FastPathDoubt() }
        switch b {
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "t"): return try literal("true")
        case UInt8(ascii: "f"): return try literal("false")
        case UInt8(ascii: "n"):
            guard takeNull() else { throw FastPathDoubt() }
            return nil
        default: throw FastPathDoubt()
        }
    }

    private mutating func literal(_ word: StaticString) throws(FastPathDoubt) -> JSONScalar {
        let n = word.utf8CodeUnitCount
        guard pos + n <= count else { throw FastPathDoubt() }
        for k in 0..<n where base[pos + k] != word.utf8Start[k] { throw FastPathDoubt() }
        defer { pos += n }
        return JSONScalar(kind: .literal, start: pos, end: pos + n, escaped: false)
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as its text (as libyaml keeps it).
    private mutating func number() throws(FastPathDoubt) -> JSONScalar {
        let start = pos
        func digits(_ s: inout JSONScanner) -> Int {
            let first = s.pos
            while s.pos < s.count, s.base[s.pos] &- UInt8(ascii: "0") < 10 { s.pos += 1 }
            return s.pos - first
        }
        if base[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < count else { throw FastPathDoubt() }
        if base[pos] == UInt8(ascii: "0") { pos += 1 } else if digits(&self) == 0 { throw FastPathDoubt() }
        if pos < count, base[pos] == UInt8(ascii: ".") {
            pos += 1
            guard digits(&self) > 0 else { throw FastPathDoubt() }
        }
        if pos < count, base[pos] | 0x20 == UInt8(ascii: "e") {
            pos += 1
            if pos < count, base[pos] == UInt8(ascii: "+") || base[pos] == UInt8(ascii: "-") { pos += 1 }
            guard digits(&self) > 0 else { throw FastPathDoubt() }
        }
        return JSONScalar(kind: .number, start: start, end: pos, escaped: false)
    }

    /// A string (at its opening quote): checks escapes and UTF-8 and stops at the closing quote.
    mutating func string() throws(FastPathDoubt) -> JSONScalar {
        pos += 1
        let start = pos
        var escaped = false
        while true {
            // The common case: printable ASCII that is neither a quote nor a backslash.
            while pos < count {
                let b = base[pos]
                guard b >= 0x20, b < 0x7F, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\") else { break }
                pos += 1
            }
            guard pos < count else { throw FastPathDoubt() }
            let b = base[pos]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                escaped = true
                try skipEscape()
            } else if b >= 0x80 {
                try skipCharacter()
            } else {
                throw FastPathDoubt()  // a raw control character or DEL
            }
        }
        defer { pos += 1 }
        return JSONScalar(kind: .string, start: start, end: pos, escaped: escaped)
    }

    private mutating func skipEscape() throws(FastPathDoubt) {
        guard pos + 1 < count else { throw FastPathDoubt() }
        switch base[pos + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            pos += 2
        case UInt8(ascii: "u"):
            guard let unit = hex4(at: pos + 2), !(0xD800...0xDFFF).contains(unit), unit != 0xFEFF else { throw FastPathDoubt() }
            pos += 6
        default:
            throw FastPathDoubt()
        }
    }

    /// The four hex digits at `i`, if they are.
    func hex4(at i: Int) -> UInt32? {
        guard i + 4 <= count else { return nil }
        var value: UInt32 = 0
        for k in i..<i + 4 {
            let b = base[k]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// One multi-byte UTF-8 character: well-formed, and one libyaml reads as printable and not as
    /// a line break.
    private mutating func skipCharacter() throws(FastPathDoubt) {
        let lead = base[pos]
        func continuation(_ k: Int) throws(FastPathDoubt) -> UInt32 {
            guard pos + k < count, base[pos + k] & 0xC0 == 0x80 else { throw FastPathDoubt() }
            return UInt32(base[pos + k] & 0x3F)
        }
        let scalar: UInt32, width: Int
        switch lead {
        case 0xC2...0xDF:
            scalar = UInt32(lead & 0x1F) << 6 | (try continuation(1)); width = 2
        case 0xE0...0xEF:
            scalar = UInt32(lead & 0x0F) << 12 | (try continuation(1)) << 6 | (try continuation(2)); width = 3
            guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar) else { throw FastPathDoubt() }
        case 0xF0...0xF4:
            scalar = UInt32(lead & 0x07) << 18 | (try continuation(1)) << 12 | (try continuation(2)) << 6
                | (try continuation(3))
            width = 4
            guard (0x10000...0x10FFFF).contains(scalar) else { throw FastPathDoubt() }
        default:
            throw FastPathDoubt()
        }
        guard scalar >= 0xA0, scalar != 0x2028, scalar != 0x2029, scalar != 0xFEFF, scalar != 0xFFFE, scalar != 0xFFFF else {
            throw FastPathDoubt()
        }
        pos += width
    }

    // MARK: Text

    /// The bytes a scalar stands for (a string's decoded content), for the duration of `body`.
    mutating func withBytes<R>(_ s: JSONScalar, _ body: (UnsafeBufferPointer<UInt8>) throws(FastPathDoubt) -> R)
        throws(FastPathDoubt) -> R {
        if !s.escaped { return try body(UnsafeBufferPointer(start: base + s.start, count: s.end - s.start)) }
        try decodeString(s)
        return try scratch.withUnsafeBufferPointer { (buffer) throws(FastPathDoubt) -> R in try body(buffer) }
    }

    /// The scalar's text, as the Yams path would see it.
    mutating func text(_ s: JSONScalar) throws(FastPathDoubt) -> String {
        try withBytes(s) { String(decoding: $0, as: UTF8.self) }
    }

    /// Decodes an escaped string's content into ``scratch``: every JSON escape, a `\uD83D\uDE00`
    /// surrogate pair as one character. A lone surrogate is doubted.
    mutating func decodeString(_ s: JSONScalar) throws(FastPathDoubt) {
        scratch.removeAll(keepingCapacity: true)
        var i = s.start
        var run = i
        func flush(_ scratch: inout [UInt8], _ base: UnsafePointer<UInt8>, to i: Int) {
            if i > run { scratch.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run)) }
        }
        while i < s.end {
            guard base[i] == UInt8(ascii: "\\") else { i += 1; continue }
            flush(&scratch, base, to: i)
            let kind = base[i + 1]
            i += 2
            switch kind {
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                guard var value = hex4(at: i) else { throw FastPathDoubt() }
                i += 4
                if (0xD800...0xDBFF).contains(value) {
                    guard i + 6 <= s.end, base[i] == UInt8(ascii: "\\"), base[i + 1] == UInt8(ascii: "u"),
                          let low = hex4(at: i + 2), (0xDC00...0xDFFF).contains(low) else { throw FastPathDoubt() }
                    value = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
                    i += 6
                } else if (0xDC00...0xDFFF).contains(value) {
                    throw FastPathDoubt()
                }
                appendUTF8(value)
            default: scratch.append(kind)  // `"`, `\`, `/`
            }
            run = i
        }
        flush(&scratch, base, to: s.end)
    }

    private mutating func appendUTF8(_ v: UInt32) {
        switch v {
        case ..<0x80: scratch.append(UInt8(v))
        case ..<0x800: scratch.append(contentsOf: [UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F)])
        case ..<0x10000:
            scratch.append(contentsOf: [UInt8(0xE0 | v >> 12), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F)])
        default:
            scratch.append(contentsOf: [UInt8(0xF0 | v >> 18), UInt8(0x80 | v >> 12 & 0x3F),
                                        UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F)])
        }
    }

    // MARK: Skipping (already checked input)

    /// Skips any value. Used on input the reader has already accepted (to locate a field).
    mutating func skipValue() throws(FastPathDoubt) {
        switch peek() {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let opener = base[pos]
            guard try open(opener) else { return }
            repeat {
                if opener == UInt8(ascii: "{") { _ = try key() }
                try skipValue()
            } while try next(closing: opener)
        default:
            _ = try scalar()
        }
    }
}
