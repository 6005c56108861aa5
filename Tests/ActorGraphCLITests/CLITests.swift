import Foundation
import Testing
import TestSupport

/// The command line end to end: arguments in; stdout, stderr and exit status out.
struct CLITests {
    let seed = "graphs/iraq-axis-2021-2024.yaml"
    let malformed = "Tests/ActorGraphFormatsTests/Fixtures/malformed"

    @Test func validateSeedGraph() throws {
        let r = try runActorGraph(["validate", seed])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("\(seed): ok: 44 actors, 74 relations, 5 documents, 88 quotes verified"))
        #expect(r.stderr.isEmpty)
    }

    @Test func validateReportsEveryErrorAndExits1() throws {
        let r = try runActorGraph(["validate", "\(malformed)/bad-dates.yaml", seed])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 5)
        #expect(r.stderr.hasPrefix("\(malformed)/bad-dates.yaml:15:11: error: invalid date '2023-13-01'"))
        // The clean file is still checked and reported.
        #expect(r.stdout.contains("\(seed): ok:"))
    }

    @Test func validateMissingFile() throws {
        let r = try runActorGraph(["validate", "no/such/file.yaml"])
        #expect(r.status == 1)
        #expect(r.stderr == "no/such/file.yaml: error: cannot read file: no such file\n")
    }

    @Test func statsText() throws {
        let r = try runActorGraph(["stats", seed])
        #expect(r.status == 0)
        #expect(r.stdout.contains("relations  74   supports 26 · meets 5 · opposes 31 · hosts 12"))
        #expect(r.stdout.contains("modality        asserted 50 · reported 20 · possible 3 · denied 1"))
    }

    @Test func statsJSON() throws {
        let r = try runActorGraph(["stats", seed, "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let relations = try #require(json["relations"] as? [String: Any])
        #expect(relations["total"] as? Int == 74)
        #expect((relations["byType"] as? [String: Int])?["hosts"] == 12)
        #expect((json["documents"] as? [[String: Any]])?.count == 5)
        #expect((json["dates"] as? [String: Any])?["earliest"] as? String == "2014")
    }

    @Test func showFindsActorsCaseAndDiacriticInsensitively() throws {
        for name in ["sudani", "Al-Sudani", "AL SUDANI"] {
            let r = try runActorGraph(["show", seed, name])
            #expect(r.status == 0)
            #expect(r.stdout.hasPrefix("Mohammed Shia al-Sudani (mohammed-shia-al-sudani) — person, IQ\n"))
            #expect(r.stdout.contains("—meets— Iran (iran)  (2023-11, asserted)  visit to Tehran"))
            #expect(r.stdout.contains("[003_4111931469d9f8e7]"))
        }
    }

    @Test func showListsMembersAndMemberships() throws {
        let r = try runActorGraph(["show", seed, "Asaib Ahl al-Haq"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("member of:\n  Islamic Resistance in Iraq (islamic-resistance-in-iraq)"))
        #expect(r.stdout.contains("members:\n  Qais al-Khazali (qais-al-khazali), Secretary-General"))
    }

    @Test func showAmbiguousAndUnknownExit2WithCandidates() throws {
        let ambiguous = try runActorGraph(["show", seed, "kataib"])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.hasPrefix("error: 'kataib' is ambiguous; it matches:\n  kataib-hezbollah"))
        let unknown = try runActorGraph(["show", seed, "hamaz"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("error: no actor named 'hamaz'; closest:\n  hamas  Hamas\n"))
        #expect(unknown.stdout.isEmpty)
    }

    @Test func importCSVWritesAValidGraphAtomically() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let edges = folder.appendingPathComponent("edges.csv")
        try "source,target,type,date,label\nhamas,iraq-gov,supports,2021-09-25,\"praised, warmly\"\niran,hamas,hosts,2021-10,office\n"
            .write(to: edges, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("graph.yaml")
        let r = try runActorGraph(["import", edges.path, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let check = try runActorGraph(["validate", out.path])
        #expect(check.status == 0)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("label: praised, warmly"))
        #expect(text.contains("kind: group"))
        // Only the output file: no temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["edges.csv", "graph.yaml"])
    }

    @Test func failedImportLeavesTheOutputUntouched() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let out = folder.appendingPathComponent("graph.yaml")
        try "previous contents\n".write(to: out, atomically: true, encoding: .utf8)
        let r = try runActorGraph(["import", "\(malformed)/csv-bad-values.csv", "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 5)
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous contents\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["graph.yaml"])
    }

    @Test func exportCSVThenImportGivesTheSameGraph() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let tables = folder.appendingPathComponent("tables")
        #expect(try runActorGraph(["export", seed, "--format", "csv", "-o", tables.path]).status == 0)
        let back = folder.appendingPathComponent("back.yaml")
        let r = try runActorGraph(["import", tables.appendingPathComponent("edges.csv").path,
                                   "--nodes", tables.appendingPathComponent("nodes.csv").path,
                                   "--documents", tables.appendingPathComponent("documents.csv").path,
                                   "-o", back.path])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try runActorGraph(["export", seed, "--format", "yaml"]).stdout
        let b = try runActorGraph(["export", back.path, "--format", "yaml", "--no-quotes"]).stdout
        // Same graph but for the title, description and corpus, which CSV tables do not carry.
        func body(_ s: String) -> String { String(s[s.range(of: "documents:")!.lowerBound...]) }
        #expect(body(a) == body(b))
    }

    @Test func exportJSONToStdoutIsJSON() throws {
        let r = try runActorGraph(["export", seed, "--format", "json"])
        #expect(r.status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) is [String: Any])
    }

    @Test func usageErrorsExit64() throws {
        #expect(try runActorGraph(["export", seed, "--format", "csv"]).status == 64)
        #expect(try runActorGraph(["import", "x.csv", "-o", "out.txt"]).status == 64)
        #expect(try runActorGraph(["stats"]).status == 64)
    }
}
