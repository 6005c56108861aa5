import ActorGraphCore
import Foundation

/// Who a trigger's subjects and objects are: subjects before it, objects after it, lists.
extension Run {
    // MARK: Roles

    func isPreposition(_ k: Int) -> Bool { k >= 0 && k < tokens.count && Self.prepositions.contains(tokens[k].key) }

    /// Whether a mention can be the acting party of a clause.
    func canBeSubject(_ index: Int) -> Bool {
        let m = mentions[index]
        if m.isLocation { return false }
        var before = m.range.lowerBound - 1
        while before >= 0, tokens[before].key == "the" { before -= 1 }
        guard isPreposition(before) else { return true }
        // "the leader of X", "a spokesman for X", "fighters from X" act for X.
        let prep = tokens[before].key
        return (prep == "of" || prep == "for" || prep == "from") && before > 0 && extractor.cues.agentNouns.contains(tokens[before - 1].key)
    }

    /// Verbs whose object is the subject of the infinitive after it ("invited Y to visit").
    static let objectControlVerbs: Set<String> = [
        "invite", "invites", "invited", "inviting", "urge", "urges", "urged", "urging", "ask", "asks", "asked", "asking",
        "encourage", "encourages", "encouraged", "press", "pressed", "pressing", "persuade", "persuaded", "allow", "allows",
        "allowed", "permit", "permitted", "authorise", "authorised", "authorize", "authorized", "order", "ordered",
        "force", "forced", "told", "tell", "tells", "requested", "request", "requests",
    ]

    /// Plural heads after a name that leave it the conjunct ("government forces and …").
    static let headNouns: Set<String> = ["forces", "troops", "officials", "fighters", "militias", "units", "soldiers", "authorities"]

    /// The subject mentions before token `i`: the nearest mention that can act, and those
    /// coordinated with it ("X and Y met"). Objects of an earlier verb pass on that verb's subject.
    func subjects(before i: Int, limit: Int = 30) -> [Int] {
        // "X invited Y to visit Z", "X urged Y to talk to Z": the object of a verb of asking or
        // allowing is the subject of the infinitive after it.
        if i >= 3, tokens[i - 1].key == "to", let m = owner[i - 2], !mentions[m].isLocation {
            var v = mentions[m].range.lowerBound - 1
            while v >= 0, Self.articles.contains(tokens[v].key) { v -= 1 }
            if v >= 0, Self.objectControlVerbs.contains(tokens[v].key) { return coordinated(m) }
        }
        var k = i - 1
        var steps = 0
        // Passed ", who/which" right before the verb: the antecedent is the subject itself
        // ("Y received X, who met Z": X met Z), not the subject X inherits as an object.
        var relativeAntecedent = false
        // Passed "that"/"who" right before the verb: a relative clause, whose subject is its
        // antecedent alone ("X and Y, a group led by Z that did not sign …": Y).
        var crossedRelative = false
        while k >= 0 && steps < limit {
            if tokens[k].key == ";" || tokens[k].key == ":" { break }
            if owner[k] == nil, ["that", "who", "which"].contains(tokens[k].key),
               (k + 1..<i).allSatisfy({ Self.auxiliaries.contains(tokens[$0].key) || ["not", "never"].contains(tokens[$0].key) }) {
                crossedRelative = true
            }
            if owner[k] == nil, Self.relativePronouns.contains(tokens[k].key), k > 0, tokens[k - 1].key == "," {
                // "Y, which officials accuse of …": an object relative whose subject is no actor.
                if k + 1 < i, !Self.auxiliaries.contains(tokens[k + 1].key),
                   tokens[k + 1].isCapitalized || ["the", "a", "an", "many", "some", "several", "most"].contains(tokens[k + 1].key) {
                    return []
                }
                relativeAntecedent = true
            }
            // ", which X armed," before the verb: the relative clause is skipped, its antecedent
            // is the subject ("Y, which X has armed, attacked Z").
            if tokens[k].key == ",", let open = relativeClauseOpening(closingAt: k) ?? appositionOpening(closingAt: k) {
                k = open - 1
                steps += 1
                continue
            }
            // "X said in a statement that it remains committed to …": a pronoun subject after a
            // speech verb is the speaker.
            if owner[k] == nil, ["it", "they"].contains(tokens[k].key), k >= 2,
               let speech = (max(0, k - 7)..<k).last(where: { owner[$0] == nil && Self.speakerCues.contains(tokens[$0].key) }),
               !((speech + 1)..<k).contains(where: { owner[$0] != nil || [",", ";", "\""].contains(tokens[$0].key) }) {
                return subjects(before: speech, limit: limit)
            }
            if let m = owner[k] {
                if !relativeAntecedent, let inherited = objectOf[m] { return inherited }
                if canBeSubject(m) {
                    let group = crossedRelative ? [m] : coordinated(m)
                    // "countries such as X and Y": examples, not the clause's subject.
                    let first = mentions[group[0]].range.lowerBound
                    if first > 0, ["as", "like", "including"].contains(tokens[first - 1].key) {
                        k = first - 1
                        steps += 1
                        continue
                    }
                    return group
                }
                k = mentions[m].range.lowerBound - 1
                steps += 1
                continue
            }
            k -= 1
            steps += 1
        }
        return []
    }

