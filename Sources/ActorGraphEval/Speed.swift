import ActorGraphCore
import ActorGraphExtraction
import ActorGraphFormats
import Foundation

// MARK: (c) speed

/// Extraction of a 1,000-word article (`text` cut or repeated), median of 30 runs.
@MainActor func measureSpeed(text: String, graph: ActorGraph) {
    // A 1,000-word article: the longest seed article cut (or repeated) to 1,000 words.
    var words = text.split(separator: " ", omittingEmptySubsequences: false)
    while words.count < 1000 { words += text.split(separator: " ", omittingEmptySubsequences: false) }
    let article = words.prefix(1000).joined(separator: " ")
    let start0 = Date()
    let extractor = Extractor(graph: graph, lexicon: lexicon, gazetteer: gazetteer)
    let setup = Date().timeIntervalSince(start0)
    var times: [Double] = []
    var count = 0
    for _ in 0..<30 {
        let t0 = Date()
        count = extractor.extract(text: article, document: "speed", date: PartialDate(year: 2024, month: 6)).candidates.count
        times.append(Date().timeIntervalSince(t0) * 1000)
    }
    times.sort()
    print("== speed: 1,000-word article, \(graph.actors.count) actors in the dictionary, \(count) candidates")
    print(String(format: "extraction: median %.1f ms, max %.1f ms over %d runs (setup once: %.1f ms)",
                 times[times.count / 2], times.last!, times.count, setup * 1000))
}
