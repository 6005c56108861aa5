import ActorGraphCore
import Foundation

/// Descriptions that stand for an actor (docs/EXTRACTION.md, round 4): a group's plural name as
/// an adjective ("Sarni fighters"), a government's armed forces ("Veltan positions"), a common
/// word the graph gives one actor ("the army").
extension ActorDictionary {
    mutating func findDescriptions(graph: ActorGraph, stopWords: Set<String>, names: Set<[String]>) {
        var adjectives: [String: Set<ActorID>] = [:]
        for actor in graph.actors where actor.kind != .person && actor.kind != .government {
            for name in [actor.name] + actor.aliases {
                let words = Token.words(name).filter { $0 != "the" }
                guard words.count == 1, name.first(where: \.isLetter)?.isUppercase == true, let word = words.first,
                      word.count >= 5, word.hasSuffix("s"), !word.hasSuffix("ss") else { continue }
                adjectives[String(word.dropLast()), default: []].insert(actor.id)
            }
        }
        for (word, ids) in adjectives where ids.count == 1 && !names.contains([word]) && !stopWords.contains(word) {
            groupAdjectives[word] = ids.first!
        }
        var descriptive: [String: Set<ActorID>] = [:]
        for actor in graph.actors where actor.kind != .person {
            for alias in actor.aliases {
                let words = Token.words(alias)
                if words.count == 2, words[0] == "the", stopWords.contains(words[1]) { descriptive[words[1], default: []].insert(actor.id) }
            }
        }
        for (word, ids) in descriptive where ids.count == 1 { descriptiveAliases[word] = ids.first! }
        var forces: [ActorID: Set<ActorID>] = [:]
        for actor in graph.actors where actor.kind != .person {
            let words = Set(([actor.name] + actor.aliases).flatMap { Token.words($0) })
            guard !words.isDisjoint(with: ["forces", "army", "military", "troops"]) else { continue }
            for m in actor.memberOf { forces[m.actor, default: []].insert(actor.id) }
        }
        for (government, ids) in forces where ids.count == 1 { armedForces[government] = ids.first! }
    }
}
