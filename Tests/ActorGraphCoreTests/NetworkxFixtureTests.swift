@_spi(Kernels) @testable import ActorGraphCore
import ActorGraphFormats
import Foundation
import Testing
import TestSupport

/// Our analysis against networkx's, on classic graphs and the seed graph. The fixtures and the
/// script that made them (scripts/fixtures/make_networkx_fixtures.py) are committed.
/// Tolerances: 1e-9 for exact measures, 1e-6 for iterative ones.
struct NetworkxFixtureTests {
    static let exact = 1e-9
    static let iterative = 1e-6
    static let names = ["krackhardt_kite", "florentine_families", "karate_club", "les_miserables",
                        "seed_graph", "random_digraph"]

    struct Fixture {
        let json: [String: Any]
        let graph: AnalysisGraph
        var name: String { json["name"] as! String }
        var directed: Bool { json["directed"] as! Bool }
        var weighted: Bool { json["weighted"] as! Bool }

        init(_ name: String) throws {
            let url = RepositoryPaths.url("Tests/ActorGraphCoreTests/Fixtures/\(name).json")
            json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let nodes = (json["nodes"] as! [String]).map { ActorID($0) }
            let edges = (json["edges"] as! [[Double]]).map { (Int32($0[0]), Int32($0[1]), $0[2]) }
            graph = AnalysisGraph(nodeIDs: nodes, edges: edges, directed: json["directed"] as! Bool)
        }

        func vector(_ key: String) -> [Double]? {
            (json[key] as? [Any])?.map { ($0 as? Double) ?? Double.nan }
        }
    }

    static func expectClose(_ ours: [Double]?, _ theirs: [Double]?, _ tolerance: Double, _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        guard let ours, let theirs else {
            Issue.record("\(what): missing values (ours \(ours == nil ? "nil" : "ok"), networkx \(theirs == nil ? "nil" : "ok"))",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(ours.count == theirs.count, "\(what)", sourceLocation: sourceLocation)
        let worst = zip(ours, theirs).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= tolerance, "\(what): largest difference \(worst)", sourceLocation: sourceLocation)
    }

    @Test(arguments: names)
    func degreeBetweennessClosenessHarmonic(name: String) throws {
        let f = try Fixture(name)
        let g = f.graph
        Self.expectClose(g.degreeCentrality(), f.vector("degree"), Self.exact, "\(name) degree")
        if f.directed {
            Self.expectClose(g.inDegreeCentrality(), f.vector("in_degree"), Self.exact, "\(name) in-degree")
            Self.expectClose(g.outDegreeCentrality(), f.vector("out_degree"), Self.exact, "\(name) out-degree")
        }
        Self.expectClose(g.betweennessCentrality(), f.vector("betweenness"), Self.exact, "\(name) betweenness")
        Self.expectClose(g.betweennessCentrality(options: .init(normalized: false)), f.vector("betweenness_raw"),
                         Self.exact, "\(name) raw betweenness")
        Self.expectClose(g.betweennessCentrality(options: .init(endpoints: true)), f.vector("betweenness_endpoints"),
                         Self.exact, "\(name) betweenness with endpoints")
        Self.expectClose(g.closenessCentrality(), f.vector("closeness"), Self.exact, "\(name) closeness")
        Self.expectClose(g.harmonicCentrality(), f.vector("harmonic"), Self.exact, "\(name) harmonic")
        if f.weighted {
            Self.expectClose(g.betweennessCentrality(options: .init(weighted: true)), f.vector("betweenness_weighted"),
                             Self.exact, "\(name) weighted betweenness")
            Self.expectClose(g.closenessCentrality(weighted: true), f.vector("closeness_weighted"), Self.exact,
                             "\(name) weighted closeness")
            Self.expectClose(g.harmonicCentrality(weighted: true), f.vector("harmonic_weighted"), Self.exact,
                             "\(name) weighted harmonic")
        }
    }

    @Test(arguments: names)
    func eigenvectorPageRankKatz(name: String) throws {
        let f = try Fixture(name)
        let g = f.graph
        if let expected = f.vector("eigenvector") {
            Self.expectClose(g.eigenvectorCentrality(maxIterations: 100_000, tolerance: 1e-12), expected,
                             Self.iterative, "\(name) eigenvector")
        }
        Self.expectClose(g.pageRank(maxIterations: 100_000, tolerance: 1e-12), f.vector("pagerank"), Self.iterative,
                         "\(name) PageRank")
        let personalized = try #require(f.json["pagerank_personalized"] as? [String: Any])
        var p = [Double](repeating: 0, count: g.nodeCount)
        p[personalized["node"] as! Int] = 1
        Self.expectClose(g.pageRank(personalization: p, maxIterations: 100_000, tolerance: 1e-12),
                         personalized["values"] as? [Double], Self.iterative, "\(name) personalized PageRank")
        if f.weighted {
            Self.expectClose(g.pageRank(weighted: true, maxIterations: 100_000, tolerance: 1e-12),
                             f.vector("pagerank_weighted"), Self.iterative, "\(name) weighted PageRank")
        }
        let katz = try #require(f.json["katz"] as? [String: Any])
        Self.expectClose(g.katzCentrality(alpha: katz["alpha"] as! Double, maxIterations: 100_000, tolerance: 1e-12),
                         katz["values"] as? [Double], Self.iterative, "\(name) Katz")
    }

    @Test(arguments: names)
    func structure(name: String) throws {
        let f = try Fixture(name)
        let g = f.graph
        #expect(g.coreNumbers() == (f.json["core_number"] as! [Int]), "\(name) core numbers")
        #expect(g.weakComponents().map { $0.map(Int.init) } == (f.json["weak_components"] as! [[Int]]))
        #expect(g.strongComponents().map { $0.map(Int.init) } == (f.json["strong_components"] as! [[Int]]))
        if let modularity = f.json["modularity"] as? [String: Any] {
            let membership = (modularity["membership"] as! [Int]).map(Int32.init)
            #expect(abs(g.modularity(of: membership) - (modularity["value"] as! Double)) <= Self.exact,
                    "\(name) modularity of networkx's Louvain partition")
            // Ours is seeded differently; it must find a partition about as good.
            let ours = g.louvain()
            #expect(ours.modularity >= (modularity["value"] as! Double) - 0.02, "\(name): Louvain \(ours.modularity)")
            #expect(abs(g.modularity(of: ours.membership) - ours.modularity) <= Self.exact)
        }
    }

