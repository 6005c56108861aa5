/// A cheap lexical pass over DOT text before Graphviz sees it: it refuses what would make
/// Graphviz's parser hang or read only part of the file, in O(n) and within milliseconds.
///
/// - More than ``Limits/attributeNames`` distinct attribute names: cgraph grows every existing
///   object's record for each new name, and parse time grows faster than quadratically
///   (3,000 names on 3,000 nodes: 4 s; 10,000: no end in sight).
/// - Braces, brackets or HTML strings nested deeper than ``Limits/nesting``.
/// - Anything but comments after the graph's closing brace: cgraph reads one graph and stops,
///   so a second graph or trailing text would otherwise be dropped silently (a partial parse).
///
/// It knows DOT's comments (`//`, `/* */`, `#` lines), quoted strings with backslash escapes and
/// HTML strings (`<…>`, nested). Syntax errors are left to Graphviz's parser.
public enum DOTScanner {
    public struct Limits: Sendable, Hashable {
        public var attributeNames: Int
        public var nesting: Int
        public init(attributeNames: Int = 1_000, nesting: Int = InputLimits.nestingDepth) {
            self.attributeNames = attributeNames
            self.nesting = nesting
        }
    }

    /// What the scan saw.
    public struct Summary: Sendable, Hashable {
        public var attributeNames = 0
        public var deepestNesting = 0
        public var longestString = 0
        /// `->` and `--` outside strings and comments.
        public var edgeOperators = 0
    }

    /// Scans `bytes`; throws ``DiagnosticsError`` (located at a line) for input beyond the limits.
    @discardableResult
    public static func check(_ bytes: [UInt8], file: String, limits: Limits = Limits()) throws -> Summary {
        var summary = Summary()
        var names = Set<[UInt8]>()
        var depth = 0
        var line = 1
        var closedAt: Int?  // the line where the top-level graph closed
        var i = bytes.startIndex
        let end = bytes.endIndex
        var lastToken: [UInt8]?  // the previous ID or string, while it may still be an attribute name
        var atLineStart = true

        func fail(_ message: String, _ at: Int) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(file: file, line: at, message: message)])
        }
        func noteName(_ name: [UInt8]) throws {
            names.insert(name)
            if names.count > limits.attributeNames {
                throw fail("more than \(limits.attributeNames) distinct attribute names; Graphviz's parser slows down "
                           + "faster than quadratically with each new name, so the file is refused", line)
            }
        }
        func afterGraph() throws {
            if let closed = closedAt {
                throw fail("text after the graph that ends on line \(closed); a DOT file here holds exactly one graph "
                           + "(Graphviz would read the first and silently drop the rest)", line)
            }
        }
        func isIDByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b >= 0x80
                || b == 0x2E
        }

        while i < end {
            let b = bytes[i]
            if b == 0x0A { line += 1; atLineStart = true; i += 1; continue }
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B { i += 1; continue }
            let lineStart = atLineStart
            atLineStart = false
            // Comments.
            if b == 0x23 && lineStart {  // '#' line: a preprocessor line, ignored by cgraph
                while i < end && bytes[i] != 0x0A { i += 1 }
                continue
            }
            if b == 0x2F && i + 1 < end && bytes[i + 1] == 0x2F {
                while i < end && bytes[i] != 0x0A { i += 1 }
                continue
            }
            if b == 0x2F && i + 1 < end && bytes[i + 1] == 0x2A {
                i += 2
                while i < end && !(bytes[i] == 0x2A && i + 1 < end && bytes[i + 1] == 0x2F) {
                    if bytes[i] == 0x0A { line += 1 }
                    i += 1
                }
                i = min(i + 2, end)
                continue
            }
            switch b {
            case 0x22:  // quoted string
                try afterGraph()
                var token: [UInt8] = []
                i += 1
                while i < end && bytes[i] != 0x22 {
                    if bytes[i] == 0x5C && i + 1 < end {
                        token.append(bytes[i]); i += 1
                    }
                    if bytes[i] == 0x0A { line += 1 }
                    token.append(bytes[i]); i += 1
                }
                i += 1
                summary.longestString = max(summary.longestString, token.count)
                lastToken = token
                continue
            case 0x3C:  // HTML string
                try afterGraph()
                var nested = 0
                var length = 0
                while i < end {
                    let c = bytes[i]
                    if c == 0x3C {
                        nested += 1
                        summary.deepestNesting = max(summary.deepestNesting, depth + nested)
                        if depth + nested > limits.nesting {
                            throw fail("HTML-like label nested deeper than \(limits.nesting) levels", line)
                        }
                    } else if c == 0x3E {
                        nested -= 1
                        if nested == 0 { i += 1; break }
                    } else if c == 0x0A { line += 1 }
                    length += 1
                    i += 1
                }
                summary.longestString = max(summary.longestString, length)
                lastToken = nil
                continue
            case 0x3D:  // '='
                if let name = lastToken { try noteName(name) }
                lastToken = nil
                i += 1
                continue
            case 0x7B, 0x5B:  // '{' '['
                try afterGraph()
                depth += 1
                summary.deepestNesting = max(summary.deepestNesting, depth)
                if depth > limits.nesting {
                    throw fail("braces or brackets nested deeper than \(limits.nesting) levels", line)
                }
            case 0x7D, 0x5D:  // '}' ']'
                depth -= 1
                if depth == 0 && b == 0x7D { closedAt = line }
                if depth < 0 { depth = 0 }
            case 0x2D where i + 1 < end && (bytes[i + 1] == 0x3E || bytes[i + 1] == 0x2D):  // -> --
                try afterGraph()
                summary.edgeOperators += 1
                i += 2
                lastToken = nil
                continue
            default:
                if isIDByte(b) || b == 0x2D {
                    try afterGraph()
                    var token: [UInt8] = [b]
                    i += 1
                    while i < end && isIDByte(bytes[i]) { token.append(bytes[i]); i += 1 }
                    lastToken = token
                    continue
                }
                if b != 0x3B { try afterGraph() }  // a stray ';' after the graph is harmless
            }
            lastToken = nil
            i += 1
        }
        summary.attributeNames = names.count
        return summary
    }
}
