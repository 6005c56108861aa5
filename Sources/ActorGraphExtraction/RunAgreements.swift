import ActorGraphCore
import Foundation

/// Agreements named before their signatories.
extension Run {
    static let agreementNouns: Set<String> = [
        "agreement", "agreements", "deal", "deals", "treaty", "treaties", "accord", "accords", "pact", "pacts", "memorandum",
        "protocol", "declaration", "convention", "charter", "roadmap", "communique", "partnership",
    ]

    static let signingVerbs: Set<String> = ["signed", "inked"]

    /// "an agreement signed … by X and Y", "a treaty that X and Y signed": each signatory supports
    /// the other (mutual, as "X signed a pact with Y").
    /// - Complexity: O(n + p²) for the sentence's n tokens and the p parties of one agreement.
    func signedAgreements(sentence: Int, date: PartialDate?, quote: String) -> [Candidate] {
        let n = tokens.count
        var result: [Candidate] = []
        for v in 1..<max(1, n) where owner[v] == nil && Self.signingVerbs.contains(tokens[v].key) {
            // the agreement noun just before: "an agreement signed", "a treaty that … signed"
            guard let a = (max(0, v - 8)..<v).last(where: { owner[$0] == nil && Self.agreementNouns.contains(tokens[$0].key) }) else { continue }
            var parties: [Int] = []
            if a == v - 1 {
                // passive: "signed (at Bougival, last July) by X and Y"
                guard let by = ((v + 1)..<min(n, v + 12)).first(where: { tokens[$0].key == "by" }),
                      !((v + 1)..<by).contains(where: { owner[$0] != nil && !mentions[owner[$0]!].isLocation }) else { continue }
                var k = by + 1
                while k < n, Self.articles.contains(tokens[k].key) { k += 1 }
                guard k < n, let first = owner[k] else { continue }
                parties = [first]
                var j = mentions[first].range.upperBound
                // "X and a delegation of Y", "X, Y and Z"
                while j + 1 < n, tokens[j].key == "and" || tokens[j].key == "," {
                    var m = j + 1
                    while m < min(n, j + 6), owner[m] == nil, tokens[m].key != "," && tokens[m].key != "and"
                            && (Self.articles.contains(tokens[m].key) || extractor.cues.agentNouns.contains(tokens[m].key)
                                || extractor.cues.assetNouns[tokens[m].key] != nil || tokens[m].key == "of") { m += 1 }
                    guard m < n, let next = owner[m], !mentions[next].isLocation else { break }
                    parties.append(next)
                    j = mentions[next].range.upperBound
                }
            } else if a + 1 < v, ["that", "which"].contains(tokens[a + 1].key) {
                // object relative: "a treaty that the two countries signed"
                guard let last = owner[v - 1] else { continue }
                parties = coordinated(last)
            }
            let actors = parties.map { mentions[$0] }.filter { !$0.isLocation }
            // two or three signatories support each other; four or more sign a multilateral act
            guard actors.count >= 2, Set(actors.map(\.actor)).count < 4 else { continue }
            let label = String(text[tokens[a].range.lowerBound..<tokens[v].range.upperBound])
            for x in actors { for y in actors where x.actor != y.actor {
                let confidence = ((0.7 * min(x.certainty, y.certainty)) * 100).rounded() / 100
                result.append(Candidate(source: x.actor, target: y.actor, type: .supports,
                                        modality: modality(trigger: v, negated: isNegated(before: v), parties: [x.actor, y.actor]),
                                        date: date, label: label, quote: quote, document: document, confidence: confidence,
                                        rule: "agreement-signatories", sentence: sentence))
            } }
        }
        return result
    }
}
