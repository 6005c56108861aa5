import ActorGraphCore
import Foundation

/// Where a sentence names actors: the graph's names and aliases, titles, places, proposals.
extension Run {
    // MARK: Mentions

    mutating func addMention(_ m: Mention) {
        guard m.range.allSatisfy({ owner[$0] == nil }) else { return }
        for k in m.range { owner[k] = mentions.count }
        mentions.append(m)
    }

    func previousKey(_ i: Int) -> String { i > 0 ? tokens[i - 1].key : "" }

    /// Whether the mention starting at `i` names a place: after "in", "at", "from"…; for a
    /// nationality with a government noun also with "the" between ("in the Iraqi state").
    func isPlace(_ i: Int, throughThe: Bool = false) -> Bool {
        var k = i - 1
        // "in northern Iraq", "across southern and eastern Syria": a region of the place.
        while k >= 0, Self.regionWords.contains(tokens[k].key) { k -= 1 }
        if throughThe, k >= 0, tokens[k].key == "the" { k -= 1 }
        return k >= 0 && Self.locationPrepositions.contains(tokens[k].key)
    }

    static let mediaNouns: Set<String> = [
        "news", "media", "television", "tv", "radio", "newspaper", "newspapers", "agency", "broadcaster", "press",
        "outlets", "outlet", "daily", "channel",
    ]

    static let regionWords: Set<String> = [
        "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
        "southwestern", "north", "south", "east", "west", "rural", "coastal", "and",
    ]

    func kind(of id: ActorID) -> ActorKind {
        dictionary.kinds[id] ?? proposals[id]?.kind ?? .group
    }

    mutating func propose(_ name: String, kind: ActorKind, country: String?, rule: String) -> ActorID {
        let id = ActorID("new-" + Slug.make(name))
        if proposals[id] == nil {
            proposals[id] = ProposedActor(id: id, name: name, kind: kind, country: country, rule: rule)
        }
        return id
    }

