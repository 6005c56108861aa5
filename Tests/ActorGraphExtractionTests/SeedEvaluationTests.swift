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

    /// The held-out fictional articles (Fixtures/heldout): a floor only, so a change that breaks
    /// what generalised shows; never a target to tune to.
    @Test func heldOutArticlesScoreAndEveryQuoteVerifies() throws {
        let url = RepositoryPaths.root.appendingPathComponent("Tests/ActorGraphExtractionTests/Fixtures/heldout/gold.yaml")
        let report = try score(url)
        print(report.table)
        #expect(report.total.precision >= 0.75)
        #expect(report.total.recall >= 0.45)
    }

    /// The second held-out set (Fixtures/heldout2, unseen regions, written before round 3): a
    /// floor only, never a target to tune to. Its gold codes a reception ("X received Y") as
    /// hosting only, where the lexicon and the seed graph also code a meeting (round 6),
    /// hence the floor of 0.65 rather than round 5's 0.70.
    @Test func secondHeldOutSetScoreAndEveryQuoteVerifies() throws {
        let url = RepositoryPaths.root.appendingPathComponent("Tests/ActorGraphExtractionTests/Fixtures/heldout2/gold.yaml")
        let report = try score(url)
        print(report.table)
        #expect(report.total.precision >= 0.65)
        #expect(report.total.recall >= 0.40)
    }

    /// The third held-out set (Fixtures/heldout3, written blind, measured once at round 5 and a
    /// development set since): a floor a little under round 10's figures (0.78 / 0.62).
    @Test func thirdHeldOutSetScoreAndEveryQuoteVerifies() throws {
        let url = RepositoryPaths.root.appendingPathComponent("Tests/ActorGraphExtractionTests/Fixtures/heldout3/gold.yaml")
        let report = try score(url)
        print(report.table)
        #expect(report.total.precision >= 0.75)
        #expect(report.total.recall >= 0.58)
        #expect(report.modalityAccuracy >= 0.85)
    }
}
