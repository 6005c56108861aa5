import ActorGraphCore
import Foundation

/// Passes over a sentence's mentions after they are found: titled modifiers, a person's body,
/// "the two sides", the dateline's forces.
extension Run {
    /// The dateline's state, then anaphora ("the group", "he", "the federal army") resolved to the
    /// last fitting actor: the mentions to add.
    /// - Complexity: O(n·a) for the sentence's tokens n and the anaphora entries a at a token.
    mutating func anaphoraMentions(_ sentenceIndex: Int) -> [Mention] {
        let n = tokens.count
        var pending: [Mention] = []
        // The dateline ("HAVANA, March 3 (Agency) -"): its state is where the story is told from,
        // and "the government" of the story is its government unless the sentence names another.
        if sentenceIndex <= 3, datelineActor == nil, n > 1, tokens[0].isAllCaps, let first = owner[0],
           mentions[first].kind == .government, mentions[first].range.upperBound < n,
           [",", "(", "-", "\u{2014}", "\u{2013}"].contains(tokens[mentions[first].range.upperBound].key) {
            datelineActor = mentions[first].actor
            mentions[first].isLocation = true
        }
        // "QUETTA, Pakistan, Nov 2 (Agency) -", "BANDA ACEH, Indonesia": a city, then its state.
        if sentenceIndex <= 3, datelineActor == nil, tokens.first?.isAllCaps == true {
            var k = 0
            // "ST. PETERSBURG": a full stop inside the city's name
            while k < min(n, 6), tokens[k].isAllCaps && tokens[k].kind == .word
                    || (tokens[k].key == "." && k > 0 && k + 1 < n && tokens[k + 1].isAllCaps && tokens[k + 1].kind == .word) { k += 1 }
            if k + 2 < n, tokens[k].key == ",", let q = owner[k + 1], mentions[q].range.lowerBound == k + 1,
               mentions[q].kind == .government, tokens[k + 1].key != "georgia", isDatelineEnd(mentions[q].range.upperBound) {
                datelineActor = mentions[q].actor
                for m in mentions.indices where mentions[m].range.lowerBound <= k + 1 { mentions[m].isLocation = true }
            }
        }
        // 4. Anaphora: "the group", "he" → the last fitting actor.
        for i in 0..<n where owner[i] == nil {
            guard let list = extractor.cues.anaphora[tokens[i].key] else { continue }
            // "the federal army", "the transitional government": up to two modifiers after "the".
            func skipped(_ entry: [String]) -> Int? {
                for skip in 0...(entry.count >= 2 && entry[0] == "the" ? 2 : 0) {
                    guard i + entry.count + skip <= n else { return nil }
                    // Lower-case modifiers only: "the Jewish state", "the Arab country" are epithets
                    // that need not point to the last state named.
                    if skip > 0, !(1...skip).allSatisfy({ owner[i + $0] == nil && tokens[i + $0].kind == .word && !tokens[i + $0].isCapitalized
                        && !Self.prepositions.contains(tokens[i + $0].key) && !Self.articles.contains(tokens[i + $0].key) }) { return nil }
                    if entry.indices.allSatisfy({ tokens[i + ($0 == 0 ? 0 : $0 + skip)].key == entry[$0] }) { return skip }
                }
                return nil
            }
            guard let (words, kinds, skip) = list.compactMap({ entry in skipped(entry.0).map { (entry.0, entry.1, $0) } })
                .max(by: { ($0.0.count, -$0.2) < ($1.0.count, -$1.2) }) else { continue }
            let range = i..<(i + words.count + skip)
            // "the state news agency", "the government media": a modifier of a noun, no reference.
            // "the military rulers of X", "the army chief": a noun for people after it too.
            if range.upperBound < n, Self.mediaNouns.contains(tokens[range.upperBound].key) || Self.compoundHeads.contains(tokens[range.upperBound].key)
                || (words.count >= 2 && extractor.cues.agentNouns.contains(tokens[range.upperBound].key)
                    && !tokens[range.upperBound].isCapitalized) { continue }
            guard range.allSatisfy({ owner[$0] == nil }) else { continue }
            // "The transitional president, General X, …", "the main opposition party, Fretilin,":
            // a description named right after it is that name's (or nobody the graph knows).
            if words.count >= 2, range.upperBound + 1 < n, tokens[range.upperBound].key == "," {
                var k = range.upperBound + 1
                while k < n, owner[k] == nil, let l = CueIndex.longest(extractor.cues.titles, tokens, at: k) { k += l }
                if k < n, tokens[k].isCapitalized, tokens[k].kind == .word {
                    if let m = owner[k], kinds.contains(mentions[m].kind) {
                        pending.append(Mention(actor: mentions[m].actor, range: range, rule: .anaphora, isLocation: false,
                                               kind: mentions[m].kind, certainty: 0.8))
                        continue
                    }
                    // a name the graph does not know: nobody; a known one of another kind
                    // ("… with the government, President X said") leaves the description alone
                    if owner[k] == nil { continue }
                }
            }
            var before = mentions.filter { $0.range.upperBound <= i && !$0.isLocation && $0.rule != .anaphora && fits($0.actor, description: words) }
                .sorted { $0.range.lowerBound < $1.range.lowerBound }
            // "Y received him", "X met Y, who hosted her": an object pronoun is never its own
            // clause's subject, so that subject is no antecedent here or in earlier sentences.
            var clauseSubject: ActorID?
            if words.count == 1, isObjectPronoun(i), let last = before.last, isSubjectOfVerbBefore(last.range.upperBound, i) {
                // "X, a close ally of Y, called him": the apposition's head is the subject, not Y
                var subject = last.actor
                if last.range.upperBound < n, tokens[last.range.upperBound].key == ",",
                   let open = appositionOpening(closingAt: last.range.upperBound), open > 0, let head = owner[open - 1] {
                    subject = mentions[head].actor
                }
                clauseSubject = subject
                before.removeAll { $0.actor == subject }
            }
            var resolved: (ActorID, ActorKind)?
            // "the front", "the brigades": an actor whose name has that head word comes first.
            let head = words.count >= 2 ? words.last! : nil
            func named(_ actor: ActorID) -> Bool {
                guard let head else { return false }
                return dictionary.nameWords[actor]?.contains(head) ?? (proposals[actor].map { Token.words($0.name).contains(head) } ?? false)
            }
            // "During his visit to X, Prime Minister Y said…": the pronoun points forward.
            if words.count == 1, before.isEmpty, n > 0, Self.prepositions.contains(tokens[0].key) || tokens[0].key == "during"
                || tokens[0].key == "while" || tokens[0].key == "following" || tokens[0].key == "upon",
               let comma = (i..<n).first(where: { tokens[$0].key == "," }),
               let next = mentions.filter({ $0.range.lowerBound > comma && !$0.isLocation }).min(by: { $0.range.lowerBound < $1.range.lowerBound }),
               kinds.contains(next.kind) {
                resolved = (next.actor, next.kind)
            } else if let d = datelineActor, ["government", "authorities", "army", "military"].contains(words.last!),
                      !before.contains(where: { $0.kind == .government }) {
                resolved = (d, .government)
            } else if let m = before.last(where: { kinds.contains($0.kind) && named($0.actor) }) {
                resolved = (m.actor, m.kind)
            } else if let h = history.last(where: { kinds.contains($0.kind) && named($0.actor) && sentenceIndex - $0.sentence <= 8 && fits($0.actor, description: words)
                                                    && $0.actor != clauseSubject }) {
                resolved = (h.actor, h.kind)
            } else if let head, Self.namedOnlyHeads.contains(head) {
                // "the court", "the company": only an actor so named, never the last body named
            } else if let m = before.last(where: { kinds.contains($0.kind) }) {
                resolved = (m.actor, m.kind)
            } else if let h = history.last(where: { kinds.contains($0.kind) && sentenceIndex - $0.sentence <= 3 && $0.actor != clauseSubject && fits($0.actor, description: words) }) {
                resolved = (h.actor, h.kind)
                // "X met Y. He said…": a pronoun continues the last sentence's first fitting
                // actor (its subject, most often), not the last one named.
                if words.count == 1, let first = history.first(where: { $0.sentence == h.sentence && kinds.contains($0.kind) && $0.actor != clauseSubject && fits($0.actor, description: words) }) {
                    resolved = (first.actor, first.kind)
                }
            }
            if var (actor, kind) = resolved {
                if ["army", "military"].contains(words.last!), let forces = dictionary.armedForces[actor] {
                    actor = forces; kind = self.kind(of: forces)
                }
                pending.append(Mention(actor: actor, range: range, rule: .anaphora, isLocation: false, kind: kind, certainty: 0.75))
            }
        }
        return pending
    }
    /// Nouns that make a description before them a modifier ("the state budget", "the company
    /// shares"): no reference.
    static let compoundHeads: Set<String> = [
        "budget", "budgets", "oil", "company", "companies", "enterprise", "enterprises", "firm", "firms", "prosecutor",
        "prosecutors", "department", "visit", "banquet", "dinner", "funeral", "level", "owned", "run", "sector",
        "apparatus", "secrets", "secret", "property", "assets", "shares", "bonds", "debt", "coffers", "treasury",
    ]

