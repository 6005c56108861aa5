import ActorGraphCore
import Foundation

/// From a trigger and its arguments to candidate relations.
extension Run {
    /// Verbs often found as an infinitive after "to" that no trigger lists ("move to disarm").
    static let infinitiveVerbs: Set<String> = [
        "disarm", "discuss", "attend", "sign", "negotiate", "ensure", "secure", "take", "make", "hold", "seek", "join",
        "open", "close", "review", "study", "survey", "press", "raise", "resolve", "settle", "end", "stop", "prevent",
        "protect", "defend", "restore", "rebuild", "oversee", "monitor", "observe", "investigate", "meet", "visit",
    ]

    static let easingWords: Set<String> = ["lift", "lifted", "lifts", "lifting", "ease", "eased", "eases", "easing"]

    mutating func roles(_ hit: TriggerHit, sentence: Int, date: PartialDate?, quote: String) -> [Candidate] {
        let t = hit.trigger
        let start = hit.range.lowerBound, end = hit.range.upperBound
        let lemma = t.words.joined(separator: " ")
        let negated = isNegated(before: start)
        // "offered to host talks": an offer of an act is no support of its own (the act, if a
        // trigger, is read with the offer as its hedge).
        if t.form == .verb, t.words == ["offer"], end + 1 < tokens.count, tokens[end].key == "to", owner[end + 1] == nil {
            return []
        }
        // "sponsored the last round of negotiations between X and Y": support of an event is
        // no support of its parties.
        if t.type == .supports, t.form == .verb {
            var k = end
            while k < min(tokens.count, end + 4), owner[k] == nil,
                  Self.determiners.contains(tokens[k].key) || ["last", "next", "first", "second", "third", "round", "of"].contains(tokens[k].key) {
                k += 1
            }
            if k < tokens.count, owner[k] == nil, Self.eventNouns.contains(tokens[k].key) { return [] }
        }
        // "would move to disarm the group", "flew to meet X": "to" before a verb is an infinitive,
        // no destination.
        if t.type == .hosts, t.words.last == "to", end < tokens.count, owner[end] == nil, tokens[end].kind == .word,
           !tokens[end].isCapitalized, Self.infinitiveVerbs.contains(tokens[end].key)
            || extractor.lexicon.variants[tokens[end].key]?.contains(where: { extractor.lexicon.triggers[$0.trigger].form == .verb
                && extractor.lexicon.triggers[$0.trigger].words[0] == tokens[end].key }) == true {
            return []
        }
        let pairs = argumentPairs(hit)
        var result: [Candidate] = []
        let label = String(text[tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound])
        // "suspended aid to X": a supporting trigger governed by a reversal verb is opposition.
        // "cancelled talks with X" likewise; "lifted the blockade on X", "cancelled a visit to X"
        // (a hosting) propose nothing.
        // A mention right before the trigger only qualifies it ("blocked EU sanctions").
        var qualifierStart = start
        if start > 0, let m = owner[start - 1] { qualifierStart = mentions[m].range.lowerBound }
        else if start > 1, tokens[start - 1].kind == .possessive, let m = owner[start - 2] { qualifierStart = mentions[m].range.lowerBound }
        // "cannot be ruled out": a reversal word inside a hedge is the hedge's.
        let hedges = cueHits.filter { $0.section == "possible" || $0.section == "denied" }
        let reversal = t.form != .role ? cueHits.first { cue in
            cue.section == "reversal" && cue.range.upperBound <= start && start - cue.range.upperBound <= 4
                && !((cue.range.upperBound)..<qualifierStart).contains { owner[$0] != nil || tokens[$0].key == "," }
                && !hedges.contains { $0.range.lowerBound <= cue.range.lowerBound && cue.range.upperBound <= $0.range.upperBound }
        } : nil
        let reversed = reversal != nil
        // "lifted (most of its) sanctions on X", "eased the blockade of X": easing a pressure is
        // a supporting act (CAMEO 08 ease sanctions); other reversals of opposition propose nothing.
        let easing = reversal.map { Self.easingWords.contains(tokens[$0.range.lowerBound].key) } ?? false
        if reversed && t.type == .hosts { return [] }
        if reversed && t.type == .opposes && !easing { return [] }
        // "Y and Z must reach an agreement": what a demand asks for has not happened (the demand
        // itself is the demand-must relation).
        if (max(0, start - 2)..<start).contains(where: { ["must", "should"].contains(tokens[$0].key) }) { return [] }
        let type: RelationType = reversed ? (t.type == .opposes ? .supports : .opposes) : t.type
        for (s, o, construction, base, distance) in pairs {
            var (source, target) = (mentions[s], mentions[o])
            if t.reverse { swap(&source, &target) }
            guard source.actor != target.actor else { continue }
            var modality = self.modality(trigger: start, negated: negated, parties: [source.actor, target.actor],
                                         nounEvent: t.form == .noun)
            // "Honduras to restore ties with Taiwan" (a headline's future): a name, "to", the verb.
            if modality == .asserted, t.form == .verb, start >= 2, tokens[start - 1].key == "to",
               let m = owner[start - 2], mentions[m].actor == (t.reverse ? target.actor : source.actor) {
                modality = .possible
            }
            var confidence = base - 0.03 * Double(max(0, distance - 2))
            confidence *= min(source.certainty, target.certainty)
            if sentence < 4 { confidence += 0.05 }
            if source.rule == .pattern || source.rule == .title || target.rule == .pattern || target.rule == .title {
                confidence -= 0.05
            }
            confidence = (min(0.99, max(0.05, confidence)) * 100).rounded() / 100
            let anaphoric = source.rule == .anaphora || target.rule == .anaphora
            let c = Candidate(
                source: source.actor, target: target.actor, type: type, modality: modality, date: date,
                label: label, quote: quote, document: document, confidence: confidence,
                rule: construction + ":" + lemma + (reversed ? "+reversal" : "") + (anaphoric ? "+anaphora" : ""),
                sentence: sentence)
            result.append(c)
            // "X signed a pact with Y": each side supports the other (role triggers do this in
            // argumentPairs).
            if t.mutual, t.form != .role, !type.isSymmetric {
                var back = c
                (back.source, back.target) = (c.target, c.source)
                back.confidence = ((c.confidence - 0.05) * 100).rounded() / 100
                result.append(back)
            }
        }
        return result
    }
}
