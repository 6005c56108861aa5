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
            // "Anutin said": a given name alone, once the full name has appeared, when no
            // capitalized word follows (that would be another person's full name).
            if named == nil, state == nil, tokens[i].isCapitalized, !tokens[i].isAllCaps, let actor = dictionary.givenNames[tokens[i].key],
               i + 1 == n || !(tokens[i + 1].isCapitalized && tokens[i + 1].kind == .word),
               history.contains(where: { $0.actor == actor }) || mentions.contains(where: { $0.actor == actor && $0.range.upperBound <= i }) {
                addMention(Mention(actor: actor, range: i..<(i + 1), rule: .surname, isLocation: false, kind: .person, certainty: 0.8))
                i += 1
                continue
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
                    // "in the Tanzanian city of Arusha": a place in the state, named by its adjective.
                    if chain.count == 1, k + 2 < n, Self.settlementNouns.contains(tokens[k].key), tokens[k + 1].key == "of",
                       tokens[k + 2].isCapitalized, tokens[k + 2].kind == .word, owner[k + 2] == nil, isPlace(i, throughThe: true) {
                        var end = k + 3
                        while end < n, end < k + 5, tokens[end].isCapitalized, tokens[end].kind == .word, owner[end] == nil,
                              dictionary.matchState(tokens, at: end) == nil, dictionary.matchActor(tokens, at: end) == nil { end += 1 }
                        addMention(Mention(actor: dictionary.stateActor(entry.code, proposals: &proposals), range: i..<end,
                                           rule: .adjective, isLocation: true, kind: .government, certainty: 0.85))
                        i = end
                        continue
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
                        // "Thai and Cambodian soldiers": a chain's armed people are its states'.
                        ?? CueIndex.longest(chain.count == 1 ? extractor.cues.assetNouns : extractor.cues.armedNouns, tokens, at: k) {
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
        titledPersons()
        unknownOrganizations()
        for m in anaphoraMentions(sentenceIndex) { addMention(m) }
        findRoleHolders()
    }

    /// Whether token `i` follows "pro-" or "anti-".
    static func compoundPrefix(_ tokens: [Token], at i: Int) -> Bool {
        i > 0 && tokens[i].hyphenBefore && (tokens[i - 1].key == "pro" || tokens[i - 1].key == "anti")
    }
}