    /// The comma that opens a relative clause (", which/who/whom/whose …") closed by the comma at
    /// `k`, when there is one within 14 tokens and no other comma between.
    func relativeClauseOpening(closingAt k: Int) -> Int? {
        var j = k - 1
        while j > 0, j >= k - 24 {
            if tokens[j].key == "," {
                return j + 1 < k && (Self.relativePronouns.contains(tokens[j + 1].key) || tokens[j + 1].key == "whose") ? j : nil
            }
            if [";", ":", "(", ")"].contains(tokens[j].key) { return nil }
            j -= 1
        }
        return nil
    }

    /// The antecedent of an object relative: "Y, which X has armed" → Y, for the verb at `start`
    /// whose subject mention `subject` follows "which"/"whom"/"that".
    func relativeAntecedent(subject: Int, verb start: Int) -> Int? {
        let r = mentions[subject].range.lowerBound - 1
        guard r >= 2, ["which", "whom", "that"].contains(tokens[r].key), owner[r] == nil,
              (mentions[subject].range.upperBound..<start).allSatisfy({ Self.auxiliaries.contains(tokens[$0].key) }) else { return nil }
        var a = r - 1
        if tokens[a].key == "," { a -= 1 }
        guard a >= 0, let antecedent = owner[a], !mentions[antecedent].isLocation else { return nil }
        return antecedent
    }

    /// A mention and those joined to it before by "and" or commas.
    func coordinated(_ m: Int) -> [Int] {
        if let other = pairIndex[m] { return [m, other] }
        // "according to Russian officials, he held …": a pronoun is never a list's last member.
        if mentions[m].rule == .anaphora, mentions[m].range.count == 1, mentions[m].range.lowerBound > 0,
           tokens[mentions[m].range.lowerBound - 1].key == "," { return [m] }
        var group = [m]
        var k = mentions[m].range.lowerBound - 1
        // "X and the Y", "X and his Y"
        func skipDeterminer() {
            // "X and the Kurdish-led Y", "X and the Iran-backed Y": a compound adjective.
            if k >= 3, tokens[k].hyphenBefore, owner[k] == nil, tokens[k].key.hasSuffix("ed") {
                k = owner[k - 1].map { mentions[$0].range.lowerBound - 1 } ?? k - 2
            }
            if k >= 2, Self.coordinatedDeterminers.contains(tokens[k].key), owner[k] == nil,
               Self.coordination.contains(tokens[k - 1].key) { k -= 1 }
            // "X and Turkish Cypriot leader Y": an unresolved capitalised modifier of the title.
            if k >= 2, owner[k] == nil, tokens[k].isCapitalized, tokens[k].kind == .word,
               Self.coordination.contains(tokens[k - 1].key) { k -= 1 }
        }
        skipDeterminer()
        while k >= 1, Self.coordination.contains(tokens[k].key) {
            var j = k - 1
            if tokens[k].key == "and", j >= 0, tokens[j].key == "," {
                j -= 1
                // ", and X …" joins clauses unless it ends a list of three or more ("A, B, and C").
                guard j >= 0, let other = owner[j], mentions[other].range.lowerBound >= 2,
                      tokens[mentions[other].range.lowerBound - 1].key == ",",
                      owner[mentions[other].range.lowerBound - 2] != nil else { break }
            }
            // "Syrian government forces and Y": the head noun after the first conjunct's name.
            if j >= 1, owner[j] == nil, Self.headNouns.contains(tokens[j].key), owner[j - 1] != nil { j -= 1 }
            guard j >= 0, var other = owner[j],
                  !mentions[other].isLocation || (mentions[other].range.lowerBound >= 1 && tokens[mentions[other].range.lowerBound - 1].key == "of")
            else { break }
            // "President X of Tajikistan and Y": the person, not the state qualifying the name.
            let before = mentions[other].range.lowerBound - 1
            if before >= 1, tokens[before].key == "of", let p = owner[before - 1], mentions[p].kind == .person { other = p }
            // "X and his Kyrgyz counterpart, Y, met": the description is Y itself.
            if tokens[k].key == ",", appositivePerson(after: other) == group.first {
                k = mentions[other].range.lowerBound - 1
                if k >= 1, ["his", "her", "its", "their"].contains(tokens[k].key) { k -= 1 }
                continue
            }
            group.insert(other, at: 0)
            k = mentions[other].range.lowerBound - 1
            skipDeterminer()
        }
        return group
    }

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
                        // not across a preposition: "X's attack on Y" is X's.
                        if tokens[j].kind != .word || Self.prepositions.contains(tokens[j].key) { break }
                    }
                }
                // "met his Thai counterpart, Anutin Charnvirakul,", "met the EU's envoy, X,": a
                // description named right after.
                if let p = appositivePerson(after: m) { m = p }
                var found = [m]
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
