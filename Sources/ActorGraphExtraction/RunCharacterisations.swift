import ActorGraphCore
import Foundation

/// Characterisations: an actor described by a friendly or hostile noun.
extension Run {
    /// "X described Y as a strategic partner", "X branded Y a terrorist organisation", "X sees Y
    /// as a threat", and after a speech verb "X said Y was a reliable partner": X supports or
    /// opposes Y by the noun ([friend-nouns], [foe-nouns]). "A partner of Z", "a threat to Z" name
    /// another relation and are left to the role triggers.
    /// - Complexity: O(n) for the sentence's n tokens (each characterisation scans at most 10).
    func characterisations(sentence: Int, date: PartialDate?, quote: String) -> [Candidate] {
        let n = tokens.count
        let cues = extractor.cues
        var result: [Candidate] = []
        for v in 0..<n where owner[v] == nil {
            let key = tokens[v].key
            let characterising = cues.characterisingVerbs.contains(key)
            guard characterising || Self.speakerCues.contains(key) else { continue }
            var k = v + 1
            if !characterising, k < n, tokens[k].key == "that" { k += 1 }
            while k < n, Self.articles.contains(tokens[k].key) || Self.quoteMarks.contains(tokens[k].key) { k += 1 }
            // "Y, which X described as a threat": an object relative, Y its antecedent.
            var relative: (subject: Int, object: Int)?
            if characterising, v >= 4, let x = owner[v - 1], mentions[x].range.lowerBound >= 3, case let r = mentions[x].range.lowerBound - 1,
               ["which", "whom", "that"].contains(tokens[r].key), tokens[r - 1].key == ",", let y = owner[r - 2], !mentions[y].isLocation {
                relative = (x, y)
            }
            guard let y = relative?.object ?? (k < n ? owner[k] : nil), !mentions[y].isLocation,
                  relative != nil || mentions[y].range.lowerBound == k else { continue }
            var j = relative == nil ? mentions[y].range.upperBound : v + 1
            if characterising {
                if j < n, tokens[j].key == "as" { j += 1 }
            } else {
                // after a speech verb only a copula makes the characterisation
                guard j < n, ["was", "is", "remains", "remained", "were", "are"].contains(tokens[j].key) else { continue }
                j += 1
            }
            var type: RelationType?
            var end = j
            while end < min(n, j + 10) {
                let word = tokens[end].key
                if cues.friendNouns.contains(word) { type = .supports; break }
                if cues.foeNouns.contains(word) { type = .opposes; break }
                // "a neighbour and a friend", "one of our closest and most trusted partners"
                let oneOf = word == "of" && end > 0 && ["one", "among", "some"].contains(tokens[end - 1].key)
                if owner[end] != nil || [",", ";", ":", "but", "while", "after", "because", "which", "who", "that"].contains(word)
                    || (tokens[end].kind == .word && Self.prepositions.contains(word) && !oneOf) { break }
                end += 1
            }
            // "X called Y on Wednesday", "called Y to offer support": a telephone call, a meeting.
            if type == nil, relative == nil, ["called", "calls"].contains(key),
               mentions[y].kind == .person || mentions[y].kind == .government {
                let after = mentions[y].range.upperBound
                let next = after < n ? tokens[after].key : "."
                if [".", ",", "on", "to", "and", "last", "late", "yesterday", "overnight", "again", "twice", "this", "shortly"].contains(next)
                    || DateResolver.weekdays[next] != nil {
                    let target = mentions[y]
                    let label = String(text[tokens[v].range.lowerBound..<tokens[after - 1].range.upperBound])
                    for s in subjects(before: v) where mentions[s].actor != target.actor && !mentions[s].isLocation {
                        let source = mentions[s]
                        result.append(Candidate(source: source.actor, target: target.actor, type: .meets,
                                                modality: modality(trigger: v, negated: isNegated(before: v), parties: [source.actor, target.actor]),
                                                date: date, label: label, quote: quote, document: document,
                                                confidence: ((0.65 * min(source.certainty, target.certainty)) * 100).rounded() / 100,
                                                rule: "phone-call:" + key, sentence: sentence))
                    }
                }
                continue
            }
            guard let type else { continue }
            // "said Y was not a reliable partner", "described Y as no friend": a negated description
            let negatedInside = (j..<end).contains { ["not", "no", "never", "hardly"].contains(tokens[$0].key) }
            if end + 1 < n, ["of", "to", "for"].contains(tokens[end + 1].key),
               ((end + 2)..<min(n, end + 5)).contains(where: { owner[$0] != nil }) { continue }
            let target = mentions[y]
            let label = String(text[tokens[v].range.lowerBound..<tokens[end].range.upperBound])
            for s in relative.map({ [$0.subject] }) ?? subjects(before: v) where mentions[s].actor != target.actor {
                let source = mentions[s]
                let confidence = ((0.7 * min(source.certainty, target.certainty) + (sentence < 4 ? 0.05 : 0)) * 100).rounded() / 100
                result.append(Candidate(source: source.actor, target: target.actor, type: type,
                                        modality: modality(trigger: v, negated: negatedInside || isNegated(before: v),
                                                           parties: [source.actor, target.actor]),
                                        date: date, label: label, quote: quote, document: document, confidence: confidence,
                                        rule: "characterisation:" + key, sentence: sentence))
            }
        }
        return result
    }
}
