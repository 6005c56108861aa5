import Foundation
import Testing
import TestSupport

/// `import` runs the one validator: a defect in a nodes table stops the write, located at its cell.
struct ImportValidationTests {
    static func tables(nodes: String) throws -> (URL, URL, URL) {
        let folder = try RepositoryPaths.temporaryFolder()
        let edges = folder.appendingPathComponent("edges.csv"), nodesFile = folder.appendingPathComponent("nodes.csv")
        try "source,target,type\na,b,supports\n".write(to: edges, atomically: true, encoding: .utf8)
        try nodes.write(to: nodesFile, atomically: true, encoding: .utf8)
        return (edges, nodesFile, folder.appendingPathComponent("out.yaml"))
    }

    @Test func aMembershipCycleInTheNodesTableFailsAtItsCell() throws {
        let (edges, nodes, out) = try Self.tables(nodes: "id,name,kind,memberOf\na,A,group,b\nb,B,group,a\n")
        let r = try runActorGraph(["import", edges.path, "--nodes", nodes.path, "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(nodes.path):3:11: error: memberOf cycle: a → b → a"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func anUnknownCountryCodeInTheNodesTableFailsAtItsCell() throws {
        let (edges, nodes, out) = try Self.tables(nodes: "id,name,kind,country\na,A,government,XX\nb,B,group,\n")
        let r = try runActorGraph(["import", edges.path, "--nodes", nodes.path, "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(nodes.path):2:"), "\(r.stderr)")
        #expect(r.stderr.contains("XX"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func selfRelationsAreKeptWithOneWarning() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let edges = folder.appendingPathComponent("edges.csv"), out = folder.appendingPathComponent("out.yaml")
        try "source,target,type\na,a,opposes\na,b,supports\n".write(to: edges, atomically: true, encoding: .utf8)
        let r = try runActorGraph(["import", edges.path, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.components(separatedBy: "to itself").count == 2, "one warning: \(r.stderr)")
        let back = try runActorGraph(["stats", out.path, "--format", "json"])
        #expect(back.stdout.contains("\"total\": 2"), "\(back.stdout)")
    }
}
