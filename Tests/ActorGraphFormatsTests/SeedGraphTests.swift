import ActorGraphCore
import ActorGraphFormats
import Foundation
import Testing
import TestSupport
import Yams

/// The seed graph must model the five articles: valid, every quote verified, every document
/// cited, all four relation types, the modalities the articles call for.
struct SeedGraphTests {
    let loaded: LoadedGraph
    var graph: ActorGraph { loaded.graph }

    init() throws {
        loaded = try GraphFileReader.read(contentsOf: RepositoryPaths.seedGraph)
    }

    @Test func validWithoutWarnings() {
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    }

    @Test func sizeAndCoverage() {
        #expect(graph.actors.count > 30)
        #expect(graph.relations.count > 60)
        let stats = GraphStatistics(graph)
        for type in RelationType.allCases { #expect((stats.relationsByType[type] ?? 0) > 0, "\(type)") }
        for modality in Modality.allCases { #expect((stats.relationsByModality[modality] ?? 0) > 0, "\(modality)") }
        for document in graph.documents { #expect(stats.relationsByDocument[document.id, default: 0] > 0, "\(document.id)") }
        #expect(stats.relationsWithoutEvidence == 0)
        #expect(graph.documents.count == 5)
    }

    @Test func thePossibleHamasOfficeInBaghdadIsNotAsserted() throws {
        let hosts = graph.relations.filter { $0.source == "iraq-gov" && $0.target == "hamas" && $0.type == .hosts }
        #expect(!hosts.isEmpty)
        #expect(hosts.allSatisfy { $0.modality != .asserted })
        #expect(hosts.contains { $0.modality == .possible })
    }

    @Test func document003IsDatedByItsEventsNotItsHeader() {
        let cited = graph.relations.filter { $0.evidence.contains { $0.document == "003_4111931469d9f8e7" } }
        #expect(!cited.isEmpty)
        // The header says December 2022; the events are of October-November 2023 (and the
        // parliament vote of January 2020 it recalls). Nothing may be dated December 2022.
        #expect(cited.allSatisfy { $0.date?.year != 2022 })
        #expect(cited.contains { $0.date?.description == "2023-11" })
    }

    @Test func everyDocumentPathExistsAndMatchesTheManifest() throws {
        let manifest = try Yams.load(yaml: String(contentsOf: RepositoryPaths.url("seeds/documents.yaml"), encoding: .utf8))
        let entries = ((manifest as? [String: Any])?["documents"] as? [[String: Any]]) ?? []
        #expect(entries.count == 5)
        for document in graph.documents {
            let entry = entries.first { ($0["id"] as? String) == document.id.rawValue }
            #expect(entry?["title"] as? String == document.title, "\(document.id)")
            #expect(entry?["outlet"] as? String == document.outlet, "\(document.id)")
            #expect(FileManager.default.fileExists(atPath: RepositoryPaths.url("seeds/\(document.path)").path))
        }
    }

    @Test func seedsAreTheSharedCorpusUnchanged() throws {
        let shared = RepositoryPaths.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard FileManager.default.fileExists(atPath: shared.path) else { return }  // not beside this clone
        for name in try FileManager.default.contentsOfDirectory(atPath: shared.path) {
            let ours = try Data(contentsOf: RepositoryPaths.url("seeds/\(name)"))
            #expect(ours == (try Data(contentsOf: shared.appendingPathComponent(name))), "\(name)")
        }
    }
}
