import ActorGraphCore
import Foundation

/// The checks that need the file system: every document path resolves inside the corpus folder
/// and, when asked, every document reads as UTF-8 text and every quote occurs in its document
/// (after ``TextFolding/quoteKey(_:)``). The one implementation every reader and
/// ``GraphValidation`` use.
public enum CorpusCheck {
    /// The corpus folder of a graph read from (or written to) a file in `baseDirectory`: the
    /// graph's `corpus` resolved against it, or the folder itself.
    public static func corpusDirectory(for graph: ActorGraph, baseDirectory: URL) -> URL {
        // Folders are made directory URLs explicitly: whether they exist must not change how a
        // relative document path resolves against them.
        let folder = URL(fileURLWithPath: baseDirectory.path, isDirectory: true)
        return graph.corpus.map { URL(fileURLWithPath: $0, isDirectory: true, relativeTo: folder).standardizedFileURL }
            ?? folder.standardizedFileURL
    }

    /// Violations of documents and quotes against the corpus folder `corpus`.
    ///
    /// Documents with blank paths and evidence citing unknown documents are left to
    /// ``ActorGraph/validate(options:)``.
    ///
    /// - Complexity: O(total document size + Σ quote × document size) when quotes are verified.
    public static func violations(of graph: ActorGraph, corpus: URL, verifyQuotes: Bool) -> [GraphViolation] {
        var violations: [GraphViolation] = []
        let corpusName = graph.corpus.map { "corpus: \($0)" } ?? "the graph file's folder"
        let root = corpus.resolvingSymlinksInPath().path
        var texts: [DocumentID: String] = [:]
        for (i, document) in graph.documents.enumerated() where !document.path.allSatisfy(\.isWhitespace) {
            let subject = GraphViolation.Subject(.document(i), "id")
            let url = URL(fileURLWithPath: document.path, relativeTo: corpus).standardizedFileURL
            let resolved = url.resolvingSymlinksInPath().path
            if document.path.hasPrefix("/") || !(resolved == root || resolved.hasPrefix(root + "/")) {
                violations.append(GraphViolation(
                    .documentOutsideCorpus, "document '\(document.id)' path '\(document.path)' resolves "
                    + "outside the corpus folder (\(corpusName))", at: subject))
                continue
            }
            guard verifyQuotes, texts[document.id] == nil else { continue }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                violations.append(GraphViolation(.unreadableDocument, "document '\(document.id)' cannot be "
                                                 + "read at \(url.path)", at: subject))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                violations.append(GraphViolation(.unreadableDocument, "document '\(document.id)' is not UTF-8 text",
                                                 at: subject))
                continue
            }
            texts[document.id] = TextFolding.quoteKey(text)
        }
        guard verifyQuotes else { return violations }
        for (r, relation) in graph.relations.enumerated() {
            for (k, evidence) in relation.evidence.enumerated() {
                guard let text = texts[evidence.document], !evidence.quote.allSatisfy(\.isWhitespace) else { continue }
                if !text.contains(TextFolding.quoteKey(evidence.quote)) {
                    violations.append(GraphViolation(
                        .quoteNotFound, "quote not found in document '\(evidence.document)': \""
                        + abbreviated(evidence.quote) + "\"",
                        at: GraphViolation.Subject(.evidence(relation: r, index: k), "quote")))
                }
            }
        }
        return violations
    }

    static func abbreviated(_ text: String, limit: Int = 60) -> String {
        let flat = TextFolding.quoteKey(text)
        return flat.count <= limit ? flat : String(flat.prefix(limit)) + "…"
    }
}
