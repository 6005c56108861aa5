import ActorGraphCore
import Foundation

/// Relations through an event rather than an actor: a stance on an event named by a noun ("X
/// condemned the attack"), and the venue of a meeting ("X and Y met in Z's capital").
extension Run {
    // MARK: Event nouns

    /// Event nouns and the trigger stems of the acts they can refer back to.
    static let eventNounFamilies: [String: [String]] = {
        let violence = ["attack", "strike", "struck", "bomb", "shell", "raid", "assault", "ambush", "kill", "fire",
                        "fired", "launch", "target", "hit", "storm", "shoot", "shot", "invad", "offensive", "massacre"]
        let detention = ["arrest", "detain", "detention", "crack", "round"]
        var table: [String: [String]] = [:]
        for noun in ["attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "bombing", "bombings",
                     "bombardment", "shelling", "raid", "raids", "assault", "assaults", "offensive", "ambush",
                     "killing", "killings", "massacre", "incursion", "invasion", "shooting", "operation", "operations"] {
            table[noun] = violence
        }
        for noun in ["arrest", "arrests", "detention", "detentions", "crackdown", "roundup"] { table[noun] = detention }
        for noun in ["sanctions", "sanction"] { table[noun] = ["sanction", "impose"] }
        return table
    }()

    /// Words that may stand between a stance verb and its event noun ("the deadly weekend attack").
    static let eventNounModifiers: Set<String> = [
        "the", "this", "these", "that", "those", "its", "their", "his", "her", "latest", "recent", "deadly", "brutal",
        "weekend", "overnight", "cowardly", "heinous", "terrorist", "suicide", "missile", "drone", "rocket", "air",
        "military", "armed", "twin", "new", "fresh", "reported", "alleged", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "'s", "yesterday", "wave", "of", "mass", "series",
    ]

    /// "X condemned the attack", "Y praised the strikes": a supporting or opposing verb whose
    /// object is an event noun, not an actor, takes a stance on whoever carried out the most
    /// recent act of that kind in this sentence or the three before. Condemning opposes the
    /// act's agent, praising supports it. Lower confidence than a named object.
    /// - Complexity: O(w + c) per trigger, for the noun window w and the candidates c looked back on.
    func eventNounStance(_ hit: TriggerHit, earlier found: [Candidate], sentence: Int, date: PartialDate?,
                         quote: String) -> [Candidate] {
        let t = hit.trigger
        guard t.form == .verb, !t.reverse, t.type == .supports || t.type == .opposes else { return [] }
        // A passive ("was condemned by X") has the event as its subject; only the active verb is
        // read here (a reduced relative, "the attack, condemned by X", has no object after it).
        let before = hit.range.lowerBound - 1
        if before >= 0, Self.beForms.contains(tokens[before].key) { return [] }
        var k = hit.range.upperBound
        var skipped = 0
        while k < tokens.count, skipped < 5, owner[k] == nil, Self.eventNounModifiers.contains(tokens[k].key) {
            k += 1; skipped += 1
        }
        guard skipped > 0, k < tokens.count, owner[k] == nil, let family = Self.eventNounFamilies[tokens[k].key] else { return [] }
        // "the attack on Y by X", "the strikes against Y": the phrase names its parties itself.
        if k + 1 < tokens.count, ["by", "on", "against", "of", "in", "near", "at"].contains(tokens[k + 1].key),
           (k + 2..<min(tokens.count, k + 5)).contains(where: { owner[$0] != nil }) { return [] }
        let subjectMentions = subjects(before: hit.range.lowerBound)
        guard !subjectMentions.isEmpty else { return [] }
        // The noun's own stem ("bombings" → "bomb") before the rest of its family.
        var stem = tokens[k].key
        for suffix in ["ings", "ing", "s"] where stem.hasSuffix(suffix) && stem.count > suffix.count + 3 {
            stem.removeLast(suffix.count); break
        }
        func refersBack(_ stems: [String]) -> (Candidate) -> Bool {
            { c in
                guard c.type == .opposes, c.document == self.document, !c.rule.hasPrefix("event-noun") else { return false }
                let words = c.label.lowercased().split(whereSeparator: { !$0.isLetter })
                return words.contains { w in stems.contains { w.hasPrefix($0) } }
            }
        }
        // This sentence and the three before; then the article's earlier acts, of the same stem
        // first (a story's "the attack" is often its lead's).
        let recent = candidates.reversed().prefix { $0.sentence >= sentence - 3 }
        guard let antecedent = found.last(where: refersBack([stem])) ?? recent.first(where: refersBack([stem]))
            ?? found.last(where: refersBack(family)) ?? recent.first(where: refersBack(family))
            ?? candidates.last(where: refersBack([stem])) ?? candidates.last(where: refersBack(family)) else { return [] }
        let negated = isNegated(before: hit.range.lowerBound)
        let label = String(text[tokens[hit.range.lowerBound].range.lowerBound..<tokens[k].range.upperBound])
        var result: [Candidate] = []
        for s in subjectMentions {
            let subject = mentions[s]
            guard subject.actor != antecedent.source, subject.actor != antecedent.target else { continue }
            var confidence = 0.55 * subject.certainty * min(1, antecedent.confidence + 0.2)
            if antecedent.sentence != sentence { confidence -= 0.05 }
            result.append(Candidate(
                source: subject.actor, target: antecedent.source, type: t.type,
                modality: modality(trigger: hit.range.lowerBound, negated: negated, parties: [subject.actor, antecedent.source]),
                date: date, label: label, quote: quote, document: document,
                confidence: (max(0.05, confidence) * 100).rounded() / 100,
                rule: "event-noun:" + t.words.joined(separator: " ") + ">" + tokens[k].key, sentence: sentence))
        }
        return result
    }

