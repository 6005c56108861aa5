import ActorGraphCore
import Foundation

/// A state's police, navy, gendarmerie and coast guard when the graph lists them as actors of
/// their own (docs/EXTRACTION.md, "State organs"): "Spanish police", "Finnish warships", "Police
/// said…" in a story datelined in that state.
/// The organs the graph lists: by country code, by the body they belong to ("Dagestan's
/// police"), and all of them.
struct OrganTable {
    var byCountry: [String: [String: ActorID]] = [:]
    var byBody: [ActorID: [String: ActorID]] = [:]
    var actors: Set<ActorID> = []
    var isEmpty: Bool { actors.isEmpty }
}

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
        var byCountry: [String: [String: Set<ActorID>]] = [:]
        var byBody: [ActorID: [String: Set<ActorID>]] = [:]
        for actor in graph.actors where actor.kind != .person {
            guard let code = countries[actor.id] else { continue }
            let names = ([actor.name] + actor.aliases).map { Token.words($0) }
            let organ = Self.organNameWords.first { entry in
                names.contains { words in
                    words.count >= entry.words.count
                        && (0...(words.count - entry.words.count)).contains { Array(words[$0..<($0 + entry.words.count)]) == entry.words }
                }
            }?.organ
            guard let organ else { continue }
            byCountry[code, default: [:]][organ, default: []].insert(actor.id)
            // and of the body it belongs to: "Dagestan's police", "Catalonia's police"
            for m in actor.memberOf { byBody[m.actor, default: [:]][organ, default: []].insert(actor.id) }
        }
        // only where one actor is that organ
        func unique<Key>(_ found: [Key: [String: Set<ActorID>]]) -> [Key: [String: ActorID]] {
            found.mapValues { $0.compactMapValues { $0.count == 1 ? $0.first : nil } }.filter { !$0.value.isEmpty }
        }
        organs.byCountry = unique(byCountry)
        organs.byBody = unique(byBody)
        organs.actors = Set(organs.byCountry.values.flatMap(\.values))
    }

    /// Whether the actor is a state's organ: never the antecedent of "the government" or "both
    /// governments", whatever kind the graph gives it.
    func isOrgan(_ actor: ActorID) -> Bool { organs.actors.contains(actor) }
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
    /// Words before an organ's noun that make it another's ("military police", "its coast guard",
    /// "regional police", "Kenyan-led police"), or the word a verb ("troops who police the north").
    static let otherOrgans: Set<String> = [
        "military", "border", "secret", "religious", "morality", "moral", "tribal", "private", "rebel", "militia",
        "its", "their", "his", "her", "our", "my", "your", "whose", "regional", "provincial", "state", "local",
        "municipal", "foreign", "international", "multinational", "led", "to", "who", "that", "which", "now", "will",
        "would", "can", "could", "must", "should", "may", "might", "help", "helps", "helped",
    ]
    /// Descriptions that stand for states only: never a state's police or navy.
    static let stateWords: Set<String> = [
        "government", "governments", "country", "countries", "state", "states", "nation", "nations", "kingdom",
        "regime", "administration", "authorities", "ministry", "neighbours", "neighbors",
    ]

    /// Whether a dateline's state ends at `k`: "(Agency)", or a comma and a date ("Nov 2").
    func isDatelineEnd(_ k: Int) -> Bool {
        guard k < tokens.count else { return false }
        if tokens[k].key == "(" { return true }
        guard tokens[k].key == ",", k + 1 < tokens.count else { return false }
        let next = tokens[k + 1]
        return next.key == "(" || DateResolver.months[next.key] != nil || next.key.first?.isNumber == true
    }
    /// Organs whose noun alone names the state's: police and gendarmes act at home; a warship may be
    /// anyone's, so "the navy" needs its article.
    static let homeOrgans: Set<String> = ["police", "gendarmerie", "coastguard"]

    /// Whether a government actor is the state of its country: proposed for it, or the graph's
    /// government named like the state ("Spain", "Government of Spain", "Spanish government");
    /// not a region's government ("Catalonia") nor a ministry.
    func isState(_ actor: ActorID, _ code: String) -> Bool {
        if proposals[actor] != nil || dictionary.stateActors[code] == actor || code == "actor:" + actor.rawValue { return true }
        return dictionary.graph.actors.first { $0.id == actor }.map { dictionary.isNamedLikeState($0, code) } ?? false
    }

    /// Whether an actor may stand for a description: "the government", "both countries" (words
    /// of `stateWords`) never stand for a state's police or navy.
    func fits(_ actor: ActorID, description words: [String]) -> Bool {
        !(dictionary.isOrgan(actor) && words.contains(where: Self.stateWords.contains))
    }

    /// The organ's noun at `i`, the longest, or the one that ends at `end` when given.
    func organNoun(at i: Int, endingAt end: Int? = nil) -> (length: Int, organ: String)? {
        for entry in Self.organNouns where i + entry.words.count <= tokens.count
            && entry.words.indices.allSatisfy({ tokens[i + $0].key == entry.words[$0] })
            && (end == nil || i + entry.words.count == end) {
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
            guard let code = country(of: mentions[m].actor), isState(mentions[m].actor, code) else { continue }
            for start in stride(from: r.lowerBound + 1, to: r.upperBound, by: 1) {
                guard let (_, organ) = organNoun(at: start, endingAt: r.upperBound),
                      let actor = dictionary.organs.byCountry[code]?[organ] else { continue }
                mentions[m].actor = actor
                mentions[m].kind = kind(of: actor)
                break
            }
        }
        var i = 0
        while i < n {
            guard owner[i] == nil, let (length, organ) = organNoun(at: i) else { i += 1; continue }
            defer { i += length }
            // "Chile's navy", "Dagestan's police": the organ of the state, or of the body it belongs to
            if i >= 2, tokens[i - 1].kind == .possessive, let q = owner[i - 2], mentions[q].kind == .government,
               !mentions[q].isLocation, let code = country(of: mentions[q].actor),
               let actor = dictionary.organs.byBody[mentions[q].actor]?[organ]
                ?? (isState(mentions[q].actor, code) ? dictionary.organs.byCountry[code]?[organ] : nil) {
                mentions[q].actor = actor
                mentions[q].kind = kind(of: actor)
                continue
            }
            guard Self.homeOrgans.contains(organ) || (tokens[i].key == "navy" && i > 0 && tokens[i - 1].key == "the") else { continue }
            if i > 0 {
                let before = tokens[i - 1]
                if owner[i - 1] != nil || before.kind == .possessive || Self.otherOrgans.contains(before.key)
                    || (before.isCapitalized && before.key != "the") || before.hyphenBefore { continue }
                // "Estonian navy and police officers": the nationality covers both
                if ["and", "or"].contains(before.key), i > 1, owner[i - 2] != nil { continue }
            }
            let after = i + length
            // "the navy of X", "police there", "police the border": another's, a place unknown, a
            // verb; not "accused the police of firing"
            if after < n, ["there", "the", "a", "an"].contains(tokens[after].key) { continue }
            if after + 1 < n, tokens[after].key == "of", !tokens[after + 1].key.hasSuffix("ing") { continue }
            var code: String?
            // "police in Kampala", "police in the Chilean city of Arica": the state named there
            if after + 1 < n, tokens[after].key == "in" {
                for k in (after + 1)..<min(n, after + 5) {
                    if let q = owner[k], mentions[q].kind == .government { code = country(of: mentions[q].actor); break }
                }
            }
            // the dateline's state, unless the sentence names another state before the noun
            if code == nil, let d = datelineActor, let home = country(of: d),
               !mentions.contains(where: { $0.range.upperBound <= i && $0.kind == .government
                                            && country(of: $0.actor).map { $0 != home } ?? false }) { code = home }
            var actor = code.flatMap { dictionary.organs.byCountry[$0]?[organ] }
            if actor == nil, code == nil, datelineActor == nil {
                let all = dictionary.organs.byCountry.values.compactMap { $0[organ] }
                if all.count == 1 { actor = all[0] }
            }
            guard let actor else { continue }
            addMention(Mention(actor: actor, range: i..<after, rule: .anaphora, isLocation: false,
                               kind: kind(of: actor), certainty: 0.75))
        }
    }
}
