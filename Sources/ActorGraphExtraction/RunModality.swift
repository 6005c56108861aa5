import ActorGraphCore
import Foundation

/// How firmly a sentence states a relation: denied, possible, reported or asserted.
extension Run {
    // MARK: Modality

    /// Words that open a sentence going on with the previous one's argument.
    static let continuations: Set<String> = ["because", "so", "therefore", "thus", "hence", "moreover", "furthermore", "besides"]

    /// Coordinators that open a new clause after a comma.
    static let clauseCoordinators: Set<String> = ["and", "but", "while", "whereas", "yet"]

    static let speakerCues: Set<String> = [
        "said", "says", "say", "told", "stated", "added", "noted", "claimed", "claims", "claim", "quoted",
        "reported", "reports",
    ]

    /// denied > possible > reported > asserted, from cues in the trigger's clause.
    /// Trigger stems of material acts (force, arms, money, shelter): a party's own account of
    /// one is still a claim, reported; a statement, a meeting or praise is the act itself.
    static let materialStems = [
        "attack", "strike", "struck", "bomb", "shell", "raid", "assault", "ambush", "kill", "fire", "fired", "launch",
        "target", "hit", "storm", "shoot", "shot", "invad", "repel", "repuls", "clash", "fight", "fought", "arm", "fund",
        "financ", "train", "suppl", "send", "sent", "deploy", "shelter", "harbo", "seize", "captur", "detain", "arrest",
        "kidnap", "abduct", "drone", "missile", "rocket", "air", "offensive", "bombard", "incursion", "invasion",
    ]

