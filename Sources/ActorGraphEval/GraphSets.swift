import ActorGraphCore
import ActorGraphExtraction
import ActorGraphFormats
import Foundation

// MARK: (a) graph sets: the seed articles, the held-out sets, any --set

@MainActor func printReport(_ title: String, _ report: EvaluationReport, quotes: (Int, Int)) {
    print("== \(title)")
    print(report.table, terminator: "")
    print("quotes verified: \(quotes.0)/\(quotes.1)")
    if verbose {
        print("-- false positives"); report.falsePositiveKeys.forEach { print("  " + $0) }
        print("-- false negatives"); report.falseNegativeKeys.forEach { print("  " + $0) }
        print("-- modality errors"); report.modalityErrors.forEach { print("  " + $0) }
    }
    print("")
}

/// Scores one graph set: a gold graph whose documents are the articles (read through its
/// `corpus`) and whose relations are the gold; its actors (or those of `actorsPath`) are the
/// dictionary, without relations.
@MainActor func scoreGraphSet(_ title: String, gold goldPath: String, actors actorsPath: String? = nil) -> (ActorGraph, String?) {
    do {
        let loaded = try GraphFileReader.read(contentsOf: URL(fileURLWithPath: goldPath), displayPath: goldPath)
        var dictionary = loaded.graph
        if let actorsPath {
            dictionary = try GraphFileReader.read(contentsOf: URL(fileURLWithPath: actorsPath), displayPath: actorsPath).graph
        }
        dictionary.relations = []
        let extractor = Extractor(graph: dictionary, lexicon: lexicon, gazetteer: gazetteer)
        var candidates: [Candidate] = []
        var gold: [GoldRelation] = []
        var verified = 0, quotes = 0
        var longest: String?
        var reach = Reach()
        for document in loaded.graph.documents {
            let url = URL(fileURLWithPath: document.path, relativeTo: loaded.corpusDirectory)
            guard let data = FileManager.default.contents(atPath: url.path) else { fail("cannot read \(url.path)") }
            let text = String(decoding: data, as: UTF8.self)
            if longest == nil || text.split(separator: " ").count > longest!.split(separator: " ").count { longest = text }
            // With --dump or --ceiling the sentences as read are needed; their candidates are
            // extract()'s, so the article is read once either way.
            let sentences = dumpPath != nil || ceiling ? extractor.analyse(text: text, document: document.id, date: document.published) : nil
            let found = sentences?.flatMap(\.candidates)
                ?? extractor.extract(text: text, document: document.id, date: document.published).candidates
            let key = TextFolding.quoteKey(text)
            for c in found {
                quotes += 1
                if key.contains(TextFolding.quoteKey(c.quote)) { verified += 1 }
            }
            candidates += found
            for r in loaded.graph.relations where r.evidence.contains(where: { $0.document == document.id }) {
                gold.append(GoldRelation(document: document.id, source: r.source, target: r.target, type: r.type, modality: r.modality))
            }
            if let sentences {
                if dumpPath != nil { dump(set: goldPath, document: document.id, sentences: sentences, gold: loaded.graph.relations) }
                if ceiling { reach.add(sentences: sentences, document: document.id, gold: loaded.graph.relations, candidates: found) }
            }
        }
        let report = EvaluationReport.score(candidates: candidates, gold: gold, known: Set(dictionary.actors.map(\.id)))
        printReport("\(title) (\(loaded.graph.documents.count) documents, \(Set(gold).count) gold relations, \(candidates.count) candidates)",
                    report, quotes: (verified, quotes))
        if ceiling { reach.print() }
        return (dictionary, longest)
    } catch let error as DiagnosticsError {
        fail(error.diagnostics.map(\.description).joined(separator: "\n"))
    } catch { fail("\(error)") }
}

/// The held-out sets in Tests/ActorGraphExtractionTests/Fixtures, each its own section: the
/// fictional articles of round 2 (`heldout`), the unseen-region articles written before round 3
/// (`heldout2`), then `heldout3`, `heldout4`, … while they exist, each written blind and measured
/// once (its gold.yaml header gives the figure), development material since.
func heldoutSets() -> [(title: String, path: String)] {
    let folder = "Tests/ActorGraphExtractionTests/Fixtures/"
    var sets = [("held-out fictional articles", folder + "heldout/gold.yaml"),
                ("held-out unseen-region articles (round 3)", folder + "heldout2/gold.yaml")]
    var n = 3
    while FileManager.default.fileExists(atPath: folder + "heldout\(n)/gold.yaml") {
        sets.append(("held-out blind articles \(n) (measured blind once, development since)", folder + "heldout\(n)/gold.yaml"))
        n += 1
    }
    return sets.filter { FileManager.default.fileExists(atPath: $0.1) }
}
