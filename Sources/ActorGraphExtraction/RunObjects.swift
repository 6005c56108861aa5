import ActorGraphCore
import Foundation

/// Objects of a trigger and mentions after prepositions.
extension Run {
    /// Mentions after token `start` up to a clause boundary within `window` tokens, with those
    /// coordinated with the first ("condemned X and Y").
    func objects(after start: Int, window: Int = 8, allowLocation: Bool = false, fromIsSource: Bool = true,
                 allowPair: Bool = false) -> (mentions: [Int], distance: Int) {
        var k = start
        let n = tokens.count
        var window = window
        while k < n && k < start + window {
            // "condemned what he called China's bullying": the speaker's own label is skipped.
            if tokens[k].key == "what", k + 2 < n, ["called", "calls", "described", "termed", "dubbed"].contains(tokens[k + 2].key) {
                k += 3
                if k < n, tokens[k].key == "as" { k += 1 }
                window += 4
                continue
            }
            if var m = owner[k] {
                if mentions[m].isLocation && !allowLocation { k = mentions[m].range.upperBound; continue }
                // "the two sides" is read as a subject only: as an object it is too often not the
                // pair named last ("welcomed contacts between the two countries").
                if let other = pairIndex[m] {
                    // right after "between", "the two sides" is both sides
                    if allowPair { return ([m, other], k - start) }
                    k = mentions[m].range.upperBound
                    continue
                }
                // "received weapons from X": X is where it came from, not the object.
                // But "received a delegation from X": people from X are X's.
                let fromAt = previousKey(k) == "from" ? k - 1 : (previousKey(k) == "the" && k > 1 && tokens[k - 2].key == "from" ? k - 2 : nil)
                if fromIsSource, let f = fromAt, !(f > 0 && extractor.cues.agentNouns.contains(tokens[f - 1].key)) {
                    break
                }
                // "met X's envoy Y": the envoy, when named right after the possessive.
                let after = mentions[m].range.upperBound
                if after < n, tokens[after].kind == .possessive {
                    for j in (after + 1)..<min(n, after + 4) {
                        if let other = owner[j] { m = other; break }
                        // "the former president's wife, Sylvia Bongo,": the person named after it.
                        if tokens[j].key == ",", j > after + 1, j + 1 < n, let other = owner[j + 1], isPausedPerson(other) {
                            m = other; break
                        }
                        // not across a preposition: "X's attack on Y" is X's.
                        if tokens[j].kind != .word || Self.prepositions.contains(tokens[j].key) { break }
                    }
                }
                // "met his Thai counterpart, Anutin Charnvirakul,", "met the EU's envoy, X,": a
                // description named right after.
                if let p = appositivePerson(after: m) { m = p } else if let p = personDescribed(byPossessive: m) { m = p }
                var found = [m]
                // "received the ECOWAS delegation, led by Ghana's foreign minister X": X too.
                if let leader = delegationLeader(after: m) { found.append(leader) }
                var j = mentions[m].range.upperBound
                while j + 1 < n, Self.coordination.contains(tokens[j].key) {
                    var next = j + 1
                    if tokens[next].key == "and" {
                        // "X, and Y …" joins clauses unless it ends a list ("A, B, and C").
                        if tokens[j].key == ",", found.count < 2 { break }
                        next += 1
                    }
                    if next < n, Self.coordinatedDeterminers.contains(tokens[next].key), owner[next] == nil { next += 1 }
                    guard next < n, let other = owner[next], !mentions[other].isLocation || allowLocation else { break }
                    // "… with Peru, Foreign Minister X said": the speaker after a comma is no conjunct.
                    let after = mentions[other].range.upperBound
                    if tokens[j].key == ",", after < n, Self.speakerCues.contains(tokens[after].key) { break }
                    found.append(other)
                    j = mentions[other].range.upperBound
                }
                return (found, k - start)
            }
            // "denounced as a crime X's …": "as" right after the verb does not end the object.
            if Self.targetBoundaries.contains(tokens[k].key), !(k == start && tokens[k].key == "as") { break }
            // "condemned the attack and pledged X's support": a second verb starts its own predicate.
            if k > start, k + 1 < n, ["and", "but", "or"].contains(tokens[k].key), startsVerb(k + 1) { break }
            k += 1
        }
        return ([], 0)
    }

    static let delegationNouns: Set<String> = ["delegation", "team", "mission"]

    /// The person leading a delegation named by mention `m`: "a Russian delegation led by
    /// Deputy Minister X", "the ECOWAS delegation, led by Ghana's foreign minister X".
    func delegationLeader(after m: Int) -> Int? {
        let nouns = Self.delegationNouns
        var j = mentions[m].range.upperBound
        // the noun inside the mention ("a Norwegian delegation") or right after it
        if !nouns.contains(tokens[j - 1].key) {
            guard j < tokens.count, nouns.contains(tokens[j].key) else { return nil }
            j += 1
        }
        if j < tokens.count, tokens[j].key == "," { j += 1 }
        guard j + 2 < tokens.count, tokens[j].key == "led", tokens[j + 1].key == "by" else { return nil }
        // the leader's title may name a state first ("Ghana's foreign minister X")
        for k in (j + 2)..<min(tokens.count, j + 9) {
            if let p = owner[k], mentions[p].kind == .person, mentions[p].rule != .anaphora, p != m { return p }
            if [",", ";", "."].contains(tokens[k].key) { return nil }
        }
        return nil
    }

    /// Whether token `k` looks like a finite verb: a past form, or a verb of the lexicon,
    /// lower case and not after a determiner.
    func startsVerb(_ k: Int) -> Bool {
        let t = tokens[k]
        guard t.kind == .word, !t.isCapitalized, owner[k] == nil else { return false }
        if t.key.hasSuffix("ed") && t.key.count > 4 { return true }
        return extractor.lexicon.variants[t.key]?.contains { extractor.lexicon.triggers[$0.trigger].form == .verb && !$0.isBase } ?? false
    }

    /// The mention right after a preposition found within a few tokens of `start`.
    func mention(afterPreposition words: Set<String>, from start: Int, within: Int = 3, allowLocation: Bool = true) -> (Int, Int)? {
        var k = start
        while k < tokens.count && k < start + within {
            if words.contains(tokens[k].key) {
                var j = k + 1
                if j < tokens.count, tokens[j].key == "the" { j += 1 }
                if j < tokens.count, let m = owner[j], allowLocation || !mentions[m].isLocation { return (m, k) }
                return nil
            }
            if owner[k] != nil || Self.targetBoundaries.contains(tokens[k].key) { return nil }
            k += 1
        }
        return nil
    }

    /// The possessor right before a noun: "X's support", "X's strong support".
    func possessor(before i: Int) -> Int? {
        var k = i - 1
        var skipped = 0
        while k >= 0, skipped <= 2 {
            if tokens[k].kind == .possessive { return k > 0 ? owner[k - 1] : nil }
            if ["his", "her", "its", "their"].contains(tokens[k].key) { return owner[k] }
            guard tokens[k].kind == .word, owner[k] == nil, !Self.prepositions.contains(tokens[k].key) else { return nil }
            k -= 1
            skipped += 1
        }
        return nil
    }
}
