import ActorGraphCore
import ActorGraphExtraction
import ActorGraphFormats
import Foundation

/// Whether a gold quote covers a sentence: it holds the sentence, or lies inside it (both keys
/// from `TextFolding.quoteKey`).
func covers(quote q: String, sentence key: String) -> Bool {
    !q.isEmpty && (q.contains(key) || key.contains(q))
}

/// `--dump`: one JSON line per sentence as read, with the gold relations whose quotes cover it.
@MainActor func dump(set: String, document: DocumentID, sentences: [SentenceAnalysis], gold: [Relation]) {
    // Each relation with the folded quotes it has in this document, folded once.
    let quoted = gold.map { r in (r, r.evidence.filter { $0.document == document }.map { TextFolding.quoteKey($0.quote) }) }
        .filter { !$0.1.isEmpty }
    for (index, s) in sentences.enumerated() {
        let key = TextFolding.quoteKey(s.text)
        let covering = quoted.filter { $0.1.contains { covers(quote: $0, sentence: key) } }.map(\.0)
        let object: [String: Any] = [
            "set": set, "document": "\(document)", "sentence": index, "text": s.text, "tokens": s.tokens,
            "mentions": s.mentions.map { ["actor": "\($0.actor)", "start": $0.range.lowerBound, "end": $0.range.upperBound,
                                          "location": $0.isLocation, "kind": "\($0.kind)", "rule": $0.rule] as [String: Any] },
            "triggers": s.triggers.map { ["type": "\($0.type)", "form": $0.form, "start": $0.range.lowerBound, "end": $0.range.upperBound] as [String: Any] },
            "candidates": s.candidates.map { ["source": "\($0.source)", "target": "\($0.target)", "type": "\($0.type)",
                                              "confidence": $0.confidence, "rule": $0.rule, "modality": "\($0.modality)"] as [String: Any] },
            "gold": covering.map { ["source": "\($0.source)", "target": "\($0.target)", "type": "\($0.type)"] },
        ]
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
            dumpLines.append(String(decoding: data, as: UTF8.self))
        }
    }
}

/// The ceiling of sentence-level extraction on one set (`--ceiling`).
struct Reach {
    var gold = 0, reachable = 0, found = 0, foundUnreachable = 0, otherType = 0, otherDirection = 0

    mutating func add(sentences analysed: [SentenceAnalysis], document: DocumentID, gold relations: [Relation], candidates: [Candidate]) {
        let sentences = analysed.map(SentenceMentions.init)
            .map { (key: TextFolding.quoteKey($0.text), actors: Set($0.actors)) }
        var seen: Set<String> = []
        for r in relations {
            let quotes = r.evidence.filter { $0.document == document }.map { TextFolding.quoteKey($0.quote) }
            guard !quotes.isEmpty, seen.insert("\(r.source)|\(r.target)|\(r.type)").inserted else { continue }
            gold += 1
            let inQuote = sentences.filter { s in quotes.contains { covers(quote: $0, sentence: s.key) } }
            let isReachable = inQuote.contains { $0.actors.contains(r.source) && $0.actors.contains(r.target) }
            let same: (Candidate) -> Bool = { c in
                c.type == r.type && ((c.source == r.source && c.target == r.target)
                    || (r.type == .meets && c.source == r.target && c.target == r.source))
            }
            if candidates.contains(where: same) {
                found += 1
                if !isReachable { foundUnreachable += 1 }
            } else if isReachable {
                if candidates.contains(where: { $0.type != r.type && Set([$0.source, $0.target]) == Set([r.source, r.target]) }) {
                    otherType += 1
                } else if candidates.contains(where: { $0.type == r.type && $0.source == r.target && $0.target == r.source }) {
                    otherDirection += 1
                }
            }
            if isReachable { reachable += 1 }
        }
    }

    func print() {
        let share = { (n: Int) in String(format: "%.2f", gold == 0 ? 0 : Double(n) / Double(gold)) }
        Swift.print("ceiling: gold \(gold); both actors recognised in a sentence of the quote \(reachable) (\(share(reachable))); "
            + "found \(found) (\(share(found))), \(foundUnreachable) of them across sentences; missed though reachable "
            + "\(reachable - (found - foundUnreachable)) (pair output with another type \(otherType), reversed \(otherDirection)); "
            + "missed, an actor not recognised in the quote \(gold - reachable - foundUnreachable)")
        Swift.print("")
    }
}
