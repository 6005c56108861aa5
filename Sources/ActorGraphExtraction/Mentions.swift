import ActorGraphCore
import Foundation

/// An actor proposed by extraction: a name found by pattern that the graph does not hold.
public struct ProposedActor: Sendable, Hashable {
    public var id: ActorID
    public var name: String
    public var kind: ActorKind
    public var country: String?
    /// How it was found: "organization-pattern", "person-title", "state".
    public var rule: String
}

/// A place in a sentence that names an actor.
struct Mention {
    enum Rule: String { case name, surname, state, capital, adjective, title, pattern, anaphora, role }
    var actor: ActorID
    /// Token indices within the sentence.
    var range: Range<Int>
    var rule: Rule
    /// Named as a place ("in Baghdad"), not as an acting party.
    var isLocation: Bool
    var kind: ActorKind
    /// 1 for a name, less for anaphora and guesses.
    var certainty: Double
}

/// The names the extractor looks for: the graph's actors (names, aliases and their variants) and
/// the gazetteer's states.
struct ActorDictionary {
    enum CaseRule { case any, capitalized, allCaps }
    struct Entry {
        var words: [String]
        var actor: ActorID
        var caseRule: CaseRule
        var rule: Mention.Rule
    }
    struct StateEntry {
        var words: [String]
        var code: String
        var isAdjective: Bool
        var isCapital: Bool
        var caseRule: CaseRule
    }

    var byFirst: [String: [Entry]] = [:]
    /// Names several people share, by first word: the one the article named first.
    var sharedNames: [String: [(words: [String], actors: [ActorID])]] = [:]
    /// A person's given name ("Anutin" for "Anutin Charnvirakul") when no other actor's name
    /// starts with it: a reference only after the full name has appeared.
    var givenNames: [String: ActorID] = [:]
    var statesByFirst: [String: [StateEntry]] = [:]
    var kinds: [ActorID: ActorKind] = [:]
    var countries: [ActorID: String] = [:]
    let graph: ActorGraph
    let gazetteer: Gazetteer
    /// The government actor standing for each state, found or proposed.
    var stateActors: [String: ActorID] = [:]
    var stateNames: [String: String] = [:]
    /// People by the actor they belong to and their role there (folded words joined by spaces):
    /// "the Iraqi prime minister", "the group's leader". Only roles held by one person.
    var roleHolders: [ActorID: [String: ActorID]] = [:]
    /// The words of each actor's names, for anaphora with a head noun ("the front").
    var nameWords: [ActorID: Set<String>] = [:]
    /// A group's one-word plural name used as an adjective ("Sarnis" → "sarni"), read before a
    /// noun for its people or assets ("Sarni fighters"); only when no actor is named so.
    var groupAdjectives: [String: ActorID] = [:]
    /// A government's armed forces: the one actor that is its member and is named with
    /// "forces", "army", "military" or "troops" ("Veltan positions" → the Veltan Armed Forces).
    var armedForces: [ActorID: ActorID] = [:]
    /// What each actor is a member of (memberOf).
    var groups: [ActorID: Set<ActorID>] = [:]
    /// The memberOf entries themselves, with their dates.
    var memberships: [ActorID: [Membership]] = [:]
    /// A common word the graph gives one actor as an alias with "the" ("the army"): read after
    /// "the" or before an armed noun ("army positions").
    var descriptiveAliases: [String: ActorID] = [:]
    /// Police, navies, gendarmeries and coast guards the graph lists (StateOrgans.swift).
    var organs = OrganTable()

