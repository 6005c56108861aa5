import ActorGraphCore
import ActorGraphFormats
import Foundation
import Testing

/// The code of the DocC articles in Sources/ActorGraphCore/ActorGraphCore.docc and the
/// examples in ActorGraphCore's doc comments, copied here verbatim so that it compiles against
/// the public API only (plain imports: no @testable, no @_spi) and does what the text says.
/// DocumentationSyncTests checks that every snippet still appears here, line for line.
struct DocumentationSnippetTests {
    /// "Build a graph in code", its graph: the one every other snippet asks questions of.
    static func harbourGraph() -> ActorGraph {
        let report: DocumentID = "harbour-report"
        let documents = [
            Document(id: report, path: "harbour-report.txt", title: "Talks at the harbour",
                     published: PartialDate("2024-06")),
        ]
        let actors = [
            ActorNode(id: "arden-gov", name: "Government of Arden", kind: .government),
            ActorNode(id: "coast-league", name: "Coast League", kind: .organization, aliases: ["the League"]),
            ActorNode(id: "hill-brigade", name: "Hill Brigade", kind: .militia),
            ActorNode(id: "mara-voss", name: "Mara Voss", kind: .person,
                      memberOf: [Membership(actor: "coast-league", role: "spokeswoman")]),
            ActorNode(id: "north-council", name: "Northern Council", kind: .international),
        ]

        let hosting = Relation(
            id: Relation.defaultID(source: "arden-gov", type: .hosts, target: "coast-league"),
            source: "arden-gov", target: "coast-league", type: .hosts,
            label: "office in the capital",
            date: PartialDate("2024-03"),      // known to the month
            modality: .asserted,               // the report states it as fact
            evidence: [Evidence(document: report, quote: "Arden has hosted the Coast League's office since March")])

        var ids = RelationIDAllocator()
        func relation(_ source: ActorID, _ type: RelationType, _ target: ActorID, _ date: String,
                      _ modality: Modality = .asserted, quote: String) -> Relation {
            Relation(id: ids.next(source: source, type: type, target: target, isTaken: { _ in false }),
                     source: source, target: target, type: type, date: PartialDate(date),
                     modality: modality, evidence: [Evidence(document: report, quote: quote)])
        }
        let graph = ActorGraph(
            title: "The harbour talks", documents: documents, actors: actors,
            relations: [
                hosting,
                relation("hill-brigade", .supports, "coast-league", "2024-05", .reported,
                         quote: "the Hill Brigade is said to fund the League"),
                relation("mara-voss", .meets, "arden-gov", "2024-04-12",
                         quote: "Voss met the interior minister on 12 April"),
                relation("north-council", .opposes, "hill-brigade", "2024-02",
                         quote: "The Council condemned the Brigade's raids"),
                relation("north-council", .opposes, "coast-league", "2024-06", .reported,
                         quote: "the Council is said to have barred the League from its talks"),
                relation("mara-voss", .opposes, "north-council", "2024-06", .possible,
                         quote: "Voss may walk out of the Council's talks"),
                relation("arden-gov", .supports, "north-council", "2022",
                         quote: "Arden has backed the Council since 2022"),
            ])
        return graph
    }

    // MARK: Build a graph in code

