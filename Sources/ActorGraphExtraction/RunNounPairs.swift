import ActorGraphCore
import Foundation

/// Pairs of relational nouns and presences, and the helpers of noun constructions: a fronted
/// meeting phrase, the second side after "between".
extension Run {
    /// Pairs of a noun with "between", also after a place phrase ("talks between X and Y", "a
    /// meeting in the town of Bender between X and Y"); nil when the noun has no "between".
    func betweenPairs(_ hit: TriggerHit) -> [ArgumentPair]? {
        let t = hit.trigger
        let end = hit.range.upperBound
        var pairs: [ArgumentPair] = []
        // "a meeting in the riverside town of Bender between X and Y": a place phrase first.
        var betweenAt: Int? = t.words.last == "between" ? end - 1 : (end < tokens.count && tokens[end].key == "between" ? end : nil)
        if betweenAt == nil, end < tokens.count, ["in", "at"].contains(tokens[end].key) {
            betweenAt = (end + 1..<min(tokens.count, end + 9)).first { tokens[$0].key == "between" }
            if let b = betweenAt, (end..<b).contains(where: { [",", ";"].contains(tokens[$0].key) || (owner[$0].map { !mentions[$0].isLocation } ?? false) }) {
                betweenAt = nil
            }
        }
        if let b = betweenAt {
            let from = b + 1
            var (found, distance) = objects(after: from, window: 4, allowPair: true)
            // "between Moldova's chief negotiator, X, and Transnistria's, Y": two sides, each
            // possibly named in apposition, joined by ", and".
            if found.count == 1, let second = secondSide(after: found[0]) { found.append(second) }
            if t.type == .meets, found.count >= 2 { pairs.append((found[0], found[1], "noun-between", 0.75, distance)) }
            // "clashes between X and Y", "cooperation between X and Y": each toward the other.
            if t.type == .opposes || t.type == .supports, found.count == 2 {
                pairs.append((found[0], found[1], "noun-between", 0.7, distance))
                pairs.append((found[1], found[0], "noun-between", 0.7, distance))
            }
            return pairs
        }
        return nil
    }
    /// Pairs of a relational noun: "X's proxy Y", "Y, X's proxy", "Y, an ally of X", "Y is a proxy of X".
    func rolePairs(_ hit: TriggerHit) -> [ArgumentPair] {
        let t = hit.trigger
        let start = hit.range.lowerBound, end = hit.range.upperBound
        var pairs: [ArgumentPair] = []
        // "X's proxy Y", "Y, X's proxy", "Y, an ally of X", "Y is a proxy of X".
        var holder: Int?, named: Int?
        if let x = possessor(before: start) {
            holder = x
            var k = end
            if k < tokens.count, tokens[k].key == "," { k += 1 }
            if k < tokens.count, tokens[k].key == "the", owner[k] == nil { k += 1 }
            if k < tokens.count, let y = owner[k], !mentions[y].isLocation { named = y }
            let before = mentions[x].range.lowerBound
            if named == nil, before >= 2, tokens[before - 1].key == ",", let y = owner[before - 2], !mentions[y].isLocation {
                named = y
            }
            if named == nil { named = appositionHead(before: before) }
        } else if let (x, _) = mention(afterPreposition: ["of", "to"], from: end, within: 1, allowLocation: false) {
            holder = x
            named = appositionHead(before: start)
        } else if start > 0, let x = owner[start - 1], !mentions[x].isLocation {
            // "Y, a key U.S. ally", "the Iranian proxy Y"
            holder = x
            if end < tokens.count, let y = owner[end], !mentions[y].isLocation { named = y }
            else { named = appositionHead(before: mentions[x].range.lowerBound) }
        }
        guard let holder, let named, holder != named else { return pairs }
        // "Y1 and Y2, X's main backers": a plural role before which a list ends.
        let plural = tokens[start].key != t.words[0] && tokens[start].key.hasSuffix("s")
        let namedAll = plural && mentions[named].range.upperBound <= start ? coordinated(named) : [named]
        for y in namedAll where y != holder {
            pairs.append((holder, y, "role", 0.7, 0))
            if t.mutual { pairs.append((y, holder, "role", 0.65, 0)) }
        }
        return pairs
    }
    /// Pairs of a presence: "X opened an office in Y", "X, based in Y": Y hosts X.
    func placePairs(_ hit: TriggerHit) -> [ArgumentPair] {
        let start = hit.range.lowerBound, end = hit.range.upperBound
        var pairs: [ArgumentPair] = []
        // "X opened an office in Y", "X, based in Y", "the office of X in Y": Y hosts X.
        let ofGuest = mention(afterPreposition: ["of", "for"], from: end, within: 1, allowLocation: false)
        var hostAt = mention(afterPreposition: ["in", "at"], from: end, within: 3)
        if hostAt == nil, let (g, _) = ofGuest {
            // "the representative of X (Y) in Z"
            var k = mentions[g].range.upperBound
            if k < tokens.count, tokens[k].key == "(" {
                while k < tokens.count, tokens[k].key != ")", k < mentions[g].range.upperBound + 6 { k += 1 }
                k += 1
            }
            hostAt = mention(afterPreposition: ["in", "at"], from: k, within: 2)
        }
        guard let (host, at) = hostAt else { return pairs }
        var guests: [Int] = []
        if let (g, _) = ofGuest {
            guests = [g]
        } else if let g = possessor(before: start) {
            guests = [g]
        } else {
            guests = subjects(before: start, limit: 14)
        }
        for g in guests {
            // An actor's own office at home ("his office in Baghdad") is not a hosting.
            if let a = country(of: mentions[host].actor), a == country(of: mentions[g].actor) { continue }
            pairs.append((host, g, "place", 0.65, at - end))
        }
        return pairs
    }
    /// The subject of the clause a fronted noun phrase opens ("In a call with X on Monday, Y
    /// said"): the noun at `start` is preceded only by a preposition and determiners from the
    /// sentence's start; the first mention after the next comma that can act.
    func frontedSubject(noun start: Int) -> Int? {
        guard start >= 1, ["in", "during", "after", "at", "following", "before", "ahead", "on"].contains(tokens[0].key),
              (1..<start).allSatisfy({ owner[$0] == nil && tokens[$0].kind == .word && !tokens[$0].isCapitalized }) else { return nil }
        guard let comma = (start..<min(tokens.count, start + 20)).first(where: { tokens[$0].key == "," }) else { return nil }
        var k = comma + 1
        while k < min(tokens.count, comma + 6) {
            if let m = owner[k] { return canBeSubject(m) ? m : nil }
            k += 1
        }
        return nil
    }

