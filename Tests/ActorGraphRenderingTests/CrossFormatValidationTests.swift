import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import Foundation
import Testing

/// One defect, one message: the same faulty graph written as YAML, JSON, CSV tables and DOT, and
/// read back through each reader, gives the same message (after `file:line:column: severity: `),
/// and each at a line. Lives with the Rendering tests because DOT is read through cgraph.
struct CrossFormatValidationTests {
    enum Format: String, CaseIterable, Sendable { case yaml, json, csv, dot }

    struct Defect: CustomTestStringConvertible, Sendable {
        let name: String
        let expected: String
        var severity: Diagnostic.Severity = .error
        /// The formats that can express it.
        var formats: [Format] = Format.allCases
        /// Edits the valid graph (what the model can hold).
        var edit: @Sendable (inout ActorGraph) -> Void = { _ in }
        /// Edits the written text (what the model cannot hold: misspelt vocabulary, clashing ids).
        var replace: @Sendable (Format) -> [(String, String)] = { _ in [] }
        var testDescription: String { name }
    }

    /// Three actors, two cited relations, one membership: valid in every format.
    static func base() -> ActorGraph {
        ActorGraph(
            documents: [Document(id: "art", path: "art.txt")],
            actors: [
                ActorNode(id: "hamas", name: "Hamas", kind: .organization, country: "PS"),
                ActorNode(id: "iraq-gov", name: "Government of Iraq", kind: .government, country: "IQ"),
                ActorNode(id: "sudani", name: "Mohammed Shia al-Sudani", kind: .person,
                          memberOf: [Membership(actor: "iraq-gov", role: "prime minister")]),
            ],
            relations: [
                Relation(id: "r1", source: "hamas", target: "iraq-gov", type: .supports, date: PartialDate("2023-01"),
                         evidence: [Evidence(document: "art", quote: "Hamas praised")]),
                Relation(id: "r2", source: "sudani", target: "hamas", type: .meets, modality: .reported,
                         evidence: [Evidence(document: "art", quote: "They met")]),
            ])
    }

    static let defects: [Defect] = [
        Defect(name: "unknown relation endpoint", expected: "unknown actor 'hamaz' as source (did you mean 'hamas'?)",
               // A DOT edge creates its endpoints: an unknown one cannot be written.
               formats: [.yaml, .json, .csv], edit: { $0.relations[0].source = "hamaz" }),
        Defect(name: "duplicate actor id", expected: "duplicate actor id 'hamas'",
               edit: { $0.actors.append(ActorNode(id: "hamas-2", name: "Hamas again", kind: .organization)) },
               replace: { format in
                   switch format {
                   case .yaml: return [("id: hamas-2", "id: hamas")]
                   case .json: return [("\"id\": \"hamas-2\"", "\"id\": \"hamas\"")]
                   case .csv: return [("hamas-2,Hamas again", "hamas,Hamas again")]
                   case .dot: return [("id=\"hamas-2\"", "id=\"hamas\"")]  // two nodes, one id
                   }
               }),
        Defect(name: "duplicate relation id", expected: "duplicate relation id 'r1'",
               // CSV rows sharing an id are one relation.
               formats: [.yaml, .json, .dot], edit: { $0.relations[1].id = "r1" }),
        Defect(name: "until before date", expected: "'until' 2022-12 is before 'date' 2023-01",
               edit: { $0.relations[0].until = PartialDate("2022-12") }),
        Defect(name: "memberOf until before date", expected: "'until' 2021 is before 'date' 2022",
               edit: { $0.actors[2].memberOf[0].date = PartialDate("2022"); $0.actors[2].memberOf[0].until = PartialDate("2021") }),
        Defect(name: "memberOf unknown target", expected: "unknown actor 'iraq-govt' as memberOf of 'sudani' (did you mean 'iraq-gov'?)",
               formats: [.yaml, .json, .csv, .dot], edit: { $0.actors[2].memberOf[0].actor = "iraq-govt" }),
        Defect(name: "memberOf cycle", expected: "memberOf cycle: iraq-gov → sudani → iraq-gov",
               edit: { $0.actors[1].memberOf = [Membership(actor: "sudani")] }),
        Defect(name: "bad country code", expected: "invalid country 'Iraq' (expected an ISO 3166-1 alpha-2 code such as IQ)",
               edit: { $0.actors[1].country = "Iraq" }),
        Defect(name: "unassigned country code", expected: "unknown country 'XX' (not an assigned ISO 3166-1 alpha-2 code)",
               edit: { $0.actors[1].country = "XX" }),
        Defect(name: "self-relation", expected: "relation joins 'hamas' to itself (kept; analysis leaves self-relations out)",
               severity: .warning, edit: { $0.relations[0].target = "hamas" }),
        Defect(name: "unknown kind",
               expected: "unknown actor kind 'organisation' (did you mean 'organization'?); expected one of: government, militia, organization, person, international, group",
               replace: { _ in [("organization", "organisation")] }),
        Defect(name: "unknown type",
               expected: "unknown relation type 'meet' (did you mean 'meets'?); expected one of: supports, meets, opposes, hosts",
               replace: { _ in [("meets", "meet")] }),
        Defect(name: "unknown modality",
               expected: "unknown modality 'reportd' (did you mean 'reported'?); expected one of: asserted, reported, possible, denied",
               replace: { _ in [("reported", "reportd")] }),
        Defect(name: "empty actor name", expected: "'name' of an actor is empty",
               formats: [.yaml, .json, .csv], edit: { $0.actors[0].name = " " }),
    ]

