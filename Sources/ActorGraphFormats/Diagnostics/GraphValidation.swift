import ActorGraphCore
import Foundation

/// Validation of a graph that is about to be written, for commands that write graphs (`import`,
/// `export`): the same checks as reading, reported against the output file.
public enum GraphValidation {
    /// Checks `graph` before it is written to `displayPath`.
    ///
    /// The diagnostics name `displayPath` without a line (the text is not written yet); each
    /// message ends with the element it is about: `out.yaml: error: unknown actor 'x' as source
    /// (relation 'r1')`. With a `corpus` folder, document paths are checked against it and, when
    /// `verifyQuotes`, quotes against the documents.
    ///
    /// - Returns: the warnings.
    /// - Throws: ``DiagnosticsError`` with every error and warning when there is an error.
    @discardableResult
    public static func check(_ graph: ActorGraph, displayPath: String, corpus: URL? = nil,
                             verifyQuotes: Bool = false) throws -> [Diagnostic] {
        var violations = graph.validate()
        if let corpus {
            violations += CorpusCheck.violations(of: graph, corpus: corpus, verifyQuotes: verifyQuotes)
        }
        return try GraphViolation.summarized(violations).map { v in
            Diagnostic(file: displayPath, severity: v.severity == .error ? .error : .warning,
                       message: v.message + describe(v.subject.element, in: graph).map { " (\($0))" }.orEmpty)
        }.throwingErrors()
    }

    /// How an unlocated diagnostic names an element: "actor 'hamas'", "evidence 2 of relation 'r1'".
    static func describe(_ element: GraphViolation.Element, in graph: ActorGraph) -> String? {
        switch element {
        case .graph: return nil
        case .document(let i): return "document \(i + 1) '\(graph.documents[i].id)'"
        case .actor(let i): return "actor \(i + 1) '\(graph.actors[i].id)'"
        case .membership(let a, let k): return "memberOf \(k + 1) of actor \(a + 1) '\(graph.actors[a].id)'"
        case .relation(let r): return "relation \(r + 1) '\(graph.relations[r].id)'"
        case .evidence(let r, let k): return "evidence \(k + 1) of relation \(r + 1) '\(graph.relations[r].id)'"
        }
    }
}

extension Optional where Wrapped == String {
    var orEmpty: String { self ?? "" }
}
