import ActorGraphCore
@testable import ActorGraphFormats
import Foundation
import Testing
import TestSupport

/// What reading a graph file gives: the graph spelled out field by field (derived ids and
/// weights' bits included) with the warnings, or the diagnostics of the failure.
enum ReadOutcome: Equatable, CustomStringConvertible {
    case loaded(fields: [String], warnings: [String], corpus: String?)
    case failed([String])

    var description: String {
        switch self {
        case let .loaded(fields, warnings, corpus):
            return (["loaded, corpus \(corpus ?? "-")"] + warnings + fields).joined(separator: "\n")
        case let .failed(diagnostics): return (["failed"] + diagnostics).joined(separator: "\n")
        }
    }

    var isLoaded: Bool { if case .loaded = self { return true } else { return false } }

    /// Every field of the graph, one line per element.
    static func fields(_ g: ActorGraph) -> [String] {
        func s(_ value: Any?) -> String { String(reflecting: value) }
        var out = ["graph \(s(g.title)) \(s(g.description)) \(s(g.corpus))"]
        for d in g.documents {
            out.append("document \(s(d.id.rawValue)) \(s(d.path)) \(s(d.title)) \(s(d.outlet)) \(s(d.published)) "
                       + "\(s(d.url)) \(s(d.notes))")
        }
        for a in g.actors {
            let members = a.memberOf.map { "\(s($0.actor.rawValue)) \(s($0.role)) \(s($0.date)) \(s($0.until))" }
            out.append("actor \(s(a.id.rawValue)) \(s(a.name)) \(a.kind) \(s(a.aliases)) \(s(a.country)) "
                       + "\(members) \(s(a.wikidata)) \(s(a.notes))")
        }
        for r in g.relations {
            let evidence = r.evidence.map { "\(s($0.document.rawValue)) \(s($0.quote))" }
            out.append("relation \(s(r.id.rawValue)) derived:\(r.hasDerivedID) \(s(r.source.rawValue)) "
                       + "\(s(r.target.rawValue)) \(r.type) \(s(r.label)) \(s(r.date)) \(s(r.until)) \(r.modality) "
                       + "\(evidence) \(s(r.weight?.bitPattern)) \(s(r.notes))")
        }
        return out
    }

    /// Reads `bytes` as `GraphFileReader.parse` does (`fast`), or as it did before its shortcuts:
    /// through Yams only, with Yams' default resolver.
    static func of(_ bytes: [UInt8], file: String = "graph.json", base: URL? = nil, fast: Bool) -> ReadOutcome {
        do {
            let loaded = try GraphFileReader.parse(bytes: bytes, file: file, baseDirectory: base,
                                                   options: .init(), fastJSON: fast, quickKeys: fast)
            return .loaded(fields: fields(loaded.graph), warnings: loaded.warnings.map(\.description),
                           corpus: loaded.corpusDirectory?.path)
        } catch let error as DiagnosticsError {
            return .failed(error.diagnostics.map(\.description))
        } catch {
            return .failed(["unexpected \(error)"])
        }
    }

    /// Whether the fast path returns a read for `bytes` (rather than giving up).
    static func fastPathTakes(_ bytes: [UInt8], file: String = "graph.json", base: URL? = nil) -> Bool {
        (try? FastJSONGraphReader.read(bytes: bytes, file: file, baseDirectory: base, options: .init())) != nil
    }
}

/// The fast JSON path against the Yams path: the same graph and the same diagnostics for every
/// graph fixture of the repository (as JSON), for random graphs, and with errors located alike.
@Suite struct FastJSONReaderTests {
    /// Both paths on `bytes`; returns whether the fast path took it.
    @discardableResult
    static func compare(_ bytes: [UInt8], file: String = "graph.json", base: URL? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let fast = ReadOutcome.of(bytes, file: file, base: base, fast: true)
        let yams = ReadOutcome.of(bytes, file: file, base: base, fast: false)
        #expect(fast == yams, "\(file)", sourceLocation: sourceLocation)
        return ReadOutcome.fastPathTakes(bytes, file: file, base: base)
    }

