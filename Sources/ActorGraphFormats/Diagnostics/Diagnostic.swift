import ActorGraphCore

/// A problem found in an input file, located like a compiler diagnostic.
///
/// Prints as `file:line:column: error: message`. Line and column are 1-based; the column counts
/// Unicode scalars, as libyaml does. Where a problem has no single place (an empty file, a missing
/// file) line and column are omitted.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var file: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error,
                message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(severity.rawValue): \(message)"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let l = (lhs.line ?? 0, lhs.column ?? 0), r = (rhs.line ?? 0, rhs.column ?? 0)
        if l != r { return l < r }
        return lhs.message < rhs.message
    }
}

/// Thrown when an input has errors; carries every diagnostic found, not only the first.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics for one file.
struct DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func error(_ message: String, at place: SourcePlace?) {
        diagnostics.append(Diagnostic(file: file, line: place?.line, column: place?.column,
                                      severity: .error, message: message))
    }

    mutating func warning(_ message: String, at place: SourcePlace?) {
        diagnostics.append(Diagnostic(file: file, line: place?.line, column: place?.column,
                                      severity: .warning, message: message))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A 1-based line and column in an input file; the column is unknown for inputs read by a
/// parser that reports lines only (DOT through cgraph).
public struct SourcePlace: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int?
    public init(line: Int, column: Int?) {
        self.line = line
        self.column = column
    }
    /// `line:column`, or `line` without a column.
    public var description: String { column.map { "\(line):\($0)" } ?? "\(line)" }
}

/// A "did you mean" suffix for a message, or an empty string.
func didYouMean(_ word: String, _ candidates: [String]) -> String {
    GraphViolation.didYouMean(word, candidates)
}
