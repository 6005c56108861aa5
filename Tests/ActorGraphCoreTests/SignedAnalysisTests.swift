@_spi(Kernels) @testable import ActorGraphCore
import ActorGraphFormats
import Testing
import TestSupport

struct SignedAnalysisTests {
    /// A random signed graph as an ActorGraph: supports (+) and opposes (−) relations.
    static func randomSigned(seed: UInt64, n: Int, p: Double) -> ActorGraph {
        var rng = SeededGenerator(seed: seed)
        var graph = ActorGraph(actors: (0..<n).map { ActorNode(id: ActorID("a\($0)"), name: "a\($0)", kind: .group) })
        for u in 0..<n { for v in (u + 1)..<n where Double.random(in: 0..<1, using: &rng) < p {
            let type: RelationType = Bool.random(using: &rng) ? .supports : .opposes
            graph.relations.append(Relation(id: RelationID("r\(graph.relations.count)"), source: ActorID("a\(u)"),
                                            target: ActorID("a\(v)"), type: type))
        } }
        return graph
    }

    @Test(arguments: 1...10)
    func censusEqualsBruteForce(seed: UInt64) {
        let graph = Self.randomSigned(seed: seed, n: 12, p: 0.5)
        let signed = SignedGraph(graph.view())
        var sign: [String: Int] = [:]
        for r in graph.relations { sign[[r.source.rawValue, r.target.rawValue].sorted().joined(separator: "|")] = r.type == .supports ? 1 : -1 }
        var brute = ["+++": 0, "++−": 0, "+−−": 0, "−−−": 0]
        let ids = graph.actors.map(\.id.rawValue)
        for a in 0..<ids.count { for b in (a + 1)..<ids.count { for c in (b + 1)..<ids.count {
            func key(_ i: Int, _ j: Int) -> String { [ids[i], ids[j]].sorted().joined(separator: "|") }
            guard let x = sign[key(a, b)], let y = sign[key(b, c)], let z = sign[key(a, c)] else { continue }
            let negatives = [x, y, z].filter { $0 < 0 }.count
            brute[String(repeating: "+", count: 3 - negatives) + String(repeating: "−", count: negatives), default: 0] += 1
        } } }
        #expect(signed.triangleCensus() == brute)
    }

    @Test(arguments: 1...10)
    func bestSplitIsOptimalByExhaustiveSearch(seed: UInt64) {
        let graph = Self.randomSigned(seed: seed &+ 100, n: 11, p: 0.45)
        let signed = SignedGraph(graph.view())
        let split = signed.bestSplit()
        #expect(split.isExact)
        var best = Int.max
        let n = graph.actors.count
        for mask in 0..<(1 << n) {
            var violations = 0
            for d in signed.dyads {
                let same = ((mask >> Int(d.a)) & 1) == ((mask >> Int(d.b)) & 1)
                if (d.sign > 0) != same { violations += 1 }
            }
            best = min(best, violations)
        }
        #expect(split.violations.count == best)
    }

    @Test func largeComponentsFallBackToLabelledLocalSearch() {
        let graph = Self.randomSigned(seed: 3, n: 40, p: 0.3)
        let split = SignedGraph(graph.view()).bestSplit(exactLimit: 10)
        #expect(!split.isExact)
        #expect(split.method.contains("local search"))
    }

    @Test func ambivalentPairsAreReportedNotNetted() {
        let graph = ActorGraph(
            actors: ["a", "b", "c"].map { ActorNode(id: ActorID($0), name: $0, kind: .group) },
            relations: [Relation(id: "1", source: "a", target: "b", type: .supports),
                        Relation(id: "2", source: "b", target: "a", type: .opposes),
                        Relation(id: "3", source: "b", target: "c", type: .opposes),
                        Relation(id: "4", source: "a", target: "c", type: .meets)])
        let signed = SignedGraph(graph.view())
        #expect(signed.ambivalentDyads.count == 1)
        #expect(signed.dyads.count == 2)  // meets carries no sign
        #expect(signed.triangles().isEmpty)
        let ties = signed.ties(of: "a")
        #expect(ties.direct.map(\.sign) == [0])
        #expect(ties.twoStep.isEmpty)  // through an ambivalent tie nothing follows
    }

    @Test func enemyOfMyEnemy() {
        let graph = ActorGraph(
            actors: ["a", "b", "c", "d"].map { ActorNode(id: ActorID($0), name: $0, kind: .group) },
            relations: [Relation(id: "1", source: "a", target: "b", type: .opposes),
                        Relation(id: "2", source: "c", target: "b", type: .opposes),
                        Relation(id: "3", source: "b", target: "d", type: .hosts)])
        let ties = SignedGraph(graph.view()).ties(of: "a")
        #expect(ties.direct.map(\.actor) == ["b"])
        #expect(ties.twoStep.first { $0.actor == "c" }?.sign == 1)   // enemy of my enemy
        #expect(ties.twoStep.first { $0.actor == "d" }?.sign == -1)  // friend of my enemy
    }

    @Test func seedGraphBalance() throws {
        let graph = try GraphFileReader.read(contentsOf: RepositoryPaths.seedGraph).graph
        let signed = SignedGraph(graph.view())
        let census = signed.triangleCensus()
        #expect(census.values.reduce(0, +) == signed.triangles().count)
        #expect(census.values.reduce(0, +) > 0)
        let split = signed.bestSplit()
        #expect(split.isExact)
        // Israel and Hamas end up in different camps.
        let index = Dictionary(uniqueKeysWithValues: signed.actors.enumerated().map { ($1, $0) })
        #expect(split.camp[index["israel"]!] != split.camp[index["hamas"]!])
    }
}
