import ActorGraphCore
import Foundation

/// Constructions of round 3 that no lexicon trigger carries on its own: "Y came under attack
/// from X", and the condition of a threat or demand ("… unless Y withdraws").
extension Run {
    /// Nouns of armed attack after "came under": "under attack", "under heavy fire".
    static let underAttackNouns: Set<String> = [
        "attack", "attacks", "fire", "assault", "shelling", "bombardment", "bombing", "bombings", "siege",
    ]
    /// Forms of "come" and "be" that take "under attack": "came under", "was under", "have come under".
    static let underAttackVerbs: Set<String> = [
        "come", "comes", "came", "coming", "be", "is", "are", "was", "were", "been", "being", "remain", "remains",
        "remained", "fall", "fell", "fallen",
    ]

    /// "Y came under (heavy) attack/fire from X", "Y were under attack by A, B and C": X opposes Y.
    func underAttack(sentence: Int, date: PartialDate?, quote: String) -> [Candidate] {
        var result: [Candidate] = []
        let n = tokens.count
        for u in 1..<max(1, n) where tokens[u].key == "under" && owner[u] == nil && Self.underAttackVerbs.contains(tokens[u - 1].key) {
            // the noun, after up to two modifiers ("heavy", "rocket", "artillery")
            var k = u + 1
            while k < n, k < u + 4, owner[k] == nil, tokens[k].kind == .word, !Self.underAttackNouns.contains(tokens[k].key) { k += 1 }
            guard k < n, Self.underAttackNouns.contains(tokens[k].key) else { continue }
            guard let (agent, byAt) = mention(afterPreposition: ["from", "by"], from: k + 1, within: 2, allowLocation: false) else { continue }
            let patients = subjects(before: u - 1, limit: 12)
            let label = (u - 1)..<(k + 1)
            let text = String(self.text[tokens[label.lowerBound].range.lowerBound..<tokens[label.upperBound - 1].range.upperBound])
            for a in listed(from: agent) { for p in patients {
                let (s, o) = (mentions[a], mentions[p])
                guard s.actor != o.actor else { continue }
                var confidence = 0.7 - 0.03 * Double(max(0, byAt - k - 2))
                confidence *= min(s.certainty, o.certainty)
                if sentence < 4 { confidence += 0.05 }
                if [s.rule, o.rule].contains(where: { $0 == .pattern || $0 == .title }) { confidence -= 0.05 }
                result.append(Candidate(
                    source: s.actor, target: o.actor, type: .opposes,
                    modality: modality(trigger: u, negated: isNegated(before: u - 1), parties: [s.actor, o.actor]),
                    date: date, label: text, quote: quote, document: document,
                    confidence: (min(0.99, max(0.05, confidence)) * 100).rounded() / 100,
                    rule: "under-attack", sentence: sentence))
            } }
        }
        return result
    }

    /// The party a condition names: "threatened to halt trade unless Y withdraws", "will boycott
    /// the vote unless Y steps down" → Y (the subject of the "unless"/"if" clause within `window`
    /// tokens, before the sentence's next clause break).
    func conditionSubject(after start: Int, window: Int = 14) -> Int? {
        var k = start
        while k < tokens.count, k < start + window {
            if [";", ":", ".", "(", ")"].contains(tokens[k].key) { return nil }
            if owner[k] == nil, tokens[k].key == "unless" || tokens[k].key == "if" {
                var j = k + 1
                if j < tokens.count, tokens[j].key == "the" { j += 1 }
                guard j < tokens.count, let m = owner[j], !mentions[m].isLocation else { return nil }
                return m
            }
            k += 1
        }
        return nil
    }

    /// Whether a nationality adjective ending at `k` is the agent of the event noun after it:
    /// "the Arlandian strikes on X", "Arlandian air raids", "the Arlandian sanctions against X"
    /// (an opposing or supporting noun of the lexicon, after at most one modifier, followed by a
    /// preposition: "on", "against", "for"…).
    func actsThroughNoun(after k: Int) -> Bool {
        // "praised the Arlandian initiative", "criticised the Arlandian decision to …"
        if k < tokens.count, Self.proposalNouns.contains(tokens[k].key), k >= 2, tokens[k - 2].key == "the" { return true }
        for j in k..<min(tokens.count, k + 2) {
            guard tokens[j].kind == .word, !tokens[j].isCapitalized else { return false }
            let isNoun = extractor.lexicon.variants[tokens[j].key]?.contains { v in
                let t = extractor.lexicon.triggers[v.trigger]
                return t.form == .noun && t.words.count == 1 && t.type != .meets && t.type != .hosts
            } ?? false
            if isNoun { return j + 1 < tokens.count && ["on", "against", "for", "to"].contains(tokens[j + 1].key) }
        }
        return false
    }

    /// What a party proposes or decides, so that "the Arlandian plan" is Arland's.
    static let proposalNouns: Set<String> = [
        "decision", "initiative", "plan", "proposal", "proposals", "move", "resolution", "offer", "policy", "demand",
        "demands",
    ]

    /// Rooms of one's own where a meeting can be held.
    static let ownPlaces: Set<String> = ["office", "residence", "home", "palace", "headquarters", "house"]

    /// "In his office in Baghdad, X met with Y", "X met Y at X's residence": the owner of the
    /// place hosts the other party of a meeting found in the sentence.
    func meetingPlaceHosts(_ found: [Candidate], sentence: Int, date: PartialDate?, quote: String) -> [Candidate] {
        let meetings = found.filter { $0.type == .meets }
        guard !meetings.isEmpty else { return [] }
        var result: [Candidate] = []
        for p in 1..<max(1, tokens.count) where Self.ownPlaces.contains(tokens[p].key) {
            var k = p - 1
            if k > 0, tokens[k].key == "own" { k -= 1 }
            var ownerMention: Int?
            // A pronoun only in a phrase fronted before its clause's subject, who is the owner
            // ("In his office (in Y), X met Z"); "X met Y at her home" does not say whose home.
            if let m = owner[k], ["his", "her", "their"].contains(tokens[k].key),
               let comma = ((p + 1)..<min(tokens.count, p + 8)).first(where: { tokens[$0].key == "," }),
               let next = ((comma + 1)..<tokens.count).compactMap({ owner[$0] }).first(where: { !mentions[$0].isLocation }),
               mentions[next].actor == mentions[m].actor { ownerMention = m }
            else if tokens[k].kind == .possessive, k > 0, let m = owner[k - 1] { ownerMention = m; k = mentions[m].range.lowerBound }
            guard let o = ownerMention, k > 0, ["in", "at"].contains(tokens[k - 1].key) else { continue }
            let host = mentions[o]
            for c in meetings where c.source == host.actor || c.target == host.actor {
                let guest = c.source == host.actor ? c.target : c.source
                let label = String(text[tokens[k - 1].range.lowerBound..<tokens[p].range.upperBound])
                result.append(Candidate(source: host.actor, target: guest, type: .hosts, modality: c.modality, date: date,
                                        label: label, quote: quote, document: document,
                                        confidence: ((c.confidence * host.certainty - 0.05) * 100).rounded() / 100,
                                        rule: "meeting-place", sentence: sentence))
            }
        }
        return result
    }
}
