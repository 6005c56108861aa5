import ActorGraphCore
import ActorGraphFormats
import Testing

/// CSV tables go through the same validator as graph files, located at the row and cell.
struct CSVValidationTests {
    static func input(_ file: String, _ text: String) -> CSVGraph.Input {
        CSVGraph.Input(file: file, bytes: Array(text.utf8))
    }

    static let edges = input("edges.csv", "source,target,type\na,b,supports\n")

    @Test func aNodesTableWithAMemberOfCycleFailsAtTheCell() {
        let nodes = Self.input("nodes.csv", "id,name,kind,memberOf\na,A,group,b:wing\nb,B,group,c\nc,C,group,a\n")
        let error = #expect(throws: DiagnosticsError.self) { try CSVGraph.load(edges: Self.edges, nodes: nodes) }
        #expect(error?.diagnostics.map(\.description) == ["nodes.csv:4:11: error: memberOf cycle: a → b → c → a"])
    }

    @Test func aNodesTableWithAnUnknownCountryFailsAtTheCell() {
        let nodes = Self.input("nodes.csv", "id,name,kind,country\na,A,group,XX\nb,B,group,Iraq\n")
        let error = #expect(throws: DiagnosticsError.self) { try CSVGraph.load(edges: Self.edges, nodes: nodes) }
        #expect(error?.diagnostics.map(\.description) == [
            "nodes.csv:2:11: error: unknown country 'XX' (not an assigned ISO 3166-1 alpha-2 code)",
            "nodes.csv:3:11: error: invalid country 'Iraq' (expected an ISO 3166-1 alpha-2 code such as IQ)",
        ])
    }

    @Test func memberOfTargetsAndDatesAreChecked() {
        let nodes = Self.input("nodes.csv", "id,name,kind,memberOf\na,A,group,bb:wing:2023:2022\nb,B,group,\n")
        let error = #expect(throws: DiagnosticsError.self) { try CSVGraph.load(edges: Self.edges, nodes: nodes) }
        #expect(error?.diagnostics.map(\.description) == [
            "nodes.csv:2:11: error: 'until' 2022 is before 'date' 2023",
            "nodes.csv:2:11: error: unknown actor 'bb' as memberOf of 'a' (did you mean 'b'?)",
        ])
    }

    @Test func duplicateActorsPointAtTheFirstRowAndDocumentsAreChecked() {
        let nodes = Self.input("nodes.csv", "id,name,kind\na,A,group\nb,B,group\na,A2,person\n")
        let documents = Self.input("documents.csv", "id,path\nart,art.txt\n")
        let edges = Self.input("edges.csv", "source,target,type,document,quote\na,b,supports,artt,q\n")
        let error = #expect(throws: DiagnosticsError.self) {
            try CSVGraph.load(edges: edges, nodes: nodes, documents: documents)
        }
        #expect(error?.diagnostics.map(\.description) == [
            "nodes.csv:4:1: error: duplicate actor id 'a' (first defined at 2:1)",
            "edges.csv:2:14: error: unknown document 'artt' (did you mean 'art'?)",
        ])
    }

    @Test func selfRelationsLoadWithAWarning() throws {
        let loaded = try CSVGraph.load(edges: Self.input("edges.csv", "source,target,type\na,a,opposes\n"))
        #expect(loaded.graph.relations.count == 1)
        #expect(loaded.warnings.map(\.description)
                == ["edges.csv:2:3: warning: relation joins 'a' to itself (kept; analysis leaves self-relations out)"])
    }

    @Test func graphValidationNamesTheOutputAndTheElement() throws {
        var graph = ActorGraph(actors: [ActorNode(id: "a", name: "A", kind: .group)])
        graph.relations = [Relation(id: "r1", source: "a", target: "zzz", type: .supports)]
        let error = #expect(throws: DiagnosticsError.self) { try GraphValidation.check(graph, displayPath: "out.yaml") }
        #expect(error?.diagnostics.map(\.description) == ["out.yaml: error: unknown actor 'zzz' as target (relation 1 'r1')"])
        graph.relations[0].target = "a"
        #expect(try GraphValidation.check(graph, displayPath: "out.yaml").map(\.description)
                == ["out.yaml: warning: relation joins 'a' to itself (kept; analysis leaves self-relations out) (relation 1 'r1')"])
    }
}