    init(graph given: ActorGraph, gazetteer: Gazetteer, stopWords: Set<String>) {
        let graph = Self.withStateCodes(given, gazetteer: gazetteer)
        self.graph = graph
        self.gazetteer = gazetteer
        var keys: [[String]: Set<ActorID>] = [:]
        var entries: [Entry] = []
        func caseRule(_ name: String, words: [String]) -> CaseRule {
            let letters = name.filter(\.isLetter)
            if words.count == 1 && letters.count <= 5 && letters.count >= 2 && letters.allSatisfy(\.isUppercase) { return .allCaps }
            if name.first(where: \.isLetter)?.isUppercase == true { return .capitalized }
            return .any
        }
        func add(_ words: [String], _ actor: ActorID, _ rule: CaseRule, _ kind: Mention.Rule) {
            guard !words.isEmpty, !(words.count == 1 && stopWords.contains(words[0])) else { return }
            keys[words, default: []].insert(actor)
            entries.append(Entry(words: words, actor: actor, caseRule: rule, rule: kind))
        }
        for actor in graph.actors {
            kinds[actor.id] = actor.kind
            nameWords[actor.id] = Set(([actor.name] + actor.aliases).flatMap { Token.words($0) })
            if let country = actor.country { countries[actor.id] = country }
            for name in [actor.name] + actor.aliases {
                var words = Token.words(name)
                if words.first == "the", words.count > 1 { words.removeFirst() }
                let rule = caseRule(name, words: words)
                add(words, actor.id, rule, .name)
                // "al-Sudani" ~ "Alsudani" ~ "Sudani"; "Kataib al-Imam Ali" ~ "Kataib Imam Ali".
                if words.contains("al") || words.contains("el") {
                    var joined: [String] = []
                    var k = 0
                    while k < words.count {
                        if (words[k] == "al" || words[k] == "el"), k + 1 < words.count {
                            joined.append(words[k] + words[k + 1]); k += 2
                        } else { joined.append(words[k]); k += 1 }
                    }
                    add(joined, actor.id, rule, .name)
                    let dropped = words.filter { $0 != "al" && $0 != "el" }
                    if dropped.count >= 2 || actor.kind == .person { add(dropped, actor.id, rule, .name) }
                }
            }
        }
        // Surnames of people: "Blinken", "al-Sudani", when no other actor shares them.
        var surnames: [[String]: Set<ActorID>] = [:]
        for actor in graph.actors where actor.kind == .person {
            for name in [actor.name] + actor.aliases {
                let words = Token.words(name)
                // three letters will do ("Eke", "Ruto"'s peers) unless the word is common English
                guard words.count >= 2, let last = words.last, last.count >= 3, !stopWords.contains(last),
                      last.count >= 4 || !Self.commonShortWords.contains(last) else { continue }
                if words.count >= 3, ["al", "el", "bin", "ibn", "abu"].contains(words[words.count - 2]) {
                    surnames[[words[words.count - 2], last], default: []].insert(actor.id)
                }
                surnames[[last], default: []].insert(actor.id)
                // "Hassan Sheikh" for "Hassan Sheikh Mohamud": the first two names of three or more.
                if words.count >= 3, !["al", "el", "bin", "ibn", "abu", "de", "van", "von"].contains(words[1]) {
                    surnames[Array(words.prefix(2)), default: []].insert(actor.id)
                }
            }
        }
        for (words, ids) in surnames where keys[words] == nil {
            if ids.count == 1 { add(words, ids.first!, .capitalized, .surname) }
            else { sharedNames[words[0], default: []].append((words, ids.sorted())) }
        }
        var given: [String: Set<ActorID>] = [:]
        for actor in graph.actors {
            for name in [actor.name] + actor.aliases {
                let words = Token.words(name)
                guard words.count >= 2, let first = words.first else { continue }
                // "Xi", "Li": two letters will do, but not a particle ("al", "de", "van")
                let particle = ["al", "el", "de", "la", "le", "du", "da", "di", "bin", "ibn", "abu", "van", "von", "der", "ben", "mc"].contains(first)
                given[first, default: []].insert(actor.kind == .person && first.count >= 2 && !particle && !stopWords.contains(first) ? actor.id : ActorID("-"))
            }
        }
        for (word, ids) in given where ids.count == 1 && ids.first! != ActorID("-") && keys[[word]] == nil && surnames[[word]] == nil {
            givenNames[word] = ids.first!
        }
        findDescriptions(graph: graph, stopWords: stopWords, names: Set(keys.keys))
        for entry in entries where keys[entry.words]!.count == 1 || entry.rule == .name {
            byFirst[entry.words[0], default: []].append(entry)
        }
        for actor in graph.actors where !actor.memberOf.isEmpty {
            groups[actor.id] = Set(actor.memberOf.map(\.actor))
            memberships[actor.id] = actor.memberOf
        }
        // People without a country belong to the country of what they are members of.
        for actor in graph.actors where actor.country == nil {
            if let country = actor.memberOf.lazy.compactMap({ m in graph.actors.first { $0.id == m.actor }?.country }).first {
                countries[actor.id] = country
            }
        }
        findOrgans(graph: graph)
        // Roles: memberOf entries with a role, when one person holds it in that actor.
        var holders: [ActorID: [String: Set<ActorID>]] = [:]
        for actor in graph.actors where actor.kind == .person {
            for m in actor.memberOf {
                guard let role = m.role, !role.isEmpty else { continue }
                holders[m.actor, default: [:]][Token.words(role).joined(separator: " "), default: []].insert(actor.id)
            }
        }
        for (group, roles) in holders {
            for (role, people) in roles where people.count == 1 { roleHolders[group, default: [:]][role] = people.first! }
        }
        // A government's alias "<Adjective> government" or "<Adjective> authorities" gives it that
        // adjective ("Dalmoran officials"), for states the gazetteer does not know.
        for actor in graph.actors where actor.kind == .government {
            for name in [actor.name] + actor.aliases {
                let words = Token.words(name)
                guard words.count == 2, ["government", "authorities", "state"].contains(words[1]),
                      name.first?.isUppercase == true, !stopWords.contains(words[0]) else { continue }
                statesByFirst[words[0], default: []].append(
                    StateEntry(words: [words[0]], code: "actor:" + actor.id.rawValue, isAdjective: true, isCapital: false,
                               caseRule: .capitalized))
            }
        }
        for state in gazetteer.states {
            for name in state.names {
                let words = Token.words(name)
                statesByFirst[words[0], default: []].append(
                    StateEntry(words: words, code: state.code, isAdjective: false, isCapital: false,
                               caseRule: caseRule(name, words: words)))
            }
            for name in state.capitals {
                let words = Token.words(name)
                statesByFirst[words[0], default: []].append(
                    StateEntry(words: words, code: state.code, isAdjective: false, isCapital: true, caseRule: .capitalized))
            }
            for name in state.adjectives {
                let words = Token.words(name)
                statesByFirst[words[0], default: []].append(
                    StateEntry(words: words, code: state.code, isAdjective: true, isCapital: false, caseRule: .capitalized))
            }
            stateNames[state.code] = state.names[0]
        }
    }

