import Foundation
import Testing
import TestSupport

/// `path --pairs`: many questions in one run, on one view.
struct PathPairsTests {
    static let seed = RepositoryPaths.seedGraph.path

    static func pairs(_ text: String) throws -> String {
        let file = try RepositoryPaths.temporaryFolder().appendingPathComponent("pairs.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func everyPairIsAnsweredAsOneAnswerWouldBe() throws {
        let file = try Self.pairs("from,to\niran,hamas\nqatar,kataib imam ali\nIsrael,Oman\n")
        let batch = try runActorGraph(["path", Self.seed, "--pairs", file, "--format", "json"])
        #expect(batch.status == 0, "\(batch.stderr)")
        let pairs = try #require((try JSONSerialization.jsonObject(with: Data(batch.stdout.utf8)) as? [String: Any])?["pairs"] as? [Any])
        #expect(pairs.count == 3)
        // The same as asking each question alone.
        for (k, (a, b)) in [("iran", "hamas"), ("qatar", "kataib-imam-ali"), ("israel", "oman")].enumerated() {
            let one = try runActorGraph(["path", Self.seed, a, b, "--format", "json"])
            let alone = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as! NSDictionary
            #expect(alone.isEqual(pairs[k] as! NSDictionary))
        }
        let csv = try runActorGraph(["path", Self.seed, "--pairs", file, "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "from,to,status,path,length,actors,relations")
        #expect(lines.count == 4)
        #expect(lines[2].hasPrefix("qatar,kataib-imam-ali,found,1,2,qatar|hamas|kataib-imam-ali,"))
        let text = try runActorGraph(["path", Self.seed, "--pairs", file])
        #expect(text.stdout.components(separatedBy: "\npath 1 (").count == 4)
    }

    @Test func unknownNamesAreLocatedAndTheRestAnswered() throws {
        let file = try Self.pairs("source,target\niran,nobody\nhamas,iran\n")
        let r = try runActorGraph(["path", Self.seed, "--pairs", file, "--format", "csv"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(file):2:6: error: no actor named 'nobody'"), "\(r.stderr)")
        #expect(r.stderr.contains("2 questions: 1 answered, 1 skipped"))
        #expect(r.stdout.split(separator: "\n").count == 2)
    }

    @Test func noPathIsAnAnswerInABatch() throws {
        let file = try Self.pairs("from,to\nqatar,iran\n")
        let r = try runActorGraph(["path", Self.seed, "--pairs", file, "--types", "meets", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("qatar,iran,no path,,,,"))
    }

    @Test func aTableWithoutEndsIsRefusedWithItsLine() throws {
        let file = try Self.pairs("a,b\niran,hamas\n")
        let r = try runActorGraph(["path", Self.seed, "--pairs", file])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(file):1:1: error: the pairs table needs the columns from,to"))
        let usage = try runActorGraph(["path", Self.seed, "iran", "--pairs", file])
        #expect(usage.status == 64)
    }
}