    mutating func findMentions(_ sentenceIndex: Int) {
        let n = tokens.count
        var pending: [Mention] = []
        var i = 0
        // 1. Names from the graph and the gazetteer; longest first, the graph on ties.
        while i < n {
            guard tokens[i].kind == .word else { i += 1; continue }
            let named = dictionary.matchActor(tokens, at: i)
            let state = dictionary.matchState(tokens, at: i)
            if let (length, actor) = named, length >= (state?.0 ?? 0) {
                let k = kind(of: actor)
                let isLocation = k == .government && isPlace(i)
                let isSurname = dictionary.byFirst[tokens[i].key]?.first { $0.actor == actor && $0.words.count == length }?.rule == .surname
                // A person's title and nationality belong to the mention: "Iraqi Prime Minister X".
                let start = k == .person ? titleStart(before: i) : i
                // "Velt targets": a government's armed forces, when the graph has them.
                if !isLocation, let forces = dictionary.armedForces[actor],
                   let l = CueIndex.longest(extractor.cues.armedNouns, tokens, at: i + length) {
                    addMention(Mention(actor: forces, range: i..<(i + length + l), rule: .name, isLocation: false,
                                       kind: kind(of: forces), certainty: 0.9))
                    i += length + l
                    continue
                }
                addMention(Mention(actor: actor, range: start..<(i + length), rule: isSurname ? .surname : .name,
                                   isLocation: isLocation, kind: k, certainty: isSurname ? 0.9 : 1))
                i += length
                continue
            }
            // "Haftar" when the graph has two Haftars: the one the article named first.
            if named == nil, state == nil, tokens[i].isCapitalized, let shared = dictionary.sharedNames[tokens[i].key] {
                var resolved: (Int, ActorID)?
                for (words, actors) in shared where i + words.count <= n
                    && words.indices.allSatisfy({ tokens[i + $0].key == words[$0] && tokens[i + $0].isCapitalized }) {
                    // The one the article named first: a writer names the principal by surname and
                    // the other by full name each time.
                    let earlier = history.map(\.actor) + mentions.filter { $0.range.upperBound <= i }.map(\.actor)
                    if let actor = earlier.first(where: { actors.contains($0) }) { resolved = (words.count, actor) }
                }
                if let (length, actor) = resolved {
                    addMention(Mention(actor: actor, range: i..<(i + length), rule: .surname, isLocation: false,
                                       kind: kind(of: actor), certainty: 0.8))
                    i += length
                    continue
                }
            }
            if let (length, entry) = state {
                if entry.isAdjective {
                    // "the Iraqi government", "Hungarian and Romanian officials"
                    var chain = [(i, length, entry.code)]
                    var k = i + length
                    while k + 1 < n, tokens[k].key == "and" || tokens[k].key == ",",
                          let (l2, e2) = dictionary.matchState(tokens, at: k + 1), e2.isAdjective {
                        chain.append((k + 1, l2, e2.code))
                        k = k + 1 + l2
                    }
                    // "the Iraqi prime minister": the one person holding that role in the government.
                    if chain.count == 1, let titleLength = CueIndex.longest(extractor.cues.titles, tokens, at: k),
                       !(k + titleLength < n && tokens[k + titleLength].isCapitalized && tokens[k + titleLength].kind == .word) {
                        let government = dictionary.stateActor(entry.code, proposals: &proposals)
                        if let person = dictionary.holder(of: government, role: tokens[k..<(k + titleLength)].map(\.key)) {
                            addMention(Mention(actor: person, range: i..<(k + titleLength), rule: .role, isLocation: false,
                                               kind: .person, certainty: 0.85))
                            i = k + titleLength
                            continue
                        }
                    }
                    // "Veltan positions", "Veltan troops": the state's armed forces when the graph has them.
                    if chain.count == 1, let l = CueIndex.longest(extractor.cues.armedNouns, tokens, at: k) {
                        let state = dictionary.stateActor(entry.code, proposals: &proposals)
                        let actor = dictionary.armedForces[state] ?? state
                        addMention(Mention(actor: actor, range: i..<(k + l), rule: .adjective, isLocation: isPlace(i, throughThe: true),
                                           kind: kind(of: actor), certainty: 0.85))
                        i = k + l
                        continue
                    }
                    if let nounLength = CueIndex.longest(extractor.cues.governmentNouns, tokens, at: k)
                        ?? (chain.count == 1 ? CueIndex.longest(extractor.cues.assetNouns, tokens, at: k) : nil) {
                        let after = k + nounLength
                        let nameFollows = after < n && tokens[after].isCapitalized && tokens[after].kind == .word
                            && CueIndex.longest(extractor.cues.titles, tokens, at: k) != nil
                        if !nameFollows {
                            for (index, link) in chain.enumerated() {
                                let actor = dictionary.stateActor(link.2, proposals: &proposals)
                                let end = index == chain.count - 1 ? after : link.0 + link.1
                                addMention(Mention(actor: actor, range: link.0..<end, rule: .adjective,
                                                   isLocation: index == 0 && isPlace(link.0, throughThe: true), kind: .government, certainty: 0.9))
                            }
                            i = after
                            continue
                        }
                    }
                    // "pro-Iranian", "anti-American", "Iranian-funded": the adjective names the state.
                    if Self.compoundPrefix(tokens, at: i) || (i + length < n && tokens[i + length].hyphenBefore
                                                              && tokens[i + length].key.hasSuffix("ed")) {
                        let actor = dictionary.stateActor(entry.code, proposals: &proposals)
                        addMention(Mention(actor: actor, range: i..<(i + length), rule: .adjective, isLocation: false,
                                           kind: .government, certainty: 0.85))
                    } else if chain.count == 1, actsThroughNoun(after: i + length) {
                        // "the Arlandian strikes on X", "Arlandian air raids": the state acts.
                        addMention(Mention(actor: dictionary.stateActor(entry.code, proposals: &proposals), range: i..<(i + length),
                                           rule: .adjective, isLocation: false, kind: .government, certainty: 0.85))
                    }
                    i += length
                    continue
                }
                // A state or capital named; not when it starts a longer proper name ("Tehran Times").
                let after = i + length
                let startsName = !Self.compoundPrefix(tokens, at: i) && after < n && tokens[after].kind == .word && tokens[after].isCapitalized
                    && !tokens[after].hyphenBefore && dictionary.matchActor(tokens, at: after) == nil
                    && dictionary.matchState(tokens, at: after) == nil
                    && !Self.locationPrepositions.contains(previousKey(i))
                if !startsName {
                    var actor = dictionary.stateActor(entry.code, proposals: &proposals)
                    var after = after
                    // "US positions": the state's armed forces, when the graph has them.
                    if !isPlace(i), let forces = dictionary.armedForces[actor],
                       let l = CueIndex.longest(extractor.cues.armedNouns, tokens, at: after) {
                        actor = forces
                        after += l
                    }
                    addMention(Mention(actor: actor, range: i..<after, rule: entry.isCapital ? .capital : .state,
                                       isLocation: isPlace(i),
                                       kind: kind(of: actor), certainty: entry.isCapital ? 0.85 : 0.95))
                }
                i = after
                continue
            }
            if let next = descriptionMention(at: i) {
                i = next
                continue
            }
            i += 1
        }
        // 2. Titles before unknown names: "Prime Minister X" → a proposed person.
        i = 0
        while i < n {
            guard owner[i] == nil, tokens[i].isCapitalized,
                  let length = CueIndex.longest(extractor.cues.titles, tokens, at: i) else { i += 1; continue }
            var k = i + length
            let start = k
            while k < n, owner[k] == nil, tokens[k].kind == .word, k - start < 4,
                  tokens[k].isCapitalized || (["al", "bin", "ibn", "abu", "el", "bint"].contains(tokens[k].key) && k > start) {
                k += 1
            }
            if k > start, tokens[k - 1].isCapitalized {
                let name = String(text[tokens[start].range.lowerBound..<tokens[k - 1].range.upperBound])
                var country: String?
                if i > 0, let (_, e) = dictionary.matchState(tokens, at: i - 1), e.isAdjective, !e.code.hasPrefix("actor:") { country = e.code }
                let id = propose(name, kind: .person, country: country, rule: "person-title")
                addMention(Mention(actor: id, range: start..<k, rule: .title, isLocation: false, kind: .person, certainty: 0.8))
            }
            i = max(k, i + 1)
        }
        // 3. Unknown organisations by their head word: "… Brigades", "Ministry of …".
        i = 0
        while i < n {
            guard owner[i] == nil, tokens[i].kind == .word, tokens[i].isCapitalized else { i += 1; continue }
            var start = i
            if tokens[i].key == "the" { start += 1 }
            var k = start
            while k < n, owner[k] == nil, tokens[k].kind == .word,
                  tokens[k].isCapitalized || (["of", "for", "the", "al", "el"].contains(tokens[k].key) && k > start) {
                k += 1
            }
            while k > start, !tokens[k - 1].isCapitalized { k -= 1 }
            if k - start >= 2 {
                let heads = (start..<k).compactMap { extractor.lexicon.organizationHeads[tokens[$0].key] }
                if let kind = heads.last {
                    let name = String(text[tokens[start].range.lowerBound..<tokens[k - 1].range.upperBound])
                    var country: String?
                    if let (_, e) = dictionary.matchState(tokens, at: start), e.isAdjective, !e.code.hasPrefix("actor:") { country = e.code }
                    let id = propose(name, kind: kind, country: country, rule: "organization-pattern")
                    addMention(Mention(actor: id, range: start..<k, rule: .pattern, isLocation: false, kind: kind, certainty: 0.8))
                }
            }
            i = max(k, i + 1)
        }
        // The dateline ("HAVANA, March 3 (Agency) -"): its state is where the story is told from,
        // and "the government" of the story is its government unless the sentence names another.
        if sentenceIndex <= 3, datelineActor == nil, n > 1, tokens[0].isAllCaps, let first = owner[0],
           mentions[first].kind == .government, mentions[first].range.upperBound < n,
           [",", "(", "-", "\u{2014}", "\u{2013}"].contains(tokens[mentions[first].range.upperBound].key) {
            datelineActor = mentions[first].actor
            mentions[first].isLocation = true
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
            if range.upperBound < n, Self.mediaNouns.contains(tokens[range.upperBound].key)
                || (words.count >= 2 && extractor.cues.agentNouns.contains(tokens[range.upperBound].key)
                    && !tokens[range.upperBound].isCapitalized) { continue }
            guard range.allSatisfy({ owner[$0] == nil }) else { continue }
            let before = mentions.filter { $0.range.upperBound <= i && !$0.isLocation && $0.rule != .anaphora }
                .sorted { $0.range.lowerBound < $1.range.lowerBound }
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
            } else if let h = history.last(where: { kinds.contains($0.kind) && named($0.actor) && sentenceIndex - $0.sentence <= 8 }) {
                resolved = (h.actor, h.kind)
            } else if let m = before.last(where: { kinds.contains($0.kind) }) {
                resolved = (m.actor, m.kind)
            } else if let h = history.last(where: { kinds.contains($0.kind) && sentenceIndex - $0.sentence <= 3 }) {
                resolved = (h.actor, h.kind)
            }
            if var (actor, kind) = resolved {
                if ["army", "military"].contains(words.last!), let forces = dictionary.armedForces[actor] {
                    actor = forces; kind = self.kind(of: forces)
                }
                pending.append(Mention(actor: actor, range: range, rule: .anaphora, isLocation: false, kind: kind, certainty: 0.75))
            }
        }
        for m in pending { addMention(m) }
        findRoleHolders()
    }

    /// Whether token `i` follows "pro-" or "anti-".
    static func compoundPrefix(_ tokens: [Token], at i: Int) -> Bool {
        i > 0 && tokens[i].hyphenBefore && (tokens[i - 1].key == "pro" || tokens[i - 1].key == "anti")
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

    /// Nouns for what a person leads: "Kiir's government", "Cirillo's fighters".
    static let ledNouns: Set<String> = [
        "government", "administration", "cabinet", "regime", "army", "forces", "troops", "military", "fighters",
        "militia", "militias", "men", "loyalists", "movement", "party", "group", "rebels",
    ]

    /// "Kiir's government accuses X", "Cirillo's fighters clashed with Y": a person's
    /// government or fighters are the group the person belongs to in the graph (their
    /// memberOf; a state's armed forces for armed nouns when the graph has them).
    mutating func personsGroups() {
        for (index, m) in mentions.enumerated() where m.kind == .person {
            let end = m.range.upperBound
            guard end + 1 < tokens.count, tokens[end].kind == .possessive, owner[end + 1] == nil,
                  Self.ledNouns.contains(tokens[end + 1].key), let groups = dictionary.groups[m.actor], !groups.isEmpty else { continue }
            let armed = ["army", "forces", "troops", "military", "fighters", "militia", "militias", "men", "rebels"].contains(tokens[end + 1].key)
            let ordered = groups.sorted { $0.rawValue < $1.rawValue }
            guard var group = ordered.first(where: { kind(of: $0) == .government }) ?? ordered.first else { continue }
            if armed, let forces = dictionary.armedForces[group] { group = forces }
            mentions[index].actor = group
            mentions[index].kind = kind(of: group)
            mentions[index].certainty = min(m.certainty, 0.85)
            mentions[index].range = m.range.lowerBound..<(end + 2)
            owner[end] = index
            owner[end + 1] = index
        }
    }

    /// Descriptions of the two parties of a story and the kinds they fit: "the two sides",
    /// "both countries".
    static let pairDescriptions: [([String], Set<ActorKind>)] = [
        (["the", "two", "sides"], [.government, .militia, .organization, .group, .international]),
        (["both", "sides"], [.government, .militia, .organization, .group, .international]),
        (["the", "two", "countries"], [.government]), (["both", "countries"], [.government]),
        (["the", "two", "neighbours"], [.government]), (["the", "two", "neighbors"], [.government]),
        (["the", "two", "governments"], [.government]), (["both", "governments"], [.government]),
        (["the", "two", "leaders"], [.person]), (["both", "leaders"], [.person]), (["the", "two", "men"], [.person]),
        (["the", "two", "ministers"], [.person]), (["the", "two", "presidents"], [.person]),
        (["the", "two", "foreign", "ministers"], [.person]), (["the", "two", "prime", "ministers"], [.person]),
        (["the", "two", "groups"], [.militia, .organization, .group]), (["the", "two", "factions"], [.militia, .organization, .group]),
        (["the", "two", "movements"], [.militia, .organization]), (["the", "two", "rivals"], [.government, .militia, .organization, .person]),
    ]

    /// "The two countries agreed a ceasefire", "talks between the two sides": the two actors of
    /// fitting kinds named last (this sentence, then the three before), as if coordinated.
    mutating func pairedDescriptions(_ sentenceIndex: Int) {
        let n = tokens.count
        for i in 0..<n where owner[i] == nil {
            guard let (words, kinds) = Self.pairDescriptions.first(where: { entry in
                i + entry.0.count <= n && entry.0.indices.allSatisfy { tokens[i + $0].key == entry.0[$0] && owner[i + $0] == nil }
            }) else { continue }
            var picked: [(ActorID, ActorKind)] = []
            let earlier = mentions.filter { $0.range.upperBound <= i && !$0.isLocation }.reversed().map { ($0.actor, $0.kind) }
                + history.reversed().filter { sentenceIndex - $0.sentence <= 3 }.map { ($0.actor, $0.kind) }
            for (actor, kind) in earlier where kinds.contains(kind) && !picked.contains(where: { $0.0 == actor }) {
                picked.append((actor, kind))
                if picked.count == 2 { break }
            }
            guard picked.count == 2 else { continue }
            let range = i..<(i + words.count)
            let first = mentions.count
            addMention(Mention(actor: picked[1].0, range: range, rule: .anaphora, isLocation: false, kind: picked[1].1, certainty: 0.7))
            mentions.append(Mention(actor: picked[0].0, range: range.lowerBound..<range.lowerBound, rule: .anaphora,
                                    isLocation: false, kind: picked[0].1, certainty: 0.7))
            pairIndex[first] = mentions.count - 1
        }
    }

    static let stateForceModifiers: Set<String> = ["army", "military", "government", "security", "federal"]
    static let stateForceHeads: Set<String> = [
        "position", "positions", "base", "bases", "post", "posts", "convoy", "convoys", "garrison", "garrisons",
        "checkpoint", "checkpoints", "forces", "troops", "soldiers", "patrol", "patrols", "unit", "units", "barracks",
        "outpost", "outposts",
    ]

    /// "an army position", "government forces", "a military convoy": with no state named, the
    /// forces of the dateline's state (its armed forces when the graph has them), lower certainty.
    mutating func datelineForces() {
        guard let state = datelineActor else { return }
        let actor = dictionary.armedForces[state] ?? state
        for i in 0..<tokens.count where owner[i] == nil && Self.stateForceModifiers.contains(tokens[i].key) && !tokens[i].isCapitalized {
            guard i + 1 < tokens.count, owner[i + 1] == nil, Self.stateForceHeads.contains(tokens[i + 1].key) else { continue }
            // not "rebel army positions", "Wagner's army": only an article or nothing before it
            if i > 0, owner[i - 1] != nil || tokens[i - 1].kind == .possessive { continue }
            addMention(Mention(actor: actor, range: i..<(i + 2), rule: .anaphora, isLocation: false,
                               kind: kind(of: actor), certainty: 0.7))
        }
    }
}