    @Test func cleanJSONTakesTheFastPath() throws {
        let text = GraphFileWriter.text(for: randomGraph(seed: 7), syntax: .json)
        let before = FastJSONGraphReader.reads.load(ordering: .relaxed)
        let loaded = try GraphFileReader.parse(bytes: Array(text.utf8), file: "g.json", baseDirectory: nil)
        // Other tests may read in parallel: the count only has to have grown.
        #expect(FastJSONGraphReader.reads.load(ordering: .relaxed) > before)
        let fast = try #require(try FastJSONGraphReader.read(bytes: Array(text.utf8), file: "g.json",
                                                             baseDirectory: nil, options: .init()))
        #expect(fast.graph == loaded.graph)
        #expect(!fast.warnings.isEmpty)  // relations without evidence, located by the fast path
    }

    @Test func seedGraphAsJSON() throws {
        let seed = try GraphFileReader.read(contentsOf: RepositoryPaths.seedGraph).graph
        let folder = RepositoryPaths.seedGraph.deletingLastPathComponent()
        let pretty = Array(GraphFileWriter.text(for: seed, syntax: .json).utf8)
        let compact = Array(OrderedValue.graph(seed.canonicalized()).compactJSON.utf8)
        for bytes in [pretty, compact] {
            #expect(Self.compare(bytes, file: "seed.json", base: folder))
            let read = try #require(try FastJSONGraphReader.read(bytes: bytes, file: "seed.json", baseDirectory: folder,
                                                                 options: .init()))
            #expect(read.graph == seed.canonicalized())
            #expect(read.warnings.isEmpty)
        }
    }

    @Test(arguments: 1...12)
    func randomGraphs(seed: UInt64) throws {
        let graph = randomGraph(seed: seed)
        let pretty = GraphFileWriter.text(for: graph, syntax: .json)
        let variants = [pretty, OrderedValue.graph(graph.canonicalized()).compactJSON,
                        pretty.replacingOccurrences(of: "\n", with: "\r\n"),
                        pretty.replacingOccurrences(of: "\n", with: "\r"),
                        "\u{FEFF}" + pretty.replacingOccurrences(of: "  ", with: "\t")]
        for (k, text) in variants.enumerated() {
            // The last variant may put a tab into a string (from "  padded  "): compared only.
            let taken = Self.compare(Array(text.utf8), file: "random-\(seed)-\(k).json")
            #expect(taken || k == 4, "variant \(k) did not take the fast path")
        }
    }

    /// Every YAML graph fixture in the repository, written as JSON by scripts/checks (pretty with
    /// the characters as they are, compact with every non-ASCII character escaped, and pretty with
    /// CR LF line ends), plus every JSON file among the fixtures.
    @Test(.enabled(if: PythonOracle.has("yaml"))) func repositoryFixturesAsJSON() throws {
        let root = RepositoryPaths.root
        var yamlFiles: [URL] = [], jsonFiles: [URL] = []
        for folder in ["graphs", "seeds", "Tests", "docs", "Examples"] {
            let walker = FileManager.default.enumerator(at: root.appendingPathComponent(folder),
                                                        includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                switch url.pathExtension {
                case "yaml", "yml": yamlFiles.append(url)
                case "json": jsonFiles.append(url)
                default: break
                }
            }
        }
        #expect(yamlFiles.count >= 20)
        let (status, out, err) = try PythonOracle.run("scripts/checks/graph_yaml_to_json.py", yamlFiles.map(\.path))
        try #require(status == 0, "\(err)")
        var converted = 0, taken: [String] = []
        for line in out.split(separator: "\n") {
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            let url = URL(fileURLWithPath: try #require(entry["path"]))
            guard let pretty = entry["pretty"], let ascii = entry["ascii"] else { continue }
            converted += 1
            let name = url.deletingPathExtension().lastPathComponent + ".json"
            for (k, text) in [pretty, ascii, pretty.replacingOccurrences(of: "\n", with: "\r\n")].enumerated() {
                if Self.compare(Array(text.utf8), file: name, base: url.deletingLastPathComponent()) {
                    taken.append("\(name) \(k)")
                }
            }
        }
        for url in jsonFiles {
            let bytes = try Array(Data(contentsOf: url))
            if Self.compare(bytes, file: url.lastPathComponent, base: url.deletingLastPathComponent()) {
                taken.append(url.lastPathComponent)
            }
        }
        #expect(converted >= 15)
        // The curated graph, the held-out gold and a fixture with only a warning are clean enough.
        for expected in ["iraq-axis-2021-2024.json 0", "iraq-axis-2021-2024.json 1", "iraq-axis-2021-2024.json 2",
                         "gold.json 0", "import-dot-json-file--graph.json"] {
            #expect(taken.contains(expected), "\(expected) did not take the fast path: \(taken)")
        }
    }

    /// The fast path's locator against the node tree's: fixtures whose errors come from the
    /// validator or the corpus check, read with errors accepted, give the Yams path's diagnostics.
    @Test(.enabled(if: PythonOracle.has("yaml"))) func errorsLocatedAsYamsLocatesThem() throws {
        let folder = RepositoryPaths.url("Tests/ActorGraphFormatsTests/Fixtures/malformed")
        let names = ["duplicate-ids", "bad-references", "membership-cycle", "empty-quote", "path-escape",
                     "quote-not-in-document", "bad-country-self-loop"]
        let (status, out, err) = try PythonOracle.run("scripts/checks/graph_yaml_to_json.py",
                                                      names.map { folder.appendingPathComponent($0 + ".yaml").path })
        try #require(status == 0, "\(err)")
        var checked = 0
        for line in out.split(separator: "\n") {
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            let pretty = try #require(entry["pretty"]), compact = try #require(entry["compact"])
            // Also on one line, with characters of several bytes before the places.
            for text in [pretty, pretty.replacingOccurrences(of: "\n", with: "\r\n"),
                         compact.replacingOccurrences(of: #""name":""#, with: #""name":"é🙂\t"#)] {
                let bytes = Array(text.utf8)
                let yams = ReadOutcome.of(bytes, file: "x.json", base: folder, fast: false)
                let fast: ReadOutcome
                do {
                    let read = try FastJSONGraphReader.read(bytes: bytes, file: "x.json", baseDirectory: folder,
                                                            options: .init(), acceptErrors: true)
                    fast = try #require(read.map { ReadOutcome.loaded(fields: ReadOutcome.fields($0.graph),
                                                                       warnings: $0.warnings.map(\.description),
                                                                       corpus: $0.corpusDirectory?.path) })
                } catch let error as DiagnosticsError {
                    fast = .failed(error.diagnostics.map(\.description))
                }
                #expect(fast == yams, "\(entry["path"] ?? "")")
                checked += 1
            }
        }
        #expect(checked == names.count * 3)
    }

    @Test func keysAreTheDecodersKeys() {
        #expect(TopKey.allCases.map(\.rawValue) == GraphDecoder.topKeys)
        #expect(DocumentKey.allCases.map(\.rawValue) == GraphDecoder.documentKeys)
        #expect(ActorKey.allCases.map(\.rawValue) == GraphDecoder.actorKeys)
        #expect(MembershipKey.allCases.map(\.rawValue) == GraphDecoder.membershipKeys)
        #expect(RelationKey.allCases.map(\.rawValue) == GraphDecoder.relationKeys)
        #expect(EvidenceKey.allCases.map(\.rawValue) == GraphDecoder.evidenceKeys)
    }
}