    static func accepts(_ rule: CaseRule, _ tokens: ArraySlice<Token>) -> Bool {
        switch rule {
        case .any: return true
        case .capitalized: return tokens.first?.isCapitalized ?? false
        case .allCaps: return tokens.allSatisfy(\.isAllCaps)
        }
    }

}

enum Slug {
    static func make(_ text: String) -> String {
        var out = ""
        var dash = false
        for c in TextFolding.quoteKey(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) {
            if c.isLetter || c.isNumber, c.isASCII { out.append(c); dash = false }
            else if Token.apostrophes.contains(c) { continue }
            else if !dash && !out.isEmpty { out.append("-"); dash = true }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "actor" : out
    }
}

extension ActorDictionary {
    /// Three-letter words too common in news to be read as a surname on their own ("May", "Ban").
    static let commonShortWords: Set<String> = [
        "may", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "wed",
        "thu", "fri", "sat", "sun", "ban", "new", "old", "red", "sea", "war", "law", "oil", "gas", "tax", "set",
        "top", "key", "aid", "bid", "cut", "end", "man", "men", "day", "way", "say", "see", "all", "one", "two",
        "six", "ten", "not", "but", "can", "did", "had", "has", "his", "her", "its", "our", "who", "why", "how",
        "yes", "now", "few", "own", "far", "big", "son", "god", "art", "age", "air", "arm", "car", "dam", "fox",
        "lee", "kim", "won", "van", "der", "den", "bin", "ibn", "abu", "ali", "fan",
    ]

    /// The graph with a state code on each government that has none but is named like one state
    /// of the gazetteer ("Thailand", "Government of Thailand", "the Thai government"), so that
    /// "Thai troops" and "Bangkok" are that actor rather than a proposed duplicate.
    /// - Complexity: O(a·s) for the graph's actors a and the gazetteer's states s.
    static func withStateCodes(_ graph: ActorGraph, gazetteer: Gazetteer) -> ActorGraph {
        guard graph.actors.contains(where: { $0.kind == .government && $0.country == nil }) else { return graph }
        var codeByKey: [String: Set<String>] = [:]
        for state in gazetteer.states {
            for name in state.names {
                let k = TextFolding.nameKey(name)
                for key in [k, "governmentof" + k, k + "government", "the" + k + "government"] { codeByKey[key, default: []].insert(state.code) }
            }
            for adjective in state.adjectives {
                let k = TextFolding.nameKey(adjective) + "government"
                for key in [k, "the" + k] { codeByKey[key, default: []].insert(state.code) }
            }
        }
        var result = graph
        for index in result.actors.indices where result.actors[index].kind == .government && result.actors[index].country == nil {
            let actor = result.actors[index]
            let codes = ([actor.name] + actor.aliases).reduce(into: Set<String>()) { $0.formUnion(codeByKey[TextFolding.nameKey($1)] ?? []) }
            if codes.count == 1 { result.actors[index].country = codes.first }
        }
        return result
    }
}
