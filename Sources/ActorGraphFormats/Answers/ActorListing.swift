import ActorGraphCore

/// One actor with its aliases, memberships, members and every relation in and out with its
/// evidence: what `actorgraph show` prints.
public struct ActorListing: Sendable {
    public let actor: ActorNode
    /// Actors that are members of this one, with their membership, in id order.
    public let members: [(ActorID, Membership)]
    /// Relations from and to the actor, oldest first.
    public let outgoing: [Relation]
    public let incoming: [Relation]
    let formatter: RelationFormatter

    /// - Complexity: O(A + R + k log k) for k relations of the actor.
    public init(_ actor: ActorNode, in graph: ActorGraph) {
        self.actor = actor
        members = graph.actors.flatMap { other in other.memberOf.filter { $0.actor == actor.id }.map { (other.id, $0) } }
            .sorted { $0.0 < $1.0 }
        outgoing = graph.relations.filter { $0.source == actor.id }.sorted(by: Relation.chronological)
        incoming = graph.relations.filter { $0.target == actor.id }.sorted(by: Relation.chronological)
        formatter = RelationFormatter(graph)
    }

    public var text: String {
        let a = actor
        func membership(_ m: Membership, _ who: ActorID) -> String {
            var text = formatter.nameAndID(who)
            if let role = m.role { text += ", \(role)" }
            if let date = m.date { text += ", from \(date)" }
            if let until = m.until { text += ", until \(until)" }
            return text
        }
        var out = "\(a.name) (\(a.id)) — \(a.kind.rawValue)" + (a.country.map { ", \($0)" } ?? "") + "\n"
        if !a.aliases.isEmpty { out += "aliases: " + a.aliases.joined(separator: "; ") + "\n" }
        if let notes = a.notes { out += "notes: \(notes)\n" }
        if !a.memberOf.isEmpty {
            out += "member of:\n"
            for m in a.memberOf { out += "  " + membership(m, m.actor) + "\n" }
        }
        if !members.isEmpty {
            out += "members:\n"
            for (who, m) in members { out += "  " + membership(m, who) + "\n" }
        }
        out += "relations out (\(outgoing.count)):\n"
        for r in outgoing { out += formatter.listing(r, outgoing: true) }
        out += "relations in (\(incoming.count)):\n"
        for r in incoming { out += formatter.listing(r, outgoing: false) }
        return out
    }
}