    /// denied > possible > reported > asserted, from cues in the trigger's clause. `nounEvent`: the
    /// trigger is a noun that the clause's verb may still hedge after it ("talks … could resume").
    func modality(trigger: Int, negated: Bool, parties: Set<ActorID>, nounEvent: Bool = false) -> Modality {
        func sameClause(_ a: Int, _ b: Int) -> Bool {
            !(min(a, b)..<max(a, b)).contains { tokens[$0].key == ";" }
        }
        // "X denied that …, and accused Y": the trigger is a second predicate of the main
        // clause, right after ", and", which the denial's complement does not reach.
        func coordinatedPredicate(_ a: Int, _ b: Int) -> Bool {
            b >= 2 && b - 2 >= a && tokens[b - 2].key == "," && Self.clauseCoordinators.contains(tokens[b - 1].key)
                && tokens[a].key == "that"
        }
        // A cue before ", and …", ", but …" belongs to the clause the coordinator closes:
        // "X rejected the proposal, and Y accused Z" does not make the accusation possible.
        func coordinatedClauseBetween(_ a: Int, _ b: Int) -> Bool {
            (min(a, b)..<max(a, b)).contains {
                tokens[$0].key == "," && $0 + 1 < tokens.count && Self.clauseCoordinators.contains(tokens[$0 + 1].key)
                    && ($0 + 2..<max(a, b)).contains { owner[$0] != nil }
            }
        }
        // "The army denied burning homes and said its units had killed …": a new speech verb
        // after a coordinator starts what the denial does not cover.
        func newSpeechBetween(_ a: Int, _ b: Int) -> Bool {
            a < b && (a..<b).contains { $0 + 1 < b && ["and", "but"].contains(tokens[$0].key) && Self.speakerCues.contains(tokens[$0 + 1].key) }
        }
        // "X, which is widely expected to win, has accused Y": a cue inside a relative clause
        // closed before the trigger is the clause's own.
        func insideClosedRelative(_ cue: CueHit) -> Bool {
            cue.range.upperBound < trigger && (cue.range.upperBound..<trigger).contains { c in
                tokens[c].key == "," && (relativeClauseOpening(closingAt: c).map { $0 < cue.range.lowerBound } ?? false)
            }
        }
        if negated { return .denied }
        // "X said the move would isolate Y and accused Z": the reported clause's cues are not the act's.
        let cueHits = speechVerb(coordinatedWith: trigger).map { s in self.cueHits.filter { !(s + 1..<trigger).contains($0.range.lowerBound) } } ?? self.cueHits
        if cueHits.contains(where: { $0.section == "denied" && $0.range.lowerBound < trigger
            && trigger - $0.range.upperBound <= 20 && sameClause($0.range.lowerBound, trigger)
            && !coordinatedClauseBetween($0.range.upperBound, trigger) && !coordinatedPredicate($0.range.upperBound, trigger)
            && !newSpeechBetween($0.range.upperBound, trigger) && !insideClosedRelative($0) }) {
            return .denied
        }
        if cueHits.contains(where: { $0.section == "possible" && $0.range.lowerBound <= trigger
            && trigger - $0.range.upperBound <= 10 && sameClause($0.range.lowerBound, trigger)
            && !coordinatedClauseBetween($0.range.upperBound, trigger) && !insideClosedRelative($0) }) {
            return .possible
        }
        // "Talks between X and Y could resume", "a meeting … is scheduled for March": the
        // clause's verb after a noun event, or a be-form before a cue right after the trigger.
        if cueHits.contains(where: { cue in
            cue.section == "possible" && cue.range.lowerBound > trigger && sameClause(trigger, cue.range.lowerBound)
                && (nounEvent ? opensClause(trigger) && cue.range.lowerBound - trigger <= 15
                        && !(trigger..<cue.range.lowerBound).contains { [";", ":"].contains(tokens[$0].key) }
                    : cue.range.lowerBound - trigger <= 6 && cue.range.lowerBound > 0
                        && Self.beForms.contains(tokens[cue.range.lowerBound - 1].key)
                        && !(trigger..<cue.range.lowerBound).contains { tokens[$0].key == "," })
        }) {
            return .possible
        }
        if futureTime(after: trigger) { return .possible }
        if isAlleged(trigger) { return .reported }
        let material = Self.materialStems.contains { tokens[trigger].key.hasPrefix($0) }
        for cue in cueHits where cue.section == "reported" {
            let words = cue.range.map { tokens[$0].key }.joined(separator: " ")
            // After the trigger, a cue reports it only when postposed ("…, the ministry said",
            // "…, according to X", "…,\" he said"): a comma, then only the speaker's words. A
            // speech verb of a later clause (", and Y's office said", ", which it says") or an
            // adverb of a coordinated clause (", and companies are reportedly …") does not.
            if cue.range.lowerBound > trigger {
                guard let comma = (trigger..<cue.range.lowerBound).last(where: { tokens[$0].key == "," }) else {
                    if Self.speakerCues.contains(words) || coordinatedClauseBetween(trigger, cue.range.lowerBound) { continue }
                    return .reported
                }
                let between = (comma + 1)..<cue.range.lowerBound
                if between.count > 7 || between.contains(where: { k in
                    Self.relativePronouns.contains(tokens[k].key) || Self.clauseCoordinators.contains(tokens[k].key)
                        || (owner[k] == nil && tokens[k].key.hasSuffix("ed") && !tokens[k].isCapitalized)
                }) { continue }
            }
            // "It should be noted that …" is the writer's own aside.
            if words == "noted", cue.range.lowerBound > 0, tokens[cue.range.lowerBound - 1].key == "be" { continue }
            // "The envoy of X in Y, Z, said …": the trigger inside the speaker's own phrase is the
            // writer's description, not the speech.
            if cue.range.lowerBound > trigger, Self.speakerCues.contains(words), let m = speakerMention(of: cue),
               mentions[m].range.lowerBound > trigger,
               !(trigger..<mentions[m].range.lowerBound).contains(where: { tokens[$0].key == "," && !isAppositionComma($0) }) {
                continue
            }
            // "X, backed by Y, reported that …": a speech verb after the trigger that opens a
            // clause of its own does not cover what came before it.
            if cue.range.lowerBound > trigger,
               (cue.range.upperBound..<min(tokens.count, cue.range.upperBound + 4)).contains(where: { tokens[$0].key == "that" }) {
                continue
            }
            if Self.speakerCues.contains(words) {
                // An actor's own statement about its own act is asserted (a member's or its
                // group's statement too: "Qatari officials said Qatar's minister met X").
                if !material, let speaker = speaker(of: cue), parties.contains(where: { speaksFor(speaker, $0) }) { continue }
                // "X, Y's ally, called for restraint and said …", "X, whose troops fight beside Y,
                // said …": a speech verb after the trigger whose speaker comes before it reports
                // what follows, not the speaker's own description.
                if cue.range.lowerBound > trigger, let m = speakerMention(of: cue), mentions[m].range.upperBound <= trigger {
                    continue
                }
                // "X, which lifted its sanctions on Y, said …": the trigger is in the speaker's
                // relative clause.
                if cue.range.lowerBound > trigger, cue.range.lowerBound >= 1, tokens[cue.range.lowerBound - 1].key == ",",
                   let open = relativeClauseOpening(closingAt: cue.range.lowerBound - 1), open < trigger {
                    continue
                }
            } else if words == "according to" {
                if !material, let (m, _) = mention(afterPreposition: ["to"], from: cue.range.upperBound - 1, within: 1),
                   parties.contains(where: { speaksFor(mentions[m].actor, $0) }) { continue }
            }
            return .reported
        }
        // Reported speech going on from the previous sentence ("X said that … . Because …").
        if let carried = carriedAttribution, !parties.contains(where: { carried.speaker == $0 }) { return .reported }
        return .asserted
    }