    /// The second side after "between X": past X's apposition, ", and" or "and", then a
    /// mention (or a description named in apposition).
    func secondSide(after first: Int) -> Int? {
        var k = mentions[first].range.upperBound
        if k < tokens.count, tokens[k].key == "," {
            // skip an apposition ", the ... ," up to its closing comma
            if let close = (k + 1..<min(tokens.count, k + 10)).first(where: { tokens[$0].key == "," }),
               close + 1 < tokens.count, tokens[close + 1].key == "and" { k = close }
        }
        if k < tokens.count, tokens[k].key == "," { k += 1 }
        guard k < tokens.count, tokens[k].key == "and" else { return nil }
        k += 1
        if k < tokens.count, Self.articles.contains(tokens[k].key) { k += 1 }
        guard k < tokens.count, let m = owner[k], m != first, !mentions[m].isLocation else { return nil }
        return appositivePerson(after: m) ?? m
    }

    /// Pairs of a relational noun: "talks between X and Y", "attacks by X on Y", "X's support
    /// for Y", "Y, a group under the umbrella of X", and a noun given to someone ("handed Y a
    /// protest note").
    /// - Complexity: O(w) for the search window w after the noun.
    func nounPairs(_ hit: TriggerHit) -> [ArgumentPair] {
        let t = hit.trigger
        let start = hit.range.lowerBound, end = hit.range.upperBound
        var pairs: [ArgumentPair] = []
        if let between = betweenPairs(hit) { return between }
        let endsInPreposition = t.words.count > 1 && Self.prepositions.contains(t.words.last!)
        let withWords: Set<String> = ["with", "under"]
        var withOf = false
        for k in max(0, start - 4)..<start where withWords.contains(tokens[k].key) { withOf = true }
        if withOf, !endsInPreposition, let (agent, _) = mention(afterPreposition: ["of", "from"], from: end, within: 1) {
            let withAt = (max(0, start - 4)..<start).last { withWords.contains(tokens[$0].key) }!
            // "Y, a group under the umbrella of X": the apposition's head; else the clause's subject.
            let patients = appositionHead(before: withAt).map { [$0] } ?? subjects(before: withAt)
            for patient in patients { pairs.append((agent, patient, "noun-with", 0.7, 0)) }
            return pairs
        }
        // Agent "by X" / "from X"; patient after for/to/against/on/with/of.
        var agent: Int?
        var patient: (Int, Int)?
        var k = end
        var lastWasOf = false
        while k < tokens.count && k < end + 8 {
            if let m = owner[k] {
                let prep = endsInPreposition && k == end ? t.words.last! : (k > 0 ? tokens[k - 1].key : "")
                let prepBefore = k > 1 && tokens[k - 1].key == "the" ? tokens[k - 2].key : prep
                if mentions[m].isLocation { k = mentions[m].range.upperBound; continue }
                // "…'s attack, X wrote": the speaker after a comma is no patient
                let after = mentions[m].range.upperBound
                if k > 0, tokens[k - 1].key == ",", after < tokens.count,
                   Self.saysOrWrites(tokens[after].key) { break }
                // "support of the struggle against X": X is not supported.
                if t.type == .supports, patient == nil, prepBefore == "against" { break }
                if prepBefore == "by" || (prepBefore == "from" && t.type == .supports) {
                    if agent == nil { agent = m }
                } else if patient == nil {
                    if prepBefore == "of" && t.type == .supports { lastWasOf = true }
                    patient = (m, k - end)
                } else if lastWasOf, agent == nil, ["for", "to", "with"].contains(prepBefore) {
                    // "support of X for Y": X gives, Y receives.
                    agent = patient!.0
                    patient = (m, k - end)
                    lastWasOf = false
                }
                k = mentions[m].range.upperBound
                continue
            }
            if Self.targetBoundaries.contains(tokens[k].key) && tokens[k].key != "," { break }
            if tokens[k].key == "," && patient != nil { break }
            // "condemned the attack and pledged X's support": a new predicate.
            if ["and", "but", "or"].contains(tokens[k].key), k + 1 < tokens.count, startsVerb(k + 1) { break }
            k += 1
        }
        guard let (target, distance) = patient else { return givenPairs(hit) }
        if let agent {
            // "attacks by A, B and C", "attacks by X, … such as A and B": each is an agent.
            for a in listed(from: agent) { pairs.append((a, target, "noun-agent", 0.7, distance)) }
        } else if let owner = possessor(before: start) {
            pairs.append((owner, target, "noun-possessive", 0.7, distance))
        } else if let s = frontedSubject(noun: start) {
            // "In a call with X on Monday, Y said …", "After talks with X, Y …"
            pairs.append((s, target, "noun-fronted", 0.6, distance))
        } else {
            // Never across a speech verb ("X said that Americans with ties to Y").
            for s in subjects(before: start, limit: 12)
            where !(mentions[s].range.upperBound..<start).contains(where: { owner[$0] == nil && Self.speakerCues.contains(tokens[$0].key) }) {
                pairs.append((s, target, "noun-subject", 0.55, distance))
            }
        }
        return pairs
    }

