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
    func modality(trigger: Int, negated: Bool, parties: Set<ActorID>) -> Modality {
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
        if negated { return .denied }
        if cueHits.contains(where: { $0.section == "denied" && $0.range.lowerBound < trigger
            && trigger - $0.range.upperBound <= 20 && sameClause($0.range.lowerBound, trigger)
            && !coordinatedClauseBetween($0.range.upperBound, trigger) && !coordinatedPredicate($0.range.upperBound, trigger) }) {
            return .denied
        }
        if cueHits.contains(where: { $0.section == "possible" && $0.range.lowerBound < trigger
            && trigger - $0.range.upperBound <= 10 && sameClause($0.range.lowerBound, trigger)
            && !coordinatedClauseBetween($0.range.upperBound, trigger) }) {
            return .possible
        }
        for cue in cueHits where cue.section == "reported" {
            let words = cue.range.map { tokens[$0].key }.joined(separator: " ")
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
               (cue.range.upperBound..<min(tokens.count, cue.range.upperBound + 2)).contains(where: { tokens[$0].key == "that" }) {
                continue
            }
            if Self.speakerCues.contains(words) {
                // An actor's own statement about its own act is asserted.
                if let speaker = speaker(of: cue), parties.contains(speaker) { continue }
            } else if words == "according to" {
                if let (m, _) = mention(afterPreposition: ["to"], from: cue.range.upperBound - 1, within: 1),
                   parties.contains(mentions[m].actor) { continue }
            }
            return .reported
        }
        // Reported speech going on from the previous sentence ("X said that … . Because …").
        if let carried = carriedAttribution, !parties.contains(where: { carried.speaker == $0 }) { return .reported }
        return .asserted
    }

    /// A comma that opens or closes an apposition inside a subject ("X, the head of Y, said").
    func isAppositionComma(_ k: Int) -> Bool {
        k + 1 < tokens.count && (Self.articles.contains(tokens[k + 1].key) || owner[k + 1] != nil)
            && (k + 1..<min(tokens.count, k + 12)).contains { tokens[$0].key == "," }
    }

    /// Who says something: the nearest mention before a speech verb, or right after it ("said X").
    /// "X, the head of Y, said": X; an unresolved pronoun ("he noted") is someone unknown.
    func speaker(of cue: CueHit) -> ActorID? {
        speakerMention(of: cue).map { mentions[$0].actor }
    }

    func speakerMention(of cue: CueHit) -> Int? {
        var k = cue.range.lowerBound - 1
        var steps = 0
        if k >= 1, tokens[k].key == ",",
           let open = (max(0, k - 14)..<k).last(where: { tokens[$0].key == "," }), open > 0,
           let m = owner[open - 1] ?? (open > 1 ? owner[open - 2] : nil) {
            return m
        }
        while k >= 0, steps < 6 {
            if let m = owner[k] { return m }
            if ["he", "she", "they", "it", "we", "i", "who"].contains(tokens[k].key) { return nil }
            if tokens[k].key == "." || tokens[k].key == ";" { break }
            k -= 1
            steps += 1
        }
        let after = cue.range.upperBound
        if after < tokens.count, let m = owner[after] { return m }
        return nil
    }
}