    @Test(arguments: names)
    func pathsMatchNetworkx(name: String) throws {
        let f = try Fixture(name)
        let g = f.graph
        let distances = f.json["distances"] as! [[Any]]
        let finder = PathFinder(g)
        for s in 0..<g.nodeCount {
            let ours = g.distances(from: s)
            for t in 0..<g.nodeCount {
                let theirs = distances[s][t] as? Double
                #expect(ours[t] == theirs, "\(name) distance \(s)→\(t)")
                if s != t {
                    let path = finder.shortestPath(from: s, to: t)
                    #expect(path?.length == theirs, "\(name) bidirectional \(s)→\(t)")
                    if let path { #expect(path.nodes.first == Int32(s) && path.nodes.last == Int32(t)) }
                }
            }
        }
        if let weightedDistances = f.json["weighted_distances"] as? [[Any]] {
            for s in 0..<g.nodeCount {
                let ours = g.distances(from: s, weighted: true)
                for t in 0..<g.nodeCount {
                    let theirs = weightedDistances[s][t] as? Double
                    if let theirs { #expect(abs((ours[t] ?? -1) - theirs) <= Self.exact, "\(name) weighted \(s)→\(t)") }
                    else { #expect(ours[t] == nil) }
                }
            }
        }
        for entry in f.json["path_counts"] as! [[Int]] {
            let paths = finder.allShortestPaths(from: entry[0], to: entry[1])
            #expect(paths.count == entry[2], "\(name) number of shortest paths \(entry[0])→\(entry[1])")
            #expect(Set(paths.map(\.nodes)).count == paths.count)
        }
        for entry in f.json["k_shortest_lengths"] as! [[Any]] {
            let s = entry[0] as! Int, t = entry[1] as! Int, lengths = (entry[2] as! [Int]).map(Double.init)
            let paths = finder.kShortestPaths(from: s, to: t, k: lengths.count)
            #expect(paths.map(\.length) == lengths, "\(name) k shortest \(s)→\(t)")
            for p in paths { #expect(Set(p.nodes).count == p.nodes.count, "simple path") }
        }
    }

    @Test func floretineMediciBetweennessIsTheTextbookValue() throws {
        let f = try Fixture("florentine_families")
        let medici = try #require(f.graph.nodeIDs.firstIndex(of: "Medici"))
        #expect(abs(f.graph.betweennessCentrality()[medici] - 0.521978) < 1e-6)
    }

    /// The fixture's seed graph was built by the script from the YAML; our own view of the seed
    /// graph must be the same graph, so that the fixture tests our real pipeline.
    @Test func seedGraphViewEqualsTheFixtureGraph() throws {
        let f = try Fixture("seed_graph")
        let seed = try GraphFileReader.read(contentsOf: RepositoryPaths.seedGraph).graph
        let view = seed.view(mode: .directed).analysis
        let map = view.indexMap()
        #expect(Set(view.nodeIDs) == Set(f.graph.nodeIDs))
        var ours = Set<[String]>(), theirs = Set<[String]>()
        for u in 0..<view.nodeCount { for k in view.outRange(u) { ours.insert([view.nodeIDs[u].rawValue, view.nodeIDs[Int(view.outTargets[k])].rawValue]) } }
        for u in 0..<f.graph.nodeCount { for k in f.graph.outRange(u) { theirs.insert([f.graph.nodeIDs[u].rawValue, f.graph.nodeIDs[Int(f.graph.outTargets[k])].rawValue]) } }
        #expect(ours == theirs)
        let expected = try #require(f.vector("betweenness"))
        let bc = view.betweennessCentrality()
        for (k, id) in f.graph.nodeIDs.enumerated() {
            #expect(abs(bc[Int(map[id]!)] - expected[k]) <= Self.exact, "\(id)")
        }
    }
}
