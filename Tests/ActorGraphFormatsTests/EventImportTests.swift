import ActorGraphCore
@testable import ActorGraphFormats
import Foundation
import Testing
import TestSupport

/// GDELT, ACLED and PLOVER fixtures written from their published formats: which rows become
/// which relations, and every other row counted under its reason.
struct EventImportTests {
    static func fixture(_ name: String) -> URL {
        RepositoryPaths.url("Tests/ActorGraphFormatsTests/Fixtures/events/\(name)")
    }

    static func input(_ name: String) throws -> CSVGraph.Input {
        CSVGraph.Input(file: name, bytes: Array(try Data(contentsOf: fixture(name))))
    }

    static func fields(_ r: Relation) -> [String: OrderedValue] { NoteAttributes.split(r.notes).attributes }

    @Test(arguments: ["gdelt-sample.export.CSV", "gdelt-sample.export.CSV.zip"])
    func gdeltRowsJoinPerPairTypeAndMonth(file: String) throws {
        let result = try GDELTReader.read(path: Self.fixture(file).path, mapping: .standard, period: .month)
        #expect(result.rows == 12)
        #expect(result.usedRows == 8)
        #expect(result.skipped == ["no second actor": 1, "mapped to no relation": 1, "bad date": 1,
                                   "malformed row (not 61 columns)": 1])
        let byID = Dictionary(uniqueKeysWithValues: result.graph.relations.map { ($0.id.rawValue, $0) })
        #expect(byID.keys.sorted() == ["IRN-supports-IRN-2024-01", "IRN-supports-IRQREB-2024-01", "IRQGOV-hosts-PSEREB-2024-01",
                                       "IRQGOV-hosts-PSEREB-2024-02", "IRQGOV-meets-PSEREB-2024-01", "USA-opposes-IRQMIL-2024-01"])
        let hosts = try #require(byID["IRQGOV-hosts-PSEREB-2024-01"])
        #expect(hosts.weight == 2)
        #expect(hosts.date == PartialDate("2024-01"))
        #expect(Self.fields(hosts)["count"]?.plainText == "2")
        #expect(Self.fields(hosts)["goldstein"]?.plainText == "5.6")
        #expect(Self.fields(hosts)["events"]?.compactJSON == #"["1001","1002"]"#)
        #expect(Self.fields(hosts)["urls"]?.compactJSON == #"["https://a.example/1","https://a.example/2"]"#)
        #expect(Self.fields(try #require(byID["USA-opposes-IRQMIL-2024-01"]))["goldstein"]?.plainText == "-19.5")
        let actors = Dictionary(uniqueKeysWithValues: result.graph.actors.map { ($0.id.rawValue, $0) })
        #expect(actors["IRQGOV"]?.name == "IRAQ")
        #expect(actors["IRQGOV"]?.kind == .government)
        #expect(actors["IRQREB"]?.kind == .militia)
        #expect(result.unmappedCodes.map(\.0) == ["010"])
        // The self-relation is kept, with the validator's warning.
        #expect(result.graph.validate().map(\.code) == [.selfRelation])
    }

    /// A .zip given up part way (truncated, corrupt, or a limit met in what it inflates to) is an
    /// error naming the file, and zlib's state is released on that path too (the fuzzer found
    /// the leak as an out-of-memory after ~500,000 inputs; `scripts/sanitize address` checks it).
    @Test func aZipGivenUpPartWayIsAnErrorAndReleasesZlib() throws {
        let bytes = Array(try Data(contentsOf: Self.fixture("gdelt-sample.export.CSV.zip")))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let truncated = folder.appendingPathComponent("truncated.zip")
        try Data(bytes.prefix(bytes.count / 2)).write(to: truncated)
        // the deflate data starts after the 30-byte local header, its name and extra field
        var corrupt = bytes
        let start = 30 + Int(bytes[26]) + Int(bytes[27]) << 8 + Int(bytes[28]) + Int(bytes[29]) << 8
        for i in start..<(start + 12) { corrupt[i] ^= 0xFF }
        let corruptURL = folder.appendingPathComponent("corrupt.zip")
        try Data(corrupt).write(to: corruptURL)
        let cases = [(truncated, "the zip entry is truncated"), (corruptURL, "the zip entry is corrupt"),
                     (Self.fixture("nul-in-entry.export.CSV.zip"), "NUL")]
        for (url, message) in cases {
            for _ in 0..<3 {
                let error = #expect(throws: DiagnosticsError.self) {
                    try GDELTReader.read(path: url.path, mapping: .standard, period: .month)
                }
                let text = error?.diagnostics.map(\.description).joined() ?? ""
                #expect(text.contains(url.lastPathComponent) && text.contains(message), "\(text)")
            }
        }
    }

    @Test func gdeltWeightsByGoldsteinAndPeriodsByYear() throws {
        let result = try GDELTReader.read(path: Self.fixture("gdelt-sample.export.CSV").path, mapping: .standard,
                                          period: .year, weightByGoldstein: true)
        let hosts = try #require(result.graph.relations.first { $0.type == .hosts })
        #expect(hosts.date == PartialDate("2024"))
        #expect(hosts.weight == 8.4)
        #expect(result.graph.relations.count == 5)
    }

    @Test func aMappingFileOverridesTheDefault() throws {
        let mapping = try EventMapping(text: "cameo\t04\tmeets\ncameo\t01\tsupports\n", file: "m.tsv")
        let result = try GDELTReader.read(path: Self.fixture("gdelt-sample.export.CSV").path, mapping: mapping, period: .month)
        #expect(Set(result.graph.relations.map(\.type)) == [.meets, .supports])
        #expect(result.skipped["code not in the mapping"] == 4)  // 190, 1823, 073, 051
        let bad = #expect(throws: DiagnosticsError.self) { try EventMapping(text: "cameo\t04\tmeet\n", file: "m.tsv") }
        #expect(bad?.description == "m.tsv:1: error: unknown relation type 'meet'; expected supports, meets, opposes, hosts or -")
    }

    @Test func acledRowsBecomeRelations() throws {
        let result = try EventTableReaders.acled(try Self.input("acled-sample.csv"), mapping: .standard, period: .month)
        #expect(result.rows == 7)
        #expect(result.usedRows == 4)
        #expect(result.skipped == ["no second actor": 1, "bad date": 1, "mapped to no relation": 1])
        let battle = try #require(result.graph.relations.first { $0.source == "Military Forces of Iraq (2022-)" })
        #expect(battle.type == .opposes)
        #expect(battle.weight == 2)
        #expect(Self.fields(battle)["events"]?.compactJSON == #"["IRQ1001","IRQ1002"]"#)
        #expect(result.graph.relations.contains { $0.type == .supports && $0.target == "Military Forces of the United States (2021-)" })
        #expect(result.graph.actors.first { $0.id == "Islamic State (Iraq)" }?.kind == .militia)
    }

    @Test func ploverRecordsBecomeRelations() throws {
        let result = try EventTableReaders.plover(try Self.input("plover-sample.jsonl"), mapping: .standard, period: .day)
        #expect(result.rows == 7)
        #expect(result.usedRows == 3)
        #expect(result.skipped == ["mapped to no relation": 1, "no second actor": 1, "bad date": 1, "not a JSON object": 1])
        let types = Dictionary(uniqueKeysWithValues: result.graph.relations.map { ("\($0.source)>\($0.target)", $0.type) })
        #expect(types == ["IRQGOV>PSEREB": .hosts, "IRQGOV>IRNGOV": .meets, "USAGOV>IRQREB": .opposes])
        #expect(result.graph.actors.first { $0.id == "USAGOV" }?.name == "Washington")
    }

    @Test func ploverExportReadsBackAsEvents() throws {
        let graph = try GraphFileReader.read(contentsOf: RepositoryPaths.seedGraph).graph
        let text = PLOVERWriter.text(for: graph)
        let result = try EventTableReaders.plover(.init(file: "g.jsonl", bytes: Array(text.utf8)), mapping: .standard, period: .day)
        #expect(result.rows == graph.relations.count)
        let dated = graph.relations.filter { $0.date != nil }.count
        #expect(result.usedRows == dated)
        #expect(result.skipped == (dated == graph.relations.count ? [:] : ["bad date": graph.relations.count - dated]))
    }
}
