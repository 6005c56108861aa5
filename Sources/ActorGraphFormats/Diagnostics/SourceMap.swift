import ActorGraphCore

/// What a reader remembers while it decodes: where each element and field of the graph came
/// from, the problems found while decoding, and which fields those problems were about.
///
/// ``diagnostics(validating:options:extra:)`` then runs Core's validator and turns every
/// violation into a located diagnostic, so the YAML, JSON, CSV and DOT readers all report a defect
/// with the same message. A field the reader already complained about (a missing `name`) is not
/// reported again by the validator (as an empty one), and warnings about such an element are
/// dropped.
struct SourceMap {
    typealias Subject = GraphViolation.Subject

    struct Location: Hashable {
        var file: String
        var place: SourcePlace?
    }

    /// The file diagnostics name when a subject has no recorded place.
    let file: String
    private var locations: [Subject: Location] = [:]
    private var reported = Set<Subject>()
    private var reportedElements = Set<GraphViolation.Element>()
    /// Located problems found while decoding (syntax, types, keys, columns).
    var sink: DiagnosticSink

    /// Files in the order their diagnostics are listed (default: `file` alone).
    private let fileOrder: [String: Int]

    /// - Parameter files: every input file, in the order their diagnostics should come
    ///   (CSV: documents, nodes, edges); `file` is the main one.
    init(file: String, files: [String] = []) {
        self.file = file
        self.sink = DiagnosticSink(file: file)
        var order: [String: Int] = [:]
        for name in files + [file] where order[name] == nil { order[name] = order.count }
        self.fileOrder = order
    }

    /// Remembers where `subject` (an element when `field` is nil, or one of its fields) is.
    mutating func record(_ element: GraphViolation.Element, _ field: String? = nil,
                         at place: SourcePlace?, file: String? = nil) {
        guard let place else { return }
        locations[Subject(element, field)] = Location(file: file ?? self.file, place: place)
    }

    /// Notes that the reader reported a problem with `subject` itself.
    mutating func markReported(_ element: GraphViolation.Element, _ field: String? = nil) {
        reported.insert(Subject(element, field))
        reportedElements.insert(element)
    }

    /// Reports a decoding violation (an unknown kind, an invalid date) at `place` in `file`, or
    /// by default where its subject is.
    mutating func report(_ violation: GraphViolation, at place: SourcePlace? = nil, file: String? = nil) {
        markReported(violation.subject.element, violation.subject.field)
        decoded.append((violation, place.map { Location(file: file ?? self.file, place: $0) }))
    }

    /// Reports a decoding error of another input file (a CSV nodes or documents table), about
    /// `subject` when given.
    mutating func error(_ message: String, file: String, at place: SourcePlace?,
                        about subject: Subject? = nil) {
        otherFiles.append(Diagnostic(file: file, line: place?.line, column: place?.column, message: message))
        if let subject { markReported(subject.element, subject.field) }
    }

    private var decoded: [(GraphViolation, Location?)] = []
    private var otherFiles: [Diagnostic] = []

    /// Finds places the reader did not record one by one (table cells, from the element's row).
    var locator: ((Subject) -> Location?)?

    /// The recorded place of `subject`, else of its element, else of the enclosing elements.
    func location(of subject: Subject) -> Location? {
        if let exact = locations[subject] ?? locator?(subject) { return exact }
        var element: GraphViolation.Element? = subject.element
        while let current = element {
            if let found = locations[Subject(current)] { return found }
            element = current.parent
        }
        return nil
    }

    /// Every diagnostic of the read: decoding problems, then `graph`'s violations (plus `extra`,
    /// such as corpus checks) not already covered, each located, sorted by file and place.
    func diagnostics(validating graph: ActorGraph, options: ValidationOptions = ValidationOptions(),
                     extra: [GraphViolation] = []) -> [Diagnostic] {
        diagnostics(of: graph.validate(options: options) + extra)
    }

    /// Every diagnostic of the read: decoding problems, then `violations` (found by the caller)
    /// not already covered, each located, sorted by file and place.
    func diagnostics(of violations: [GraphViolation]) -> [Diagnostic] {
        let found = violations.filter { v in
            !reported.contains(v.subject)
                && !(v.severity == .warning && reportedElements.contains(v.subject.element))
        }
        let located = decoded.map { diagnostic($0.0, at: $0.1) } + GraphViolation.summarized(found).map { diagnostic($0) }
        return (otherFiles + sink.diagnostics + located)
            .sorted { (fileOrder[$0.file] ?? 0, $0) < (fileOrder[$1.file] ?? 0, $1) }
    }

    func diagnostic(_ violation: GraphViolation, at given: Location? = nil) -> Diagnostic {
        let location = given ?? location(of: violation.subject)
        var message = violation.message
        if let related = violation.related, let first = self.location(of: related), let place = first.place {
            message += first.file == (location?.file ?? file) ? " (first defined at \(place))"
                : " (first defined at \(first.file):\(place))"
        }
        return Diagnostic(file: location?.file ?? file, line: location?.place?.line,
                          column: location?.place?.column,
                          severity: violation.severity == .error ? .error : .warning, message: message)
    }
}

extension Array where Element == Diagnostic {
    /// Throws the diagnostics when one is an error; else returns them (the warnings).
    func throwingErrors() throws -> [Diagnostic] {
        if contains(where: { $0.severity == .error }) { throw DiagnosticsError(self) }
        return self
    }
}
