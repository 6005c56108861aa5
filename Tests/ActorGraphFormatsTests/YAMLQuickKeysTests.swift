import ActorGraphCore
@testable import ActorGraphFormats
import Foundation
import Testing
import TestSupport

/// Composing with Yams' basic resolver when the text has no `!` (``YAMLTree/compose(_:quickKeys:)``)
/// gives what the default resolver gives: the same graph, the same diagnostics.
@Suite struct YAMLQuickKeysTests {
    static func compare(_ text: String, file: String = "graph.yaml", base: URL? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        let quick = ReadOutcome.of(bytes, file: file, base: base, fast: true)
        let reference = ReadOutcome.of(bytes, file: file, base: base, fast: false)
        #expect(quick == reference, "\(file)", sourceLocation: sourceLocation)
    }

    @Test func repositoryYAMLFiles() throws {
        var files = 0
        for folder in ["graphs", "seeds", "Tests"] {
            let walker = FileManager.default.enumerator(at: RepositoryPaths.url(folder), includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard ["yaml", "yml"].contains(url.pathExtension) else { continue }
                let bytes = try Array(Data(contentsOf: url))
                let quick = ReadOutcome.of(bytes, file: url.lastPathComponent, base: url.deletingLastPathComponent(), fast: true)
                let reference = ReadOutcome.of(bytes, file: url.lastPathComponent, base: url.deletingLastPathComponent(),
                                               fast: false)
                #expect(quick == reference, "\(url.path)")
                files += 1
            }
        }
        #expect(files >= 25)
    }

    @Test(arguments: 1...8)
    func randomGraphs(seed: UInt64) {
        Self.compare(GraphFileWriter.text(for: randomGraph(seed: seed), syntax: .yaml), file: "random-\(seed).yaml")
    }

    /// Keys that the two resolvers tell apart differently, with and without explicit tags.
    @Test(arguments: [
        "1: a\n\"1\": b\n",
        "true: a\n'true': b\n",
        "null: a\n\"null\": b\n",
        "~: a\n\"~\": b\n",
        "actors: []\nactors: []\n",
        "actors: []\n\"actors\": []\n",
        "relations: []\n'relations': [{source: a, target: b, type: supports, 1: x, \"1\": y}]\n",
        "!!str actors: []\nactors: []\n",
        "!!int 1: a\n1: b\nactors: []\n",
        "actors: [{id: a, name: A!, kind: group, 2020: x, \"2020\": y}]\n",
        "actors: &x [{id: a, name: A, kind: group}]\nrelations: *x\n",
        "actors: [{id: a, name: A, kind: group}]\nrelations: [{source: a, target: a, type: meets, date: 2021-01-01}]\n",
        "{actors: [], 0x1: a, \"0x1\": b}",
        "? [a]\n: x\n? [a]\n: y\n",
        "? {a: 1}\n: x\n? {\"a\": 1}\n: y\n",
    ])
    func awkwardKeys(_ text: String) {
        Self.compare(text)
    }

    @Test func mutationsGiveTheDefaultResolversResult() {
        let clean = GraphFileWriter.text(for: randomGraph(seed: 4, actors: 4, relations: 5), syntax: .yaml)
        let alphabet = Array("{}[]\"':-?&*!#|>\\ \t\n01ynt~".utf8)
        var rng = SeededGenerator(seed: 17)
        for round in 0..<800 {
            var bytes = Array(clean.utf8)
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(alphabet.randomElement(using: &rng)!, at: at)
                default:
                    // Repeat a line: duplicate keys of every kind.
                    let start = bytes[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                    let end = bytes[at...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
                    bytes.insert(contentsOf: bytes[start..<end], at: end)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "a")] }
            }
            let quick = ReadOutcome.of(bytes, file: "m.yaml", fast: true)
            let reference = ReadOutcome.of(bytes, file: "m.yaml", fast: false)
            #expect(quick == reference, "round \(round): \(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