    /// Heads of descriptions that stand only for an actor whose name has them.
    static let namedOnlyHeads: Set<String> = [
        "court", "tribunal", "parliament", "senate", "congress", "assembly", "company", "firm", "consortium",
        // round 19: monarchs and chancellors, only an actor so named ("King Abdullah II")
        "king", "queen", "sultan", "emir", "monarch", "chancellor", "prince",
    ]

    /// "him", or "her" not before a noun ("hosted her in X", "met her."): the object form.
    func isObjectPronoun(_ i: Int) -> Bool {
        if tokens[i].key == "him" { return true }
        guard tokens[i].key == "her" else { return false }
        guard i + 1 < tokens.count else { return true }
        let next = tokens[i + 1]
        return next.kind == .punctuation || Self.prepositions.contains(next.key)
            || ["and", "as", "that", "last", "this", "on", "again", "twice"].contains(next.key)
    }

    /// Whether the words from `start` up to the pronoun at `i` are only a verb group, perhaps
    /// after ", who": "Y received him", "Y, who hosted her", "Y has invited him".
    /// - Complexity: O(i − start).
    func isSubjectOfVerbBefore(_ start: Int, _ i: Int) -> Bool {
        var k = start
        if k < i, tokens[k].key == "," { k += 1 }
        if k < i, ["who", "which", "that"].contains(tokens[k].key) { k += 1 }
        guard k < i, i - k <= 5 else { return false }
        return (k..<i).allSatisfy { j in
            tokens[j].kind == .word && !tokens[j].isCapitalized && owner[j] == nil
                && (tokens[j].key == "to" || !Self.prepositions.contains(tokens[j].key))
                && !Self.articles.contains(tokens[j].key) && !["and", "or", "but", "said", "says", "told"].contains(tokens[j].key)
        }
    }

    /// "Kosovo Prime Minister Albin Kurti": a state or body named right before a title and a
    /// person is that person's modifier, not a party of its own; the person's mention takes it in.
    mutating func mergeTitledModifiers() {
        var merged = false
        for (index, m) in mentions.enumerated() where m.kind != .person && !m.isLocation {
            let end = m.range.upperBound
            guard end < tokens.count, let p = owner[end], mentions[p].kind == .person,
                  CueIndex.longest(extractor.cues.titles, tokens, at: end) != nil else { continue }
            mentions[p].range = m.range.lowerBound..<mentions[p].range.upperBound
            mentions[index].range = m.range.lowerBound..<m.range.lowerBound
            merged = true
        }
        guard merged else { return }
        mentions.removeAll { $0.range.isEmpty }
        owner = Array(repeating: nil, count: tokens.count)
        for (index, m) in mentions.enumerated() { for k in m.range { owner[k] = index } }
    }
}
