import ActorGraphCore
import ActorGraphFormats
import Foundation
import Testing
import TestSupport

/// The library's public questions and answers, used as a developer would: graphs built in code or
/// read from fixtures, views, answers keyed by actor, no index in sight.
struct PublicAnswerTests {
    /// A networkx fixture as an actor graph: one `supports` relation per directed edge, one `meets`
    /// relation per undirected edge (a directed view runs it both ways, as networkx's PageRank
    /// and eigenvector centrality treat an undirected graph), weights in the relations' field.
    static func graph(_ name: String) throws -> (ActorGraph, [String: Any]) {
        let url = RepositoryPaths.url("Tests/ActorGraphCoreTests/Fixtures/\(name).json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let nodes = json["nodes"] as! [String]
        let directed = json["directed"] as! Bool
        let actors = nodes.map { ActorNode(id: ActorID($0), name: $0, kind: .group) }
        let relations = (json["edges"] as! [[Double]]).enumerated().map { k, e in
            Relation(id: RelationID("r\(k)"), source: ActorID(nodes[Int(e[0])]), target: ActorID(nodes[Int(e[1])]),
                     type: directed ? .supports : .meets, weight: e[2])
        }
        return (ActorGraph(actors: actors, relations: relations), json)
    }

    /// PageRank and eigenvector centrality with the default options are within 1e-9 of the
    /// fixed point (solved exactly by the fixture script), where networkx's default stops up to
    /// 3.6e-5 away.
    @Test(arguments: ["krackhardt_kite", "florentine_families", "karate_club", "les_miserables", "seed_graph", "random_digraph"])
    func iterativeMeasuresReachTheirFixedPoint(name: String) throws {
        let (graph, json) = try Self.graph(name)
        let nodes = json["nodes"] as! [String]
        func check(_ scores: CentralityScores, _ key: String) throws {
            let expected = try #require(json[key] as? [Double], "\(name): \(key)")
            var worst = 0.0
            for (k, id) in nodes.enumerated() { worst = max(worst, abs(try #require(scores[ActorID(id)]) - expected[k])) }
            #expect(worst < 1e-9, "\(name) \(key): off by \(worst)")
        }
        let view = graph.view()
        try check(try view.centrality(.pagerank), "pagerank_fixed_point")
        try check(try view.centrality(.eigenvector), "eigenvector_fixed_point")
        if json["pagerank_weighted_fixed_point"] != nil {
            var options = CentralityOptions()
            options.weighted = true
            try check(try graph.view(weights: .field).centrality(.pagerank, options: options), "pagerank_weighted_fixed_point")
        }
    }

    @Test func networkxToleranceIsStillOnOffer() throws {
        let (graph, json) = try Self.graph("les_miserables")
        var options = CentralityOptions()
        options.tolerance = 1e-6
        let loose = try graph.view().centrality(.pagerank, options: options)
        let exact = json["pagerank_fixed_point"] as! [Double]
        let nodes = json["nodes"] as! [String]
        let worst = nodes.indices.map { abs(loose[ActorID(nodes[$0])]! - exact[$0]) }.max()!
        #expect(worst > 1e-9 && worst < 1e-4, "networkx's stopping rule lands near, not at, the fixed point: \(worst)")
    }

    @Test func centralityCSVCarriesEveryDigit() throws {
        let (graph, _) = try Self.graph("les_miserables")
        let view = graph.view()
        let scores = try view.centrality(.pagerank)
        let report = CentralityReport(view: view, scores: [scores])
        let rows = report.csv.split(separator: "\n").dropFirst()
        #expect(rows.count == view.actorCount)
        var distinct = Set<Double>()
        for row in rows {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            let value = try #require(Double(String(cells[4])))
            #expect(value == scores[ActorID(String(cells[1]))]!, "the CSV cell reads back as the same Double")
            distinct.insert(value)
        }
        #expect(distinct.count == Set(scores.byActor.values).count)
    }

    static let seed = try! GraphFileReader.read(contentsOf: RepositoryPaths.seedGraph, options: .init(verifyEvidence: false)).graph

    @Test func anUnknownActorIsAnErrorAndNoPathIsAnAnswer() throws {
        let view = Self.seed.view(RelationFilter(types: [.meets]))
        #expect(throws: AnalysisError.unknownActor("nobody")) { try view.paths(from: "nobody", to: "iran") }
        #expect(throws: AnalysisError.unknownActor("nobody")) { try view.allies(of: "nobody") }
        // Qatar has no meeting in the seed graph: it is not in this view, and there is no path.
        let answer = try view.paths(from: "qatar", to: "iran")
        #expect(!answer.found && answer.paths.isEmpty)
        #expect(throws: AnalysisError.endpointAvoided("iran")) {
            try Self.seed.view(avoiding: ["iran"]).paths(from: "iran", to: "hamas")
        }
    }

    @Test func pathAnswersCiteTheRelationsOfEachHop() throws {
        let answer = try Self.seed.view(mode: .undirected).paths(from: "qatar", to: "kataib-imam-ali")
        let path = try #require(answer.paths.first)
        #expect(path.actors == ["qatar", "hamas", "kataib-imam-ali"])
        #expect(path.hops.map(\.from) == ["qatar", "hamas"])
        for hop in path.hops {
            #expect(!hop.relations.isEmpty)
            for cited in hop.relations {
                let ends = Set([cited.relation.source, cited.relation.target])
                #expect(ends == [hop.from, hop.to])
                #expect(cited.documentPaths.allSatisfy { $0?.hasSuffix(".txt") == true })
            }
        }
        // Many questions on one view.
        let questions = PathQuestions(Self.seed.view(mode: .undirected))
        for other in Self.seed.actors.prefix(10) {
            let a = try questions.answer(from: "iran", to: other.id)
            #expect(a.paths.first.map { $0.actors.first == "iran" && $0.actors.last == other.id } ?? true)
        }
    }

    @Test func answersRoundTripThroughJSON() throws {
        let view = Self.seed.view()
        func roundTrip<T: Codable & Equatable>(_ value: T) throws {
            let text = try AnswerOutput.json(value)
            #expect(try JSONDecoder().decode(T.self, from: Data(text.utf8)) == value, "\(T.self)")
        }
        try roundTrip(try view.paths(from: "iran", to: "hamas", search: .kShortest(3)))
        try roundTrip(try view.allies(of: "hamas"))
        try roundTrip(view.balance())
        try roundTrip(view.communities())
        let report = CentralityReport(view: view, scores: [try view.centrality(.degree), try view.centrality(.pagerank)], top: 5)
        let back = try JSONDecoder().decode(CentralityReport.self, from: Data(try AnswerOutput.json(report).utf8))
        #expect(back.ranking == report.ranking && back.measures == report.measures)
    }

    @Test func aViewIsBuiltOnceAndServesEveryFamily() throws {
        let view = Self.seed.view(RelationFilter(types: [.supports, .opposes]), mode: .undirected)
        #expect(view.actors.allSatisfy(view.contains))
        #expect(view.relations.allSatisfy { $0.type == .supports || $0.type == .opposes })
        let components = view.components()
        #expect(components.weak.reduce(0) { $0 + $1.count } == view.actorCount)
        let communities = view.communities()
        #expect(abs(view.modularity(of: communities.membership) - communities.modularity) < 1e-12)
        #expect(try view.centrality(.core).count == view.actorCount)
        #expect(view.balance().signedPairs > 0)
        let distances = try view.distances(from: "iran")
        #expect(distances["iran"] == 0)
    }

    @Test func oneFormatterForPathsListingsAndTooltips() throws {
        let f = RelationFormatter(Self.seed)
        let relation = try #require(Self.seed.relations.first { $0.source == "iran" && $0.type == .supports })
        let line = f.line(f.cited(relation), from: relation.target)
        #expect(line.contains("←supports—"))
        #expect(f.listing(relation, outgoing: true).contains("—supports→"))
        #expect(f.tooltip(relation).contains(RelationFormatter.span(relation)))
        #expect(RelationFormatter.arrow(.meets, backwards: true) == "—meets—")
    }
}
