import ActorGraphCore
import Foundation

/// Who a trigger's subjects and objects are: subjects before it, objects after it, lists.
extension Run {
    // MARK: Roles

    func isPreposition(_ k: Int) -> Bool { k >= 0 && k < tokens.count && Self.prepositions.contains(tokens[k].key) }

    /// Whether a mention can be the acting party of a clause.
    func canBeSubject(_ index: Int) -> Bool {
        let m = mentions[index]
        // "a court in Lima sentenced X", "police in Kampala arrested X": the state's own organs.
        if m.isLocation {
            let at = m.range.lowerBound
            guard at >= 2, tokens[at - 1].key == "in", m.kind == .government, Self.stateOrgans.contains(tokens[at - 2].key),
                  owner[at - 2] == nil else { return false }
            // not another's organ: "Houthi authorities in Sanaa", "Russian-installed authorities in Kherson"
            guard at >= 3 else { return true }
            let before = tokens[at - 3]
            return owner[at - 3] == nil && !before.hyphenBefore && (!before.isCapitalized || at == 3)
        }
        var before = m.range.lowerBound - 1
        while before >= 0, tokens[before].key == "the" { before -= 1 }
        guard isPreposition(before) else { return true }
        // "the leader of X", "a spokesman for X", "fighters from X" act for X.
        let prep = tokens[before].key
        return (prep == "of" || prep == "for" || prep == "from") && before > 0 && extractor.cues.agentNouns.contains(tokens[before - 1].key)
    }

    /// Organs of a state that act for it where they sit: "a court in X", "police in X".
    static let stateOrgans: Set<String> = ["court", "tribunal", "judge", "prosecutors", "police", "authorities"]

    /// Verbs whose object is the subject of the infinitive after it ("invited Y to visit").
    static let objectControlVerbs: Set<String> = [
        "invite", "invites", "invited", "inviting", "urge", "urges", "urged", "urging", "ask", "asks", "asked", "asking",
        "encourage", "encourages", "encouraged", "press", "pressed", "pressing", "persuade", "persuaded", "allow", "allows",
        "allowed", "permit", "permitted", "authorise", "authorised", "authorize", "authorized", "order", "ordered",
        "force", "forced", "told", "tell", "tells", "requested", "request", "requests",
    ]

    /// Plural heads after a name that leave it the conjunct ("government forces and …").
    static let headNouns: Set<String> = ["forces", "troops", "officials", "fighters", "militias", "units", "soldiers", "authorities"]

    /// Past-tense verbs of speaking to or about someone: acts of the speaker, not of a reported clause.
    static let speakerActs: Set<String> = [
        "accused", "thanked", "praised", "condemned", "criticised", "criticized", "urged", "welcomed", "rejected",
        "denounced", "blamed", "warned", "congratulated", "hailed", "slammed", "lauded", "commended", "applauded",
        "called", "dismissed",
    ]

    /// "X said the move would isolate Y and accused Z of …": a speaker's act coordinated with the
    /// speech verb, not with the reported clause between them. The index of that speech verb
    /// ("said", "told", or another act of speaking: "called Y \"a provocation\" and accused Z"),
    /// when the verb at `i` is such a predicate: right after "and", within 35 tokens after it in
    /// the same clause.
    func speechVerb(coordinatedWith i: Int) -> Int? {
        guard i >= 4, Self.speakerActs.contains(tokens[i].key), tokens[i - 1].key == "and", owner[i - 1] == nil else { return nil }
        var k = i - 2
        if tokens[k].key == "," { k -= 1 }
        while k >= 0, k >= i - 35 {
            let key = tokens[k].key
            if [";", ":"].contains(key) { return nil }
            // "Caracas called the US deployment \"a provocation\" and accused the CIA": two acts
            // of speaking coordinated, the second has the first one's subject
            if Self.speakerActs.contains(key) { return owner[k] == nil && i - 2 - k >= 1 && k >= 1 ? k : nil }
            // ", but Kyiv denied …": a clause of its own, with its own subject
            if key == ",", k + 1 < i, Self.clauseCoordinators.contains(tokens[k + 1].key) { return nil }
            if owner[k] == nil, ["said", "told"].contains(key) {
                // A complement between them ("said [that] the plan …"), and a speaker before it.
                return i - 2 - k >= 2 && k >= 1 && !Self.auxiliaries.contains(tokens[k - 1].key) ? k : nil
            }
            k -= 1
        }
        return nil
    }

    /// The subject mentions before token `i`: the nearest mention that can act, and those
    /// coordinated with it ("X and Y met"). Objects of an earlier verb pass on that verb's subject.
    func subjects(before i: Int, limit: Int = 30) -> [Int] {
        if let speech = speechVerb(coordinatedWith: i) {
            let speakers = subjects(before: speech, limit: limit)
            if !speakers.isEmpty { return speakers }
        }
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
            // "challenged by X, whose audit accused Y": the antecedent acts, whatever X is the object of.
            if owner[k] == nil, tokens[k].key == "whose", k > 0, tokens[k - 1].key == ",", i - k <= 4 {
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
                if canBeSubject(m) || (relativeAntecedent && !mentions[m].isLocation) {
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
    /// `k`, when there is one within 24 tokens and no other comma between.
    func relativeClauseOpening(closingAt k: Int) -> Int? {
        var j = k - 1
        while j > 0, j >= k - 24 {
            if tokens[j].key == "," {
                return j + 1 < k && (Self.relativePronouns.contains(tokens[j + 1].key) || tokens[j + 1].key == "whose") ? j : nil
            }
            if [";", ":"].contains(tokens[j].key) { return nil }
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
}