    /// Whether the noun at `k` is its clause's subject: only determiners and adjectives before
    /// it since the sentence's start, a comma or a coordinator ("Separately, further talks …"),
    /// not the object of a verb ("who has kept cordial ties with X").
    func opensClause(_ k: Int) -> Bool {
        var j = k - 1
        while j >= 0 {
            let t = tokens[j]
            if [",", ";", ":", "and", "but"].contains(t.key) { return true }
            if owner[j] != nil || t.kind != .word || Self.auxiliaries.contains(t.key) || Self.beForms.contains(t.key)
                || t.key.hasSuffix("ed") || Self.prepositions.contains(t.key) || k - j > 4 { return false }
            j -= 1
        }
        return true
    }

    /// Whether `speaker` speaks for `party`: the same actor, or one a member of the other.
    func speaksFor(_ speaker: ActorID, _ party: ActorID) -> Bool {
        speaker == party || dictionary.groups[speaker]?.contains(party) == true || dictionary.groups[party]?.contains(speaker) == true
    }

    /// A comma that opens or closes an apposition inside a subject ("X, the head of Y, said").
    func isAppositionComma(_ k: Int) -> Bool {
        k + 1 < tokens.count && (Self.articles.contains(tokens[k + 1].key) || owner[k + 1] != nil)
            && (k + 1..<min(tokens.count, k + 12)).contains { tokens[$0].key == "," }
    }

    /// Who says something: the nearest mention before a speech verb, or right after it when
    /// punctuation precedes the verb ("…, said X").
    /// "X, the head of Y, said": X; an unresolved pronoun ("he noted") is someone unknown.
    func speaker(of cue: CueHit) -> ActorID? {
        speakerMention(of: cue).map { mentions[$0].actor }
    }

    func speakerMention(of cue: CueHit) -> Int? {
        let before = cue.range.lowerBound - 1
        if before >= 1, tokens[before].key == ",",
           let open = (max(0, before - 14)..<before).last(where: { tokens[$0].key == "," }), open > 0,
           let m = owner[open - 1] ?? (open > 1 ? owner[open - 2] : nil) {
            return m
        }
        // After punctuation, or first, a speaker right after the verb comes first ("…, said X",
        // "\"…,\" said X"). After a word the speaker precedes the verb: "Investigators said X
        // hosted Y" has no actor speaking (X opens the reported clause).
        if before < 0 || tokens[before].kind == .punctuation,
           cue.range.upperBound < tokens.count, let m = owner[cue.range.upperBound] {
            return m
        }
        // "X thanked Y … and said …": a coordinated speech verb has the clause's subject.
        if before >= 0, ["and", "but"].contains(tokens[before].key),
           let m = mentions.indices.first(where: { mentions[$0].range.upperBound <= before && !mentions[$0].isLocation
               && opensClause(mentions[$0].range.lowerBound) }) {
            return m
        }
        var k = before
        while k >= 0, before - k < 6 {
            if let m = owner[k] { return m }
            if ["he", "she", "they", "it", "we", "i", "who"].contains(tokens[k].key) { return nil }
            if tokens[k].key == "." || tokens[k].key == ";" { break }
            k -= 1
        }
        return nil
    }
}
