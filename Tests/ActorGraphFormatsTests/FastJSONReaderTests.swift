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

    /// The YAML and JSON files under the repository's graphs, seeds, tests, docs and examples.
    static func repositoryGraphFiles() -> (yaml: [URL], json: [URL]) {
        var yamlFiles: [URL] = [], jsonFiles: [URL] = []
        for folder in ["graphs", "seeds", "Tests", "docs", "Examples"] {
            let walker = FileManager.default.enumerator(at: RepositoryPaths.url(folder), includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                switch url.pathExtension {
                case "yaml", "yml": yamlFiles.append(url)
                case "json": jsonFiles.append(url)
                default: break
                }
            }
        }
        return (yamlFiles, jsonFiles)
    }

    /// Each conversion indented, compact, escaped and with CR LF line ends, then every JSON file:
    /// the fast path gives the Yams path's result. Returns what took the fast path.
    static func checkFixtures(_ conversions: [YAMLToJSON], json: [URL]) throws -> [String] {
        var taken: [String] = []
        for c in conversions {
            let name = c.path.deletingPathExtension().lastPathComponent + ".json"
            let variants = [c.pretty, c.compact, c.ascii, c.pretty.replacingOccurrences(of: "\n", with: "\r\n")]
            for (k, text) in variants.enumerated()
            where compare(Array(text.utf8), file: name, base: c.path.deletingLastPathComponent()) {
                taken.append("\(name) \(k)")
            }
        }
        for url in json where compare(try Array(Data(contentsOf: url)), file: url.lastPathComponent,
                                      base: url.deletingLastPathComponent()) {
            taken.append(url.lastPathComponent)
        }
        // The curated graph, the held-out gold and the golden import are clean; the escaped
        // variant of the curated graph has characters beyond U+FFFF, so surrogate pairs.
        for expected in ["iraq-axis-2021-2024.json 0", "iraq-axis-2021-2024.json 1", "iraq-axis-2021-2024.json 3",
                         "gold.json 0", "gold.json 2", "import-dot-json-file--graph.json"] {
            #expect(taken.contains(expected), "\(expected) did not take the fast path: \(taken)")
        }
        return taken
    }

    /// Every YAML graph fixture of the repository written as JSON (by Yams' node tree, so also
    /// the fixtures whose YAML holds errors), and every JSON file among the fixtures.
    @Test func repositoryFixturesAsJSON() throws {
        let (yaml, json) = Self.repositoryGraphFiles()
        let conversions = YAMLToJSON.convert(yaml)
        #expect(yaml.count >= 25 && conversions.count >= 15)
        let taken = try Self.checkFixtures(conversions, json: json)
        #expect(taken.count >= 9, "\(taken)")
    }

    /// The same with PyYAML's reading of the fixtures (scripts/checks/graph_yaml_to_json.py), a
    /// second converter that shares no code with ours.
    @Test(.enabled(if: PythonOracle.has("yaml"))) func repositoryFixturesAsJSONByPython() throws {
        let (yaml, json) = Self.repositoryGraphFiles()
        let (status, out, err) = try PythonOracle.run("scripts/checks/graph_yaml_to_json.py", yaml.map(\.path))
        try #require(status == 0, "\(err)")
        var conversions: [YAMLToJSON] = []
        for line in out.split(separator: "\n") {
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            guard let path = entry["path"], let pretty = entry["pretty"], let compact = entry["compact"],
                  let ascii = entry["ascii"] else { continue }
            conversions.append(YAMLToJSON(path: URL(fileURLWithPath: path), pretty: pretty, compact: compact, ascii: ascii))
        }
        #expect(conversions.count >= 15)
        let taken = try Self.checkFixtures(conversions, json: json)
        #expect(taken.count >= 9, "\(taken)")
    }

    /// The fast path's locator against the node tree's: fixtures whose errors come from the
    /// validator or the corpus check, read with errors accepted, give the Yams path's diagnostics.
    @Test func errorsLocatedAsYamsLocatesThem() throws {
        let folder = RepositoryPaths.url("Tests/ActorGraphFormatsTests/Fixtures/malformed")
        let names = ["duplicate-ids", "bad-references", "membership-cycle", "empty-quote", "path-escape",
                     "quote-not-in-document", "bad-country-self-loop"]
        let conversions = YAMLToJSON.convert(names.map { folder.appendingPathComponent($0 + ".yaml") })
        try #require(conversions.count == names.count)
        var checked = 0
        for c in conversions {
            // Also on one line, with characters of several bytes before the places.
            for text in [c.pretty, c.pretty.replacingOccurrences(of: "\n", with: "\r\n"),
                         c.compact.replacingOccurrences(of: #""name":""#, with: #""name":"é🙂\t"#)] {
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
                #expect(fast == yams, "\(c.path.lastPathComponent)")
                if case .failed = yams { checked += 1 }
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
