import ActorGraphCore
import Foundation

/// Relations no verb carries: "pro-X", "X-backed", appositions, "under the umbrella of".
extension Run {
    /// Relations carried by a modifier rather than a clause: "pro-X Y" (X supports Y), "anti-X
    /// Y" (Y opposes X), and names that hold one ("X-backed militias" as a graph name: X supports
    /// them; "pro-X militias" likewise).
    func implied(sentence: Int, date: PartialDate?, quote: String) -> [Candidate] {
        var result: [Candidate] = []
        func add(_ s: Mention, _ o: Mention, _ type: RelationType, _ rule: String, _ at: Int, _ label: Range<Int>) {
            guard s.actor != o.actor else { return }
            let modality = self.modality(trigger: at, negated: false, parties: [s.actor, o.actor])
            var confidence = 0.65 * min(s.certainty, o.certainty)
            if sentence < 4 { confidence += 0.05 }
            if [s.rule, o.rule].contains(where: { $0 == .pattern || $0 == .title }) { confidence -= 0.05 }
            confidence = (min(0.99, max(0.05, confidence)) * 100).rounded() / 100
            let text = String(self.text[tokens[label.lowerBound].range.lowerBound..<tokens[label.upperBound - 1].range.upperBound])
            result.append(Candidate(source: s.actor, target: o.actor, type: type, modality: modality, date: date,
                                    label: text, quote: quote, document: document, confidence: confidence,
                                    rule: rule, sentence: sentence))
        }
        for m in mentions where Self.compoundPrefix(tokens, at: m.range.lowerBound) {
            let pro = tokens[m.range.lowerBound - 1].key == "pro"
            var k = m.range.upperBound
            var modified: Mention?
            while k < tokens.count, k < m.range.upperBound + 4 {
                if let o = owner[k] { modified = mentions[o]; break }
                if tokens[k].kind != .word { break }
                k += 1
            }
            guard let y = modified, !y.isLocation else { continue }
            let label = (m.range.lowerBound - 1)..<m.range.upperBound
            if pro { add(m, y, .supports, "compound:pro", m.range.lowerBound, label) }
            else { add(y, m, .opposes, "compound:anti", m.range.lowerBound, label) }
        }
        // "X said (on Friday) (that) Y must …": a demand on Y (CAMEO 10, PLOVER DEMAND).
        for j in 1..<max(1, tokens.count) where tokens[j].key == "must" {
            guard let y = owner[j - 1], !mentions[y].isLocation else { continue }
            var k = mentions[coordinated(y)[0]].range.lowerBound - 1
            if k >= 0, tokens[k].key == "the" { k -= 1 }
            if k >= 0, tokens[k].key == "that" { k -= 1 }
            var skipped = 0
            while k >= 0, skipped < 3, owner[k] == nil, !Self.demandVerbs.contains(tokens[k].key),
                  tokens[k].kind == .word || tokens[k].kind == .number {
                k -= 1
                skipped += 1
            }
            guard k >= 0, Self.demandVerbs.contains(tokens[k].key) else { continue }
            for x in subjects(before: k) {
                for target in coordinated(y) {
                    add(mentions[x], mentions[target], .opposes, "demand-must", j, k..<(j + 1))
                }
            }
        }
        // Names holding a relation.
        for m in mentions where m.rule == .name && m.range.count >= 2 {
            var first = m.range.lowerBound
            if tokens[first].key == "the" { first += 1 }
            // (start of the holder's name, its end) within the mention.
            var span: Range<Int>?
            if tokens[first].key == "pro", first + 1 < m.range.upperBound, tokens[first + 1].hyphenBefore {
                let from = first + 1
                if let l = (1..<(m.range.upperBound - from)).reversed().first(where: { dictionary.matchActor(tokens, at: from, length: $0) != nil }) {
                    span = from..<(from + l)
                }
                else if let (l, _) = dictionary.matchState(tokens, at: from), from + l < m.range.upperBound { span = from..<(from + l) }
            } else {
                for p in (first + 1)..<m.range.upperBound where tokens[p].hyphenBefore {
                    let supporting = extractor.lexicon.variants[tokens[p].key]?.contains { v in
                        v.isParticiple && v.words.count == 1 && extractor.lexicon.triggers[v.trigger].form == .verb
                            && extractor.lexicon.triggers[v.trigger].type == .supports
                    } ?? false
                    guard supporting else { continue }
                    if dictionary.matchActor(tokens, at: first, length: p - first) != nil { span = first..<p }
                    else if let (l, _) = dictionary.matchState(tokens, at: first), first + l == p { span = first..<p }
                    break
                }
            }
            guard let span else { continue }
            var holder: ActorID?
            if let a = dictionary.matchActor(tokens, at: span.lowerBound, length: span.count) { holder = a }
            else if let (_, e) = dictionary.matchState(tokens, at: span.lowerBound) {
                holder = dictionary.knownStateActor(e.code)
            }
            // Only actors already known: a name never proposes a state of its own.
            guard let holder, holder != m.actor else { continue }
            let source = Mention(actor: holder, range: span, rule: .name, isLocation: false, kind: kind(of: holder), certainty: 0.9)
            add(source, m, .supports, "name-compound", m.range.lowerBound, m.range)
        }
        return result
    }
}
