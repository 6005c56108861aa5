import ActorGraphCore
import Foundation

/// Mentions that stand for a group: a person's body ("Kiir's government", "X, whose
/// government …"), the two parties of a story ("the two sides"), the dateline's forces.
extension Run {
    /// Places named by a state's adjective: "the Tanzanian city of Arusha".
    static let settlementNouns: Set<String> = ["city", "town", "port", "village", "resort", "capital", "region", "province", "island"]

    /// Nouns after a description that make it a modifier ("the state news agency").
    static let mediaNouns: Set<String> = [
        "news", "media", "television", "tv", "radio", "newspaper", "newspapers", "agency", "broadcaster", "press",
        "outlets", "outlet", "daily", "channel",
    ]

    /// Words for a region of a place ("in northern Iraq").
    static let regionWords: Set<String> = [
        "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
        "southwestern", "north", "south", "east", "west", "rural", "coastal", "and",
    ]

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
            // "X's government", and "his government" with the pronoun resolved to X
            let pronoun = m.rule == .anaphora && m.range.count == 1 && ["his", "her"].contains(tokens[m.range.lowerBound].key)
            let end = m.range.upperBound - (pronoun ? 1 : 0)
            guard end + 1 < tokens.count, pronoun || tokens[end].kind == .possessive, owner[end + 1] == nil,
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
            if pronoun { mentions[index].rule = .anaphora }
        }
        // "X, whose government opened talks with Y": the whose-clause's subject is X's body.
        for m in mentions where m.kind == .person {
            let end = m.range.upperBound
            guard end + 2 < tokens.count, tokens[end].key == ",", tokens[end + 1].key == "whose", owner[end + 1] == nil,
                  owner[end + 2] == nil, Self.ledNouns.contains(tokens[end + 2].key),
                  let group = dictionary.groups[m.actor]?.sorted(by: { $0.rawValue < $1.rawValue })
                    .first(where: { kind(of: $0) == .government }) else { continue }
            addMention(Mention(actor: group, range: (end + 1)..<(end + 3), rule: .anaphora, isLocation: false,
                               kind: .government, certainty: min(m.certainty, 0.8)))
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
        // round 13
        (["both", "groups"], [.militia, .organization, .group]), (["both", "factions"], [.militia, .organization, .group]),
        (["both", "movements"], [.militia, .organization]), (["the", "two", "gangs"], [.militia, .organization, .group]),
        (["both", "gangs"], [.militia, .organization, .group]), (["the", "two", "cartels"], [.militia, .organization, .group]),
        (["both", "cartels"], [.militia, .organization, .group]), (["the", "two", "parties"], [.organization, .government, .militia]),
        (["both", "parties"], [.organization, .government, .militia]), (["the", "two", "states"], [.government]),
        (["both", "states"], [.government]), (["the", "two", "nations"], [.government]), (["both", "nations"], [.government]),
        (["both", "neighbours"], [.government]), (["both", "neighbors"], [.government]), (["both", "men"], [.person]),
        (["both", "presidents"], [.person]),
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
            for (actor, kind) in earlier where kinds.contains(kind) && !picked.contains(where: { $0.0 == actor })
                && fits(actor, description: words) {
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
