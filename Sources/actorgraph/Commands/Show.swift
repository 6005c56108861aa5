import ActorGraphCore
import ActorGraphFormats
import ArgumentParser

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one actor: aliases, memberships and members, and every relation in and out with its evidence.",
        discussion: "ACTOR is an id, name or alias, matched case- and diacritic-insensitively (\"sudani\" finds Mohammed Shia al-Sudani). An unknown or ambiguous name lists the closest candidates and exits 2.")

    @Argument(help: "A graph file.")
    var file: String

    @Argument(help: "The actor: id, name or alias.")
    var actor: String

    @Flag(help: "Do not read the cited documents (skip quote verification).")
    var noQuotes = false

    func run() throws {
        let graph = try loadGraph(file, verifyEvidence: !noQuotes).graph
        let node = try resolveActor(actor, in: graph)
        print(Self.render(node, in: graph), terminator: "")
    }

    static func render(_ a: ActorNode, in graph: ActorGraph) -> String {
        let names = Dictionary(uniqueKeysWithValues: graph.actors.map { ($0.id, $0.name) })
        func label(_ id: ActorID) -> String { "\(names[id] ?? id.rawValue) (\(id))" }
        func membership(_ m: Membership, _ who: ActorID) -> String {
            var text = label(who)
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
        let members = graph.actors.flatMap { other in
            other.memberOf.filter { $0.actor == a.id }.map { (other.id, $0) }
        }.sorted { $0.0 < $1.0 }
        if !members.isEmpty {
            out += "members:\n"
            for (who, m) in members { out += "  " + membership(m, who) + "\n" }
        }
        let outgoing = graph.relations.filter { $0.source == a.id }
        let incoming = graph.relations.filter { $0.target == a.id }
        func sorted(_ list: [Relation]) -> [Relation] {
            list.sorted(by: Relation.chronological)
        }
        func describe(_ r: Relation, outgoing: Bool) -> String {
            let arrow = r.type.isSymmetric ? "—\(r.type.rawValue)—" : "—\(r.type.rawValue)→"
            var line = outgoing ? "  \(arrow) \(label(r.target))" : "  \(label(r.source)) \(arrow)"
            line += "  (\(r.date?.description ?? "undated")"
            if let until = r.until { line += " to \(until)" }
            line += ", \(r.modality.rawValue))"
            if let l = r.label { line += "  \(l)" }
            line += "\n"
            for e in r.evidence { line += "      \"\(TextFolding.singleLine(e.quote))\" [\(e.document)]\n" }
            return line
        }
        out += "relations out (\(outgoing.count)):\n"
        for r in sorted(outgoing) { out += describe(r, outgoing: true) }
        out += "relations in (\(incoming.count)):\n"
        for r in sorted(incoming) { out += describe(r, outgoing: false) }
        return out
    }
}
