import ActorGraphCore
import ActorGraphExtraction
import ActorGraphFormats
import Foundation
import Testing
import TestSupport

/// The seed-set evaluation of scripts/eval-extract, in process (well under a second): every
/// quote verifies, and the figures do not fall below what was measured when this was written
/// (a regression floor, not the target; docs/EXTRACTION.md has the figures).
struct SeedEvaluationTests {
    /// Extracts every document of a gold graph with its actors as the dictionary; the report.
    func score(_ url: URL) throws -> EvaluationReport {
        let loaded = try GraphFileReader.read(contentsOf: url)
        var dictionary = loaded.graph
        dictionary.relations = []
        let extractor = try Extractor(graph: dictionary, lexicon: .bundled(), gazetteer: .bundled())
        var candidates: [Candidate] = []
        var gold: [GoldRelation] = []
        for document in loaded.graph.documents {
            let url = URL(fileURLWithPath: document.path, relativeTo: loaded.corpusDirectory)
            let text = try String(contentsOf: url, encoding: .utf8)
            let result = extractor.extract(text: text, document: document.id, date: document.published)
            let key = TextFolding.quoteKey(text)
            for c in result.candidates {
                #expect(key.contains(TextFolding.quoteKey(c.quote)), "quote not verbatim: \(c.quote)")
            }
            candidates += result.candidates
            for r in loaded.graph.relations where r.evidence.contains(where: { $0.document == document.id }) {
                gold.append(GoldRelation(document: document.id, source: r.source, target: r.target, type: r.type, modality: r.modality))
            }
        }
        return EvaluationReport.score(candidates: candidates, gold: gold, known: Set(dictionary.actors.map(\.id)))
    }

    @Test func seedArticlesScoreAndEveryQuoteVerifies() throws {
        let report = try score(RepositoryPaths.seedGraph)
        print(report.table)
        #expect(report.total.precision >= 0.75)
        #expect(report.total.recall >= 0.33)
        #expect(report.modalityAccuracy >= 0.85)
        #expect(report.hedgedAssertedShare <= 0.05)
    }

    /// A held-out set and the floors it must stay above: regression floors, never targets to tune to.
    struct Floor: Sendable, CustomStringConvertible {
        var name: String
        var precision: Double
        var recall: Double
        var modality: Double
        var description: String { name }
    }

    /// heldout: the fictional articles (round 2). heldout2: unseen regions, written before round 3;
    /// its gold codes a reception ("X received Y") as hosting only, where the lexicon and
    /// the seed graph also code a meeting (round 6), hence 0.65. heldout3 to heldout9 were written
    /// blind and measured once each (docs/EXTRACTION.md); heldout3's floor is a little under round
    /// 11's figures (0.79 / 0.62), the others are not floored (their blind figures are the record).
    static let floors = [
        Floor(name: "heldout", precision: 0.75, recall: 0.45, modality: 0.85),
        Floor(name: "heldout2", precision: 0.65, recall: 0.40, modality: 0.85),
        Floor(name: "heldout3", precision: 0.75, recall: 0.58, modality: 0.85),
    ]

    @Test(arguments: floors) func heldOutSetScoresAboveItsFloorAndEveryQuoteVerifies(_ floor: Floor) throws {
        let url = RepositoryPaths.root.appendingPathComponent("Tests/ActorGraphExtractionTests/Fixtures/\(floor.name)/gold.yaml")
        let report = try score(url)
        print(report.table)
        #expect(report.total.precision >= floor.precision)
        #expect(report.total.recall >= floor.recall)
        #expect(report.modalityAccuracy >= floor.modality)
    }
}