    // MARK: Venues

    /// Weekdays and month names (the date resolver's).
    static let timeWords = Set(DateResolver.weekdays.keys).union(DateResolver.months.keys)

    /// "X and Y met in Havana", "talks between X and Y in Doha", "X met Y in Tehran": a state
    /// named as the venue, right after the meeting's trigger and in its clause, hosts the
    /// participants who are not its own. The host may be a participant ("Y met X in Y's
    /// capital": Y hosts X).
    /// - Complexity: O(w·c) for the venue window w and the trigger's candidates c.
    func venueHosts(_ hit: TriggerHit, _ meetings: [Candidate], sentence: Int, date: PartialDate?, quote: String) -> [Candidate] {
        guard hit.trigger.type == .meets, !meetings.isEmpty else { return [] }
        // "talks in Skopje with X": the place may stand inside the trigger's phrase.
        var k = (hit.range.lowerBound + 1..<hit.range.upperBound).first { tokens[$0].key == "in" } ?? hit.range.upperBound
        let stop = Self.targetBoundaries.subtracting(["as"])
        var venue: Mention?
        var at = 0
        while k < min(tokens.count, hit.range.upperBound + 12) {
            if let m = owner[k] {
                let mention = mentions[m]
                if mention.isLocation, mention.kind == .government, k > 0, ["in", "at"].contains(tokens[mention.range.lowerBound - 1].key)
                    || (mention.range.lowerBound > 1 && tokens[mention.range.lowerBound - 1].key == "the"
                        && ["in", "at"].contains(tokens[mention.range.lowerBound - 2].key)) {
                    venue = mention; at = mention.range.lowerBound
                    break
                }
                k = mention.range.upperBound
                continue
            }
            if stop.contains(tokens[k].key) { break }
            // "to discuss the war in Z", "over the situation in Z": the place is the topic.
            if tokens[k].key == "on", k + 1 < tokens.count, Self.timeWords.contains(tokens[k + 1].key) || tokens[k + 1].kind == .number {
                k += 2; continue
            }
            if ["discuss", "discussed", "discussing", "about", "over", "on", "regarding", "concerning", "war", "conflict",
                "situation", "crisis", "fighting", "ceasefire", "truce"].contains(tokens[k].key) { break }
            k += 1
        }
        // A venue the graph does not know (a proposed state) stays a place.
        guard let host = venue, proposals[host.actor] == nil else { return [] }
        var result: [Candidate] = []
        var seen: Set<ActorID> = []
        let hostCountry = country(of: host.actor)
        let label = String(text[tokens[hit.range.lowerBound].range.lowerBound..<tokens[at + host.range.count - 1].range.upperBound])
        for c in meetings {
            for guest in [c.source, c.target] where guest != host.actor && !seen.contains(guest) {
                seen.insert(guest)
                if let hc = hostCountry, hc == country(of: guest) { continue }
                // A person of unknown nationality meeting in a capital may be at home there.
                if kind(of: guest) == .person, country(of: guest) == nil, ![c.source, c.target].contains(host.actor) { continue }
                let confidence = ((c.confidence - 0.12) * host.certainty * 100).rounded() / 100
                let own = modality(trigger: hit.range.lowerBound, negated: isNegated(before: hit.range.lowerBound),
                                   parties: [host.actor, guest], nounEvent: hit.trigger.form == .noun)
                result.append(Candidate(source: host.actor, target: guest, type: .hosts, modality: own, date: date,
                                        label: label, quote: quote, document: document, confidence: max(0.05, confidence),
                                        rule: "meeting-venue", sentence: sentence))
            }
        }
        return result
    }
}

extension Run {
    // MARK: Receptions

    /// "X received Y", "Y was received by X", "X hosted Y's delegation for talks": a reception
    /// is a meeting too (the seed graph codes both). Hosting an office, a base or a bureau is
    /// not: "host" counts only for a person or a delegation.
    func receptionMeetings(_ found: [Candidate]) -> [Candidate] {
        let delegation = tokens.contains { ["delegation", "delegations", "delegates", "envoy", "envoys"].contains($0.key) }
        var result: [Candidate] = []
        for c in found where c.type == .hosts {
            let lemma = c.rule.split(separator: ":").dropFirst().first.map(String.init) ?? ""
            guard c.rule.hasPrefix("verb-") else { continue }
            let lemmaWord = lemma.split(separator: "+").first.map(String.init) ?? lemma
            guard lemmaWord == "receive" || (lemmaWord == "host" && (kind(of: c.target) == .person || delegation)) else { continue }
            guard !found.contains(where: { $0.type == .meets && Set([$0.source, $0.target]) == Set([c.source, c.target]) }) else { continue }
            var m = c
            m.type = .meets
            m.confidence = ((c.confidence - 0.05) * 100).rounded() / 100
            m.rule = "reception:" + c.rule
            result.append(m)
        }
        return result
    }
}
