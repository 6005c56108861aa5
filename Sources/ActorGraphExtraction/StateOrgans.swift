import ActorGraphCore
import Foundation

/// A state's police, navy, gendarmerie and coast guard when the graph lists them as actors of
/// their own (docs/EXTRACTION.md, "State organs"): "Spanish police", "Finnish warships", "Police
/// said…" in a story datelined in that state.
extension ActorDictionary {
    /// The organ a word of an actor's name or alias makes it.
    static let organNameWords: [(organ: String, words: [String])] = [
        ("police", ["police"]), ("navy", ["navy"]), ("navy", ["naval"]), ("gendarmerie", ["gendarmerie"]),
        ("coastguard", ["coastguard"]), ("coastguard", ["coast", "guard"]),
    ]

    /// Each state's organs: an actor (not a person) named with an organ's word, of the state by its
    /// country code or its membership; only when one actor is that organ of that state.
    /// - Complexity: O(a·w) for the actors a and the words of their names w.
    mutating func findOrgans(graph: ActorGraph) {
        var found: [String: [String: Set<ActorID>]] = [:]
        for actor in graph.actors where actor.kind != .person {
            guard let code = countries[actor.id] else { continue }
            let names = ([actor.name] + actor.aliases).map { Token.words($0) }
            let organ = Self.organNameWords.first { entry in
                names.contains { words in
                    words.count >= entry.words.count
                        && (0...(words.count - entry.words.count)).contains { Array(words[$0..<($0 + entry.words.count)]) == entry.words }
                }
            }?.organ
            if let organ { found[code, default: [:]][organ, default: []].insert(actor.id) }
        }
        for (code, byOrgan) in found {
            for (organ, ids) in byOrgan where ids.count == 1 { organs[code, default: [:]][organ] = ids.first! }
        }
    }

    /// Whether the actor is a state's organ: never the antecedent of "the government" or "both
    /// governments", whatever kind the graph gives it.
    func isOrgan(_ actor: ActorID) -> Bool { organs.values.contains { $0.values.contains(actor) } }
}

extension Run {
    /// Nouns for a state's organs in text, longest first.
    static let organNouns: [(words: [String], organ: String)] = [
        (["riot", "police"], "police"), (["police", "officers"], "police"), (["police", "officer"], "police"),
        (["police"], "police"), (["policemen"], "police"), (["policewomen"], "police"),
        (["gendarmes"], "gendarmerie"), (["gendarmerie"], "gendarmerie"),
        (["naval", "forces"], "navy"), (["naval", "vessels"], "navy"), (["navy"], "navy"), (["warships"], "navy"),
        (["warship"], "navy"), (["frigates"], "navy"), (["frigate"], "navy"),
        (["coast", "guard"], "coastguard"), (["coastguard"], "coastguard"),
    ]
    /// Words before an organ's noun that make it another's ("military police", "its coast guard").
    static let otherOrgans: Set<String> = [
        "military", "border", "secret", "religious", "morality", "moral", "tribal", "private", "rebel", "militia", "to",
        "its", "their", "his", "her", "our", "my", "your", "whose",
    ]
    /// Organs whose noun alone names the state's: police and gendarmes act at home; a warship may be
    /// anyone's, so "the navy" needs its article.
    static let homeOrgans: Set<String> = ["police", "gendarmerie", "coastguard"]

    /// Whether a government actor is a state itself: not an organ, not a member of another body
    /// (a ministry), or a proposed state.
    func isState(_ actor: ActorID) -> Bool {
        proposals[actor] != nil || (!dictionary.isOrgan(actor) && (dictionary.groups[actor]?.isEmpty ?? true))
    }

    func organNoun(at i: Int) -> (length: Int, organ: String)? {
        for entry in Self.organNouns where i + entry.words.count <= tokens.count
            && entry.words.indices.allSatisfy({ tokens[i + $0].key == entry.words[$0] }) {
            return (entry.words.count, entry.organ)
        }
        return nil
    }

    /// The state organs a sentence names, when the graph lists them:
    /// - a state named before the organ's noun ("Spanish police", "Uruguay's navy"): that mention
    ///   of the state is its organ;
    /// - the noun alone ("Police said…", "the navy"), or before "in" and a place ("police in
    ///   Kampala"): that place's state's organ, else the dateline state's; with neither, the one
    ///   organ of that kind in the graph. Police, gendarmes and coast guards only, and "the navy".
    /// - Complexity: O(n + m) for the sentence's tokens n and mentions m.
    mutating func stateOrganMentions() {
        guard !dictionary.organs.isEmpty else { return }
        let n = tokens.count
        for m in mentions.indices where mentions[m].kind == .government && !mentions[m].isLocation {
            let r = mentions[m].range
            guard let code = country(of: mentions[m].actor), isState(mentions[m].actor) else { continue }
            for start in stride(from: r.lowerBound + 1, to: r.upperBound, by: 1) {
                guard let (length, organ) = organNoun(at: start), start + length == r.upperBound,
                      let actor = dictionary.organs[code]?[organ] else { continue }
                mentions[m].actor = actor
                mentions[m].kind = kind(of: actor)
                break
            }
        }
        var i = 0
        while i < n {
            guard owner[i] == nil, let (length, organ) = organNoun(at: i) else { i += 1; continue }
            defer { i += length }
            // "Chile's navy": the state's organ, in place of the state
            if i >= 2, tokens[i - 1].kind == .possessive, let q = owner[i - 2], mentions[q].kind == .government,
               !mentions[q].isLocation, let code = country(of: mentions[q].actor), isState(mentions[q].actor),
               let actor = dictionary.organs[code]?[organ] {
                mentions[q].actor = actor
                mentions[q].kind = kind(of: actor)
                continue
            }
            guard Self.homeOrgans.contains(organ) || (tokens[i].key == "navy" && i > 0 && tokens[i - 1].key == "the") else { continue }
            if i > 0 {
                let before = tokens[i - 1]
                if owner[i - 1] != nil || before.kind == .possessive || Self.otherOrgans.contains(before.key)
                    || (before.isCapitalized && i > 1) { continue }
                // "Estonian navy and police officers": the nationality covers both
                if ["and", "or"].contains(before.key), i > 1, owner[i - 2] != nil { continue }
            }
            var code: String?
            let after = i + length
            if after + 1 < n, tokens[after].key == "in", let q = owner[after + 1], mentions[q].kind == .government {
                code = country(of: mentions[q].actor)
            }
            if code == nil, let d = datelineActor { code = country(of: d) }
            var actor = code.flatMap { dictionary.organs[$0]?[organ] }
            if actor == nil, code == nil {
                let all = dictionary.organs.values.compactMap { $0[organ] }
                if all.count == 1 { actor = all[0] }
            }
            guard let actor else { continue }
            addMention(Mention(actor: actor, range: i..<after, rule: .anaphora, isLocation: false,
                               kind: kind(of: actor), certainty: 0.75))
        }
    }
}
