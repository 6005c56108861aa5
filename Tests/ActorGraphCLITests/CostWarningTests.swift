import Foundation
import Testing
import TestSupport

/// Costly all-pairs measures say what they will cost, and report progress even when stderr is not
/// a terminal (here it is a pipe).
struct CostWarningTests {
    @Test func allPairsMeasuresOnALargeTableWarnAndReportProgress() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let table = folder.appendingPathComponent("edges.csv")
        // 5,000 actors, 15,000 relations: a ring plus seeded random chords.
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var text = "source,target,type\n"
        for i in 0..<5_000 { text += "a\(i),a\((i + 1) % 5_000),supports\n" }
        for _ in 0..<10_000 {
            let s = next(5_000)
            text += "a\(s),a\((s + 1 + next(4_999)) % 5_000),opposes\n"
        }
        try text.write(to: table, atomically: true, encoding: .utf8)
        let r = try runActorGraph(["centrality", table.path, "--measure", "betweenness", "--sample", "4000", "--top", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("centrality: betweenness searches from 4000 of 5000 actors over"), "\(r.stderr)")
        #expect(r.stderr.contains("betweenness: 4000/4000 sources"), "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 5)
        // Without --sample, the warning says how to sample.
        let exact = try runActorGraph(["centrality", table.path, "--measure", "degree,closeness", "--top", "1"])
        #expect(exact.status == 0)
        #expect(exact.stderr.contains("centrality: closeness searches from 5000 of 5000 actors"), "\(exact.stderr)")
        // Small graphs stay quiet.
        let small = try runActorGraph(["centrality", RepositoryPaths.seedGraph.path, "--measure", "betweenness"])
        #expect(small.stderr.isEmpty)
    }
}