    /// Reads `graph` written in `format` (after the text edits), returning the diagnostics.
    static func diagnostics(of graph: ActorGraph, in format: Format,
                            replacing edits: [(String, String)]) throws -> [Diagnostic] {
        func edited(_ text: String) -> [UInt8] {
            Array(edits.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }.utf8)
        }
        do {
            switch format {
            case .yaml, .json:
                let syntax: GraphFileWriter.Syntax = format == .yaml ? .yaml : .json
                return try GraphFileReader.parse(bytes: edited(GraphFileWriter.text(for: graph, syntax: syntax)),
                                                 file: "graph.\(format)", baseDirectory: nil).warnings
            case .csv:
                let tables = CSVGraph.tables(for: graph)
                return try CSVGraph.load(edges: .init(file: "edges.csv", bytes: edited(tables.edges)),
                                         nodes: .init(file: "nodes.csv", bytes: edited(tables.nodes)),
                                         documents: .init(file: "documents.csv", bytes: edited(tables.documents))).warnings
            case .dot:
                let text = String(decoding: edited(DOTWriter.text(for: graph)), as: UTF8.self)
                return try DOTImporter.graph(fromDOT: text, file: "graph.dot").warnings
            }
        } catch let error as DiagnosticsError {
            return error.diagnostics
        }
    }

    @Test func theBaseGraphIsValidInEveryFormat() throws {
        for format in Format.allCases {
            #expect(try Self.diagnostics(of: Self.base(), in: format, replacing: []).isEmpty, "\(format)")
        }
    }

    @Test(arguments: defects)
    func sameDefectSameMessage(_ defect: Defect) throws {
        var graph = Self.base()
        defect.edit(&graph)
        for format in defect.formats {
            let found = try Self.diagnostics(of: graph, in: format, replacing: defect.replace(format))
            // The first definition's place ends a duplicate's message; places differ by format.
            let messages = found.map { $0.message.replacingOccurrences(of: #" \(first defined at [^)]*\)$"#, with: "",
                                                                      options: .regularExpression) }
            #expect(messages == [defect.expected], "\(format): \(found)")
            #expect(found.allSatisfy { $0.severity == defect.severity && $0.line != nil }, "\(format): \(found)")
        }
    }

    @Test func dotDiagnosticsPointAtTheLineOfTheNodeOrEdge() throws {
        let text = """
            digraph {
              hamas [kind=organization, country=PS];
              iraq [kind=government, country=Iraq];
              hamas -> iraq [type=supports];
              iraq -> hamas [type=suports]
              hamas -> hamas [type=opposes];
            }
            """
        let error = #expect(throws: DiagnosticsError.self) { try DOTImporter.graph(fromDOT: text, file: "g.dot") }
        #expect(error?.diagnostics.map(\.description) == [
            "g.dot: warning: 3 edges without a 'modality' attribute; defaulted to asserted",
            "g.dot: warning: 2 nodes without a 'label' attribute; defaulted to the node name",
            "g.dot:3: error: invalid country 'Iraq' (expected an ISO 3166-1 alpha-2 code such as IQ)",
            "g.dot:6: warning: relation joins 'hamas' to itself (kept; analysis leaves self-relations out)",
            // Without a ';', cgraph creates the edge on reading the next statement's first token.
            "g.dot:6: error: unknown relation type 'suports' (did you mean 'supports'?); expected one of: supports, meets, opposes, hosts",
        ])
    }
}
