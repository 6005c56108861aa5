import ActorGraphCore
import Foundation

/// Accusations: the act an accuser charges is the accused's relation, reported.
extension Run {
    // MARK: Accusations

    /// Verbs that charge someone with an act: "X accused Y of V-ing Z", "X blamed Y for V-ing Z".
    static let accusationVerbs: [String: String] = ["accuse": "of", "blame": "for", "charge": "with"]

    /// Whether the trigger is the act of a charge ("accused Y of \"siding with\" Z"): the act is
    /// the accused's, read by `accusedActs`, never the accuser's.
    func isChargedAct(_ hit: TriggerHit) -> Bool {
        var k = hit.range.lowerBound - 1
        while k > 0, Self.quoteMarks.contains(tokens[k].key) { k -= 1 }
        guard k > 1, ["of", "for", "with"].contains(tokens[k].key) else { return false }
        // "Y has been accused of harbouring Z": the passive's participle right before "of"
        if Self.isAccusationVerb(tokens[k - 1].key) { return true }
        guard let m = owner[k - 1] else { return false }
        var v = (coordinated(m).map { mentions[$0].range.lowerBound }.min() ?? mentions[m].range.lowerBound) - 1
        while v >= 0, Self.articles.contains(tokens[v].key) { v -= 1 }
        return v >= 0 && Self.isAccusationVerb(tokens[v].key)
    }

    /// Any form of an accusation verb ("accused", "blaming", "charges"): its stem without the final "e".
    static func isAccusationVerb(_ key: String) -> Bool {
        accusationVerbs.keys.contains { key.hasPrefix($0.dropLast()) }
    }

    /// "Pakistan accused Afghanistan of harbouring the TTP": the act charged (Afghanistan hosts
    /// the TTP) is a relation in its own right, reported, not asserted: it is the accuser's
    /// claim. The accusation itself comes from the accusing trigger as usual.
    /// - Complexity: O(v·p) for the lexicon variants v at the charged verb and their phrase length p.
    mutating func accusedActs(_ hit: TriggerHit, sentence: Int, date: PartialDate?, quote: String) -> [Candidate] {
        guard hit.trigger.form == .verb, let lemma = hit.trigger.words.first, hit.trigger.words.count == 1,
              let preposition = Self.accusationVerbs[lemma] else { return [] }
        var k = hit.range.upperBound
        let group: [Int]
        let last: Int
        if k < tokens.count, tokens[k].key == preposition, hit.range.lowerBound > 0,
           Self.beForms.contains(tokens[hit.range.lowerBound - 1].key) {
            // "Y has been accused of V-ing Z": the accused is the passive's subject.
            group = subjects(before: hit.range.lowerBound)
            last = k
        } else {
            while k < tokens.count, Self.articles.contains(tokens[k].key) { k += 1 }
            guard k < tokens.count, let accused = owner[k] else { return [] }
            group = coordinated(accused)
            last = group.map { mentions[$0].range.upperBound }.max() ?? mentions[accused].range.upperBound
        }
        guard !group.isEmpty, last + 1 < tokens.count, tokens[last].key == preposition else { return [] }
        var verbAt = last + 1
        // "accused Y of \"siding with Z\"": the charge may be quoted.
        while verbAt + 1 < tokens.count, Self.quoteMarks.contains(tokens[verbAt].key) { verbAt += 1 }
        guard let variants = extractor.lexicon.variants[tokens[verbAt].key], tokens[verbAt].key.hasSuffix("ing") else { return [] }
        var best: (Lexicon.Variant, Int)?
        for v in variants where extractor.lexicon.triggers[v.trigger].form == .verb {
            if let end = phraseEnd(v.words, at: verbAt), end > (best?.1 ?? verbAt) { best = (v, end) }
        }
        guard let (variant, end) = best else { return [] }
        let charged = TriggerHit(trigger: extractor.lexicon.triggers[variant.trigger], range: verbAt..<end,
                                 isParticiple: false, reciprocalOnly: variant.reciprocalOnly)
        // The accused is the charged verb's subject, not the accuser it inherits as an object.
        let saved = objectOf
        for m in group { objectOf[m] = nil }
        defer { objectOf = saved }
        var result: [Candidate] = []
        for var c in roles(charged, sentence: sentence, date: date, quote: quote)
        where group.contains(where: { mentions[$0].actor == (charged.trigger.reverse ? c.target : c.source) }) {
            if c.modality == .asserted { c.modality = .reported }
            c.confidence = ((c.confidence - 0.1) * 100).rounded() / 100
            c.rule = "accused-of:" + c.rule
            result.append(c)
        }
        return result
    }
}