    @Test func buildAGraphInCode() throws {
        let graph = Self.harbourGraph()
        #expect(graph.relations.map(\.id.rawValue) == [
            "arden-gov-hosts-coast-league", "hill-brigade-supports-coast-league", "mara-voss-meets-arden-gov",
            "north-council-opposes-hill-brigade", "north-council-opposes-coast-league",
            "mara-voss-opposes-north-council", "arden-gov-supports-north-council",
        ])

        let statistics = GraphStatistics(graph)
        print(statistics.relationCount, statistics.relationsByModality[.reported] ?? 0)   // 7 2
        print(statistics.earliest!, statistics.latest!)                                  // 2022 2024-06
        #expect(statistics.relationCount == 7 && statistics.relationsByModality[.reported] == 2)
        #expect("\(statistics.earliest!) \(statistics.latest!)" == "2022 2024-06")

        let march = graph.view(RelationFilter(asOf: PartialDate("2024-03")))
        print(march.actors.map(\.rawValue))   // ["arden-gov", "coast-league", "hill-brigade", "north-council"]
        print(march.relations.count)          // 3
        #expect(march.actors.map(\.rawValue) == ["arden-gov", "coast-league", "hill-brigade", "north-council"])
        #expect(march.relations.count == 3)

        let yaml = GraphFileWriter.text(for: graph, syntax: .yaml)
        let loaded = try GraphFileReader.parse(bytes: Array(yaml.utf8), file: "harbour.yaml", baseDirectory: nil)
        print(loaded.graph == graph.canonicalized())   // true
        #expect(loaded.graph == graph.canonicalized())
    }

    // MARK: ActorGraphFormats' landing page

    /// The landing page's snippet, verbatim.
    static func readAndAsk(_ harbour: URL) throws {
        do {
            let loaded = try GraphFileReader.read(contentsOf: harbour)
            for warning in loaded.warnings { print(warning) }
            let answer = try loaded.graph.view(mode: .undirected).paths(from: "arden-gov", to: "hill-brigade")
            print(answer.text(RelationFormatter(loaded.graph)), terminator: "")
        } catch let error as DiagnosticsError {
            print(error)   // every problem, one per line: file:line:column: error: …
        }
    }

    @Test func readAGraphFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("harbour-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = Self.harbourGraph()
        let quotes = graph.relations.flatMap(\.evidence).map(\.quote).joined(separator: ". ")
        try quotes.write(to: folder.appendingPathComponent("harbour-report.txt"), atomically: true, encoding: .utf8)
        let harbour = folder.appendingPathComponent("harbour.yaml")
        try GraphFileWriter.text(for: graph, syntax: .yaml).write(to: harbour, atomically: true, encoding: .utf8)
        try Self.readAndAsk(harbour)
        #expect(try GraphFileReader.read(contentsOf: harbour).graph == graph.canonicalized())

        // A quote its document does not hold: what the snippet's catch branch prints.
        try "another text".write(to: folder.appendingPathComponent("harbour-report.txt"), atomically: true, encoding: .utf8)
        let error = try #require(throws: DiagnosticsError.self) { try GraphFileReader.read(contentsOf: harbour) }
        #expect(error.errors.count == 7 && error.description.contains("error: quote not found in document 'harbour-report'"))
    }

    // MARK: Ask a path question

    @Test func askAPathQuestion() throws {
        let graph = Self.harbourGraph()
        let view = graph.view(mode: .undirected)
        let answer = try view.paths(from: "arden-gov", to: "hill-brigade")
        for path in answer.paths {
            print(path.actors.map(\.rawValue).joined(separator: " → "))
            for hop in path.hops {
                for cited in hop.relations {
                    let r = cited.relation
                    print("  \(r.source) \(r.type.rawValue) \(r.target) (\(r.modality.rawValue)):",
                          r.evidence.map(\.quote))
                }
            }
        }
        #expect(answer.paths.map { $0.actors.map(\.rawValue) } == [["arden-gov", "coast-league", "hill-brigade"]])
        #expect(answer.paths[0].hops.map { $0.relations.map(\.relation.evidence[0].quote) } == [
            ["Arden has hosted the Coast League's office since March"], ["the Hill Brigade is said to fund the League"],
        ])

        print(answer.text(RelationFormatter(graph)), terminator: "")
        let json = try AnswerOutput.json(answer)
        #expect(answer.text(RelationFormatter(graph)) == """
            Government of Arden to Hill Brigade: 1 path (undirected; all relations)
            path 1 (2 hops): Government of Arden → Coast League → Hill Brigade
              Government of Arden —hosts→ Coast League  (2024-03, asserted) "Arden has hosted the Coast League's office since March" [harbour-report.txt]
              Coast League ←supports— Hill Brigade  (2024-05, reported) "the Hill Brigade is said to fund the League" [harbour-report.txt]

            """)
        #expect(json.contains("\"path\": \"harbour-report.txt\""))

        let support = graph.view(RelationFilter(types: [.supports, .hosts]), mode: .directed)
        let backers = try support.paths(from: "hill-brigade", to: "coast-league")
        let reverse = try support.paths(from: "coast-league", to: "hill-brigade")
        print(backers.found, reverse.found, reverse.paths.count)   // true false 0
        #expect(backers.found && !reverse.found && reverse.paths.isEmpty)

        let both = try view.paths(from: "arden-gov", to: "hill-brigade", search: .allShortest(limit: 10))
        let three = try view.paths(from: "mara-voss", to: "hill-brigade", search: .kShortest(3))
        print(both.paths.count, three.paths.map(\.length))   // 2 [2.0, 3.0, 3.0]
        #expect(both.paths.count == 2 && three.paths.map(\.length) == [2, 3, 3])

        let around = graph.view(mode: .undirected, avoiding: ["coast-league"])
        let detour = try around.paths(from: "arden-gov", to: "hill-brigade")
        print(detour.paths[0].actors.map(\.rawValue))   // ["arden-gov", "north-council", "hill-brigade"]
        #expect(detour.paths[0].actors.map(\.rawValue) == ["arden-gov", "north-council", "hill-brigade"])

        let questions = PathQuestions(view)
        for target: ActorID in ["coast-league", "north-council", "hill-brigade"] {
            let a = try questions.answer(from: "mara-voss", to: target)
            print(target, a.paths.first?.hops.count ?? 0)   // 2, 1 and 2 hops
        }
        let hops = try view.distances(from: "mara-voss")
        print(hops["hill-brigade"]!)   // 2.0
        let hopCounts = try ["coast-league", "north-council", "hill-brigade"].map {
            try questions.answer(from: "mara-voss", to: ActorID($0)).paths.first?.hops.count
        }
        #expect(hopCounts == [2, 1, 2] && hops["hill-brigade"] == 2)

        do {
            _ = try view.paths(from: "arden-gov", to: "atlantis")
        } catch let error as AnalysisError {
            print(error)   // no actor with id 'atlantis'
        }
        #expect(throws: AnalysisError.unknownActor("atlantis")) { try view.paths(from: "arden-gov", to: "atlantis") }
    }

    // MARK: Rank actors

    @Test func rankActors() throws {
        let graph = Self.harbourGraph()
        let view = graph.view()   // directed, every relation, parallel relations count once
        let pagerank = try view.centrality(.pagerank)
        for ranked in pagerank.ranking.prefix(3) {
            print(ranked.actor, ranked.score)
        }
        print(pagerank["coast-league"]!)
        #expect(pagerank.count == 5 && pagerank.ranking[0].actor == "coast-league")

        var options = CentralityOptions()
        options.normalized = false   // betweenness as a raw count of pairs
        let betweenness = try view.centrality(.betweenness, options: options)
        print(betweenness["north-council"]!)   // 2.5
        #expect(betweenness["north-council"] == 2.5)

        let counted = graph.view(mode: .undirected, weights: .count)
        var weighted = CentralityOptions()
        weighted.weighted = true
        let closeness = try counted.centrality(.closeness, options: weighted)
        #expect(closeness.count == 5)

        let report = CentralityReport(view: view, scores: [pagerank, betweenness], top: 3)
        print(report.text, terminator: "")
        #expect(report.ranking.map(\.id) == pagerank.ranking.prefix(3).map(\.actor))

        let structure = view.components()
        print(structure.weak.count, structure.innermostCore.k)   // 1 2
        let groups = view.communities()
        print(groups.communities.count)                          // 2 (Louvain, seed 42)
        let balance = view.balance()
        print(balance.census.total, balance.census.balanced)     // 2 1
        let allies = try view.allies(of: "coast-league")
        print(allies.allies.map(\.name))                         // ["Hill Brigade", "Government of Arden"]
        print(allies.adversaries.map(\.name))                    // ["Northern Council"]
        #expect(structure.weak.count == 1 && structure.innermostCore.k == 2)
        #expect(balance.census.total == 2 && balance.census.balanced == 1)
        #expect(groups.communities.count == 2)
        #expect(allies.allies.map(\.name) == ["Hill Brigade", "Government of Arden"])
        #expect(allies.adversaries.map(\.name) == ["Northern Council"])
    }

    // MARK: Examples in the doc comments of GraphView and its questions

    @Test func docCommentExamples() throws {
        let graph = Self.harbourGraph()
        do {  // GraphView
            let view = graph.view(RelationFilter(types: [.supports, .hosts], asOf: PartialDate("2024-05")),
                                  mode: .undirected)
            print(view.actorCount, view.edgeCount, view.contains("mara-voss"))   // 4 3 false
            #expect(view.actorCount == 4 && view.edgeCount == 3 && !view.contains("mara-voss"))
        }
        do {  // GraphView.centrality(_:options:)
            let scores = try graph.view().centrality(.pagerank)
            let top = scores.ranking[0]            // RankedActor(actor: "coast-league", score: 0.359…)
            let league = scores["coast-league"]    // nil for an actor outside the view
            #expect(top.actor == "coast-league" && abs(top.score - 0.359) < 0.001 && league == top.score)
        }
        do {  // PathQuestions
            let questions = PathQuestions(graph.view(mode: .undirected))
            for target: ActorID in ["coast-league", "north-council"] {
                let answer = try questions.answer(from: "mara-voss", to: target)
                print(target, answer.paths.first?.length ?? 0)   // coast-league 2.0, north-council 1.0
            }
            #expect(try questions.answer(from: "mara-voss", to: "coast-league").paths.first?.length == 2)
            #expect(try questions.answer(from: "mara-voss", to: "north-council").paths.first?.length == 1)
        }
        do {  // PathQuestions.answer(from:to:search:weighted:)
            let questions = PathQuestions(graph.view(mode: .undirected))
            let two = try questions.answer(from: "arden-gov", to: "hill-brigade", search: .kShortest(2))
            print(two.paths.map(\.actors))   // through coast-league, then through north-council
            #expect(two.paths.map { $0.actors[1] } == ["coast-league", "north-council"])
        }
        do {  // GraphView.paths(from:to:search:weighted:)
            let answer = try graph.view(mode: .undirected).paths(from: "arden-gov", to: "hill-brigade")
            for hop in answer.paths.first?.hops ?? [] {
                print(hop.from, "→", hop.to, hop.relations.map { $0.relation.evidence[0].quote })
            }
            #expect(answer.paths[0].hops.map(\.to) == ["coast-league", "hill-brigade"])
        }
        do {  // GraphView.distances(from:weighted:)
            let hops = try graph.view(mode: .undirected).distances(from: "mara-voss")
            print(hops["mara-voss"]!, hops["north-council"]!, hops["hill-brigade"]!)   // 0.0 1.0 2.0
            #expect(hops["mara-voss"] == 0 && hops["north-council"] == 1 && hops["hill-brigade"] == 2)
        }
        do {  // GraphView.allies(of:signs:)
            let report = try graph.view().allies(of: "coast-league")
            print(report.allies.map(\.name), report.adversaries.map(\.name))
            // ["Hill Brigade", "Government of Arden"] ["Northern Council"]
            #expect(report.allies.map(\.name) == ["Hill Brigade", "Government of Arden"])
            #expect(report.adversaries.map(\.name) == ["Northern Council"])
        }
        do {  // GraphView.balance(signs:exactLimit:)
            let balance = graph.view().balance()
            print(balance.census.total, balance.census.balanced)        // 2 1
            print(balance.unbalanced.map(\.pattern), balance.split.camps.count)   // ["++−"] 2
            #expect(balance.census.total == 2 && balance.census.balanced == 1)
            #expect(balance.unbalanced.map(\.pattern) == ["++−"] && balance.split.camps.count == 2)
        }
        do {  // GraphView.communities(resolution:seed:)
            let found = graph.view().communities(seed: 42)
            print(found.communities.count, found.modularity)   // 2 and their modularity
            let same = found.membership["arden-gov"] == found.membership["mara-voss"]
            #expect(found.communities.count == 2 && found.modularity > 0)
            _ = same
        }
        do {  // GraphView.modularity(of:resolution:)
            let view = graph.view()
            let camps: [ActorID: Int] = ["arden-gov": 0, "coast-league": 0, "hill-brigade": 0,
                                         "mara-voss": 1, "north-council": 1]
            let q = view.modularity(of: camps)   // compare: view.communities().modularity
            #expect(q <= view.communities().modularity + 1e-12)
        }
        do {  // GraphView.components()
            let opposition = graph.view(RelationFilter(types: [.opposes])).components()
            print(opposition.weak.count, opposition.strong.count)   // 1 4
            print(graph.view().components().innermostCore.k)        // 2
            #expect(opposition.weak.count == 1 && opposition.strong.count == 4)
            #expect(graph.view().components().innermostCore.k == 2)
        }
    }
}
