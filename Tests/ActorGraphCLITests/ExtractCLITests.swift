import Foundation
import Testing
import TestSupport

/// extract → validate → review → merge, end to end through the binary.
struct ExtractCLITests {
    let seed = "graphs/iraq-axis-2021-2024.yaml"
    static let articles = try! FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.url("seeds").path)
        .filter { $0.hasSuffix(".txt") }.sorted()

    @Test(arguments: articles)
    func extractSeedArticleGivesAValidCandidatesFile(_ article: String) throws {
        let folder = try RepositoryPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("candidates.yaml").path
        let r = try runActorGraph(["extract", "seeds/\(article)", "--graph", seed, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("extracted "))
        let v = try runActorGraph(["validate", out])
        #expect(v.status == 0, "\(v.stderr)")
        #expect(v.stdout.contains("quotes verified"))
        #expect(v.stderr.isEmpty)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("status pending"))
    }

    @Test func extractJSONWithDocumentIDAndDate() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("c.json").path
        let r = try runActorGraph(["extract", "seeds/004_c8ccd50eb3e71274.txt", "--graph", seed, "-o", out,
                                   "--document-id", "memri", "--date", "2023-01-13"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        let documents = json["documents"] as! [[String: Any]]
        #expect(documents.first?["id"] as? String == "memri")
        #expect(documents.first?["published"] as? String == "2023-01-13")
        #expect(try runActorGraph(["validate", out]).status == 0)
    }

    @Test func extractRejectsBadDate() throws {
        let r = try runActorGraph(["extract", "seeds/004_c8ccd50eb3e71274.txt", "--graph", seed, "-o", "-", "--date", "13/01/2023"])
        #expect(r.status == 64)
    }

    /// A small world: two documents, three actors, one relation already coded.
    func world() throws -> URL {
        let folder = try RepositoryPaths.temporaryFolder()
        try "Southland praised the Red Front on Friday.\n".write(to: folder.appendingPathComponent("old.txt"), atomically: true, encoding: .utf8)
        try """
            Southland praised the Red Front. The Green Valley Brigades attacked Southland.
            Northland denied reports that it had hosted the Red Front.
            """.write(to: folder.appendingPathComponent("new.txt"), atomically: true, encoding: .utf8)
        try """
            documents:
              - {id: old, path: old.txt}
            actors:
              - {id: southland, name: Southland, kind: government}
              - {id: northland, name: Northland, kind: government}
              - {id: red-front, name: Red Front, kind: organization}
            relations:
              - source: southland
                target: red-front
                type: supports
                date: 2024-03-15
                evidence:
                  - {document: old, quote: Southland praised the Red Front}
            """.write(to: folder.appendingPathComponent("g.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func reviewByPipedKeystrokesSavesEachDecisionAndResumes() throws {
        let folder = try world()
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = folder.appendingPathComponent("c.yaml").path
        #expect(try runActorGraph(["extract", "new.txt", "--graph", "g.yaml", "-o", c, "--date", "2024-03-15"], in: folder).status == 0)
        // First candidate: accept. Second: change type, swap direction, comment, reject. Then quit.
        let first = try runActorGraph(["review", c, "--reviewer", "ana"], in: folder,
                                      stdin: "a\nt\nsupports\nd\nc\nnot what it says\nr\nq\n")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("[1/3]"))
        #expect(first.stdout.contains("1 pending, 1 accepted, 1 rejected"))
        var text = try String(contentsOfFile: c, encoding: .utf8)
        #expect(text.contains("status accepted; reviewer ana; reviewedAt 20"))
        #expect(text.contains("comment not what it says"))
        #expect(try runActorGraph(["validate", c]).status == 0)
        // Resume: only the pending one is shown; end of input stops cleanly.
        let second = try runActorGraph(["review", c, "--reviewer", "ana"], in: folder, stdin: "m\ndenied\na\n")
        #expect(second.stdout.contains("[1/1]"))
        #expect(second.stdout.contains("0 pending, 2 accepted, 1 rejected"))
        text = try String(contentsOfFile: c, encoding: .utf8)
        #expect(text.contains("modality: denied"))
    }

    @Test func reviewNonInteractiveThresholds() throws {
        let folder = try world()
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = folder.appendingPathComponent("c.yaml").path
        #expect(try runActorGraph(["extract", "new.txt", "--graph", "g.yaml", "-o", c, "--date", "2024-03-15"], in: folder).status == 0)
        let r = try runActorGraph(["review", c, "--accept-above", "0.99", "--reject-below", "0.1"], in: folder)
        #expect(r.status == 0)
        #expect(r.stderr.contains("accepted 0, rejected 0; 3 pending"))
        let all = try runActorGraph(["review", c, "--accept-above", "0"], in: folder)
        #expect(all.stderr.contains("accepted 3"))
    }

    @Test func mergeFoldsEqualRelationsIntoEvidenceAndNamesProposedActors() throws {
        let folder = try world()
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = folder.appendingPathComponent("c.yaml").path
        #expect(try runActorGraph(["extract", "new.txt", "--graph", "g.yaml", "-o", c, "--date", "2024-03-15"], in: folder).status == 0)
        #expect(try runActorGraph(["review", c, "--accept-above", "0"], in: folder).status == 0)
        let out = folder.appendingPathComponent("sub/merged.yaml")
        try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        let r = try runActorGraph(["merge", c, "--into", "g.yaml", "-o", out.path], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("2 relations added, 1 equal to existing ones (1 quotes added), 1 actors added, 1 documents registered"))
        #expect(r.stderr.contains("actor new-green-valley-brigades → green-valley-brigades"))
        let v = try runActorGraph(["validate", out.path])
        #expect(v.stdout.contains("4 actors, 3 relations, 2 documents, 4 quotes verified"), "\(v.stdout)\(v.stderr)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("modality: denied"))
        #expect(text.contains("corpus: \"..\""))
        // Merging again adds nothing new: every candidate equals a relation now.
        let again = try runActorGraph(["merge", c, "--into", out.path], in: folder)
        #expect(again.stderr.contains("0 relations added, 3 equal to existing ones (0 quotes added)"), "\(again.stderr)")
    }
}
