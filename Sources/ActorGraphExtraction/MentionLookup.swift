import ActorGraphCore
import Foundation

/// Looking names, roles and states up in the dictionary.
extension ActorDictionary {
    /// The longest graph name starting at `i`, as (length, actor).
    func matchActor(_ tokens: [Token], at i: Int) -> (Int, ActorID)? {
        guard let list = byFirst[tokens[i].key] else { return nil }
        var best: (Int, ActorID)?
        for entry in list where entry.words.count > (best?.0 ?? 0) {
            guard i + entry.words.count <= tokens.count else { continue }
            var ok = true
            for (k, word) in entry.words.enumerated() where tokens[i + k].key != word || (k > 0 && tokens[i + k].kind == .punctuation) {
                ok = false; break
            }
            if ok && Self.accepts(entry.caseRule, tokens[i..<(i + entry.words.count)]) {
                best = (entry.words.count, entry.actor)
            }
        }
        return best
    }

    /// The person holding `role` (folded words) in `group`, if one does.
    func holder(of group: ActorID, role: [String]) -> ActorID? {
        roleHolders[group]?[role.joined(separator: " ")]
    }

    /// The graph actor named by exactly `length` tokens at `i`, if one is.
    func matchActor(_ tokens: [Token], at i: Int, length: Int) -> ActorID? {
        guard length > 0, i + length <= tokens.count, let list = byFirst[tokens[i].key] else { return nil }
        for entry in list where entry.words.count == length {
            if entry.words.indices.allSatisfy({ tokens[i + $0].key == entry.words[$0] }),
               Self.accepts(entry.caseRule, tokens[i..<(i + length)]) {
                return entry.actor
            }
        }
        return nil
    }

    /// The longest state name, capital or adjective starting at `i`.
    func matchState(_ tokens: [Token], at i: Int) -> (Int, StateEntry)? {
        guard let list = statesByFirst[tokens[i].key] else { return nil }
        var best: (Int, StateEntry)?
        for entry in list where entry.words.count >= (best?.0 ?? 0) {
            guard i + entry.words.count <= tokens.count else { continue }
            // "Congolese" names two states: the first listed, unless only the other is in the graph.
            if let b = best, b.0 == entry.words.count, knownStateActor(b.1.code) != nil || knownStateActor(entry.code) == nil { continue }
            var ok = true
            for (k, word) in entry.words.enumerated() where tokens[i + k].key != word { ok = false; break }
            if ok && Self.accepts(entry.caseRule, tokens[i..<(i + entry.words.count)]) {
                best = (entry.words.count, entry)
            }
        }
        return best
    }

    /// The government actor for a state when the graph (or an earlier proposal) has one; never
    /// proposes.
    func knownStateActor(_ code: String) -> ActorID? {
        if let id = stateActors[code] { return id }
        if code.hasPrefix("actor:") { return ActorID(String(code.dropFirst(6))) }
        let governments = graph.actors.filter { $0.country == code && $0.kind == .government }
        return governments.count == 1 ? governments[0].id : governments.first { $0.memberOf.isEmpty }?.id
    }

    /// Whether an actor is named like the state of `code`: "Spain", "Government of Spain",
    /// "Spanish government" (folded).
    func isNamedLikeState(_ actor: ActorNode, _ code: String) -> Bool {
        guard let state = gazetteer.state(code: code) else { return false }
        let keys = Set(state.names.flatMap { name -> [String] in
            let k = TextFolding.nameKey(name)
            return [k, "governmentof" + k, k + "government"]
        } + state.adjectives.map { TextFolding.nameKey($0) + "government" })
        return ([actor.name] + actor.aliases).contains { keys.contains(TextFolding.nameKey($0)) }
    }

    /// The government actor for a state: the graph's (named like the state, or its top-level
    /// government), else a proposed one.
    mutating func stateActor(_ code: String, proposals: inout [ActorID: ProposedActor]) -> ActorID {
        if let id = stateActors[code] { return id }
        if code.hasPrefix("actor:") { return ActorID(String(code.dropFirst(6))) }
        let state = gazetteer.state(code: code)
        let governments = graph.actors.filter { $0.country == code && $0.kind == .government }
        let named = governments.first { isNamedLikeState($0, code) }
        let id: ActorID
        if let found = named ?? governments.first(where: { $0.memberOf.isEmpty }) {
            id = found.id
        } else {
            let name = state?.names.first ?? code
            id = ActorID("new-" + Slug.make(name))
            if proposals[id] == nil {
                proposals[id] = ProposedActor(id: id, name: name, kind: .government, country: code, rule: "state")
            }
        }
        stateActors[code] = id
        return id
    }
}
