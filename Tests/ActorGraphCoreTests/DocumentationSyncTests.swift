import Foundation
import Testing
import TestSupport

/// Every ```swift snippet of the DocC catalogs and of the libraries' doc comments is compiled:
/// it must appear, line for line (indentation, blank lines and imports aside), in one of the
/// files that compile and run them.
struct DocumentationSyncTests {
    /// The files that hold the snippets' compiled copies.
    static let compiled = [
        "Tests/ActorGraphCoreTests/DocumentationSnippetTests.swift",
        "Tests/ActorGraphRenderingTests/DocumentationSnippetTests.swift",
        "Examples/actorgraph-example/main.swift",
    ]
    static let libraries = ["Sources/ActorGraphCore", "Sources/ActorGraphFormats", "Sources/ActorGraphRendering"]

    /// Lines that must match: trimmed, without blank lines and imports.
    static func significant<S: Sequence>(_ lines: S) -> [String] where S.Element: StringProtocol {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("import ") }
    }

    /// The ```swift blocks of `text`, each as its lines; `prefix` is stripped first (`///` in
    /// Swift files).
    static func snippets(in text: String, commentPrefix: String?) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if let commentPrefix {
                guard line.hasPrefix(commentPrefix) else { current = nil; continue }
                line = String(line.dropFirst(commentPrefix.count))
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```swift" { current = []; continue }
            if current != nil, trimmed == "```" { blocks.append(current!); current = nil; continue }
            current?.append(line)
        }
        return blocks
    }

    static func files(under folder: String, ending suffix: String) -> [URL] {
        let root = RepositoryPaths.url(folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.path.hasSuffix(suffix) }.sorted { $0.path < $1.path }
    }

    @Test func everySnippetIsCompiled() throws {
        let copies = try Self.compiled.map { Self.significant(try String(contentsOf: RepositoryPaths.url($0), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)) }
        var checked = 0
        for library in Self.libraries {
            var sources: [(URL, [[String]])] = []
            for url in Self.files(under: library, ending: ".md") {
                sources.append((url, Self.snippets(in: try String(contentsOf: url, encoding: .utf8), commentPrefix: nil)))
            }
            for url in Self.files(under: library, ending: ".swift") {
                sources.append((url, Self.snippets(in: try String(contentsOf: url, encoding: .utf8), commentPrefix: "///")))
            }
            for (url, blocks) in sources {
                for block in blocks {
                    let lines = Self.significant(block)
                    guard !lines.isEmpty else { continue }
                    checked += 1
                    let found = copies.contains { copy in
                        copy.count >= lines.count && (0...(copy.count - lines.count)).contains { Array(copy[$0..<$0 + lines.count]) == lines }
                    }
                    #expect(found, "a snippet in \(url.path) is not in \(Self.compiled.joined(separator: ", ")):\n\(block.joined(separator: "\n"))")
                }
            }
        }
        // The four articles and the doc-comment examples on GraphView.
        #expect(checked >= 20)
    }
}