    /// Verbs that give their first object the second: "handed Y a protest note".
    static let givingVerbs: Set<String> = ["handed", "hands", "hand", "delivered", "delivers", "deliver", "gave", "gives", "give", "sent", "sends", "send"]

    /// "The ministry handed Y a protest note", "handed him a note of protest": the noun's
    /// relation from the giver to the one it is given to, within four words of the verb.
    func givenPairs(_ hit: TriggerHit) -> [ArgumentPair] {
        let start = hit.range.lowerBound
        var k = start - 1
        // the noun phrase's determiner and modifiers ("a formal", "a note of")
        while k > 0, start - k <= 4, owner[k] == nil, tokens[k].kind == .word, !Self.givingVerbs.contains(tokens[k].key) { k -= 1 }
        guard k >= 1, let object = owner[k], !mentions[object].isLocation else { return [] }
        let verb = mentions[object].range.lowerBound - 1
        guard verb >= 1, Self.givingVerbs.contains(tokens[verb].key),
              (mentions[object].range.upperBound..<start).contains(where: { Self.articles.contains(tokens[$0].key) }) else { return [] }
        return subjects(before: verb).filter { mentions[$0].actor != mentions[object].actor }
            .map { ($0, object, "noun-given", 0.6, start - verb) }
    }
}
