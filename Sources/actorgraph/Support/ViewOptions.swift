import ActorGraphCore
import ActorGraphFormats
import ArgumentParser

/// Which relations count: the filter every drawing and analysis command shares.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Relation types to keep, comma-separated: supports, meets, opposes, hosts.", valueName: "types"))
    var types: String?

    @Option(help: ArgumentHelp("Modalities to keep, comma-separated: asserted, reported, possible, denied.", valueName: "modalities"))
    var modality: String?

    @Option(help: ArgumentHelp("Keep only relations between actors of these kinds, comma-separated: government, militia, organization, person, international, group.", valueName: "kinds"))
    var kinds: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The graph as of a date (YYYY, YYYY-MM or YYYY-MM-DD): relations begun by then and not ended before it; undated ones are left out.", valueName: "date"))
    var asOf: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Relations whose dates overlap FROM…TO; undated ones are left out.", valueName: "from to"))
    var between: [String] = []

    func validate() throws {
        _ = try filter()
        if !between.isEmpty && between.count != 2 { throw ValidationError("--between takes two dates: FROM TO") }
    }

    func filter() throws -> RelationFilter {
        func list<T: RawRepresentable & CaseIterable>(_ text: String?, _: T.Type, _ option: String) throws -> Set<T>?
        where T.RawValue == String {
            guard let text else { return nil }
            var set = Set<T>()
            for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let value = T(rawValue: part) else {
                    throw ValidationError("--\(option): unknown value '\(part)'; expected: " + T.allCases.map(\.rawValue).joined(separator: ", "))
                }
                set.insert(value)
            }
            return set
        }
        func date(_ text: String, _ option: String) throws -> PartialDate {
            guard let d = PartialDate(text) else { throw ValidationError("--\(option): invalid date '\(text)' (expected YYYY, YYYY-MM or YYYY-MM-DD)") }
            return d
        }
        var filter = RelationFilter(types: try list(types, RelationType.self, "types"),
                                    modalities: try list(modality, Modality.self, "modality"),
                                    actorKinds: try list(kinds, ActorKind.self, "kinds"))
        if let asOf { filter.asOf = try date(asOf, "as-of") }
        if between.count == 2 {
            let from = try date(between[0], "between"), to = try date(between[1], "between")
            guard from <= to else { throw ValidationError("--between: \(from) is after \(to)") }
            filter.between = from...to
        }
        return filter
    }
}

/// Which part of the graph a drawing command shows, and how.
struct ViewOptions: ParsableArguments {
    @OptionGroup var relations: FilterOptions

    @Option(help: ArgumentHelp("Show only this actor's neighbourhood (see --depth).", valueName: "actor"))
    var focus: String?

    @Option(help: "Neighbourhood radius for --focus, in relations.")
    var depth: Int = 1

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Actors to emphasise.", valueName: "actor"))
    var highlight: [String] = []

    @Flag(help: "Draw members inside their umbrella actor (memberOf).")
    var cluster = false

    @Flag(name: .customLong("no-legend"), help: "Leave the legend out.")
    var noLegend = false

    @Flag(name: .customLong("edge-labels"), help: "Print each relation's label on its edge (tooltips always carry it).")
    var edgeLabels = false

    func validate() throws {
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
    }

    /// The part of `graph` to draw.
    func apply(to graph: ActorGraph) throws -> ActorGraph {
        var view = graph.view(try relations.filter()).subgraph
        if let focus {
            let center = try resolveActor(focus, in: graph)
            view = view.neighborhood(of: center.id, depth: depth)
            if !view.actors.contains(where: { $0.id == center.id }), let actor = graph.actor(center.id) {
                view.actors.append(actor)
            }
        }
        return view
    }

    /// The part of `graph` to draw and its drawing, with the options `adjust` leaves.
    func drawing(of graph: ActorGraph, adjust: (inout DiagramOptions) -> Void = { _ in })
        throws -> (shown: ActorGraph, drawing: DrawingGraph) {
        let shown = try apply(to: graph)
        var options = try diagramOptions(in: graph)
        adjust(&options)
        return (shown, DiagramBuilder.drawing(of: shown, options: options))
    }

    func diagramOptions(in graph: ActorGraph) throws -> DiagramOptions {
        DiagramOptions(cluster: cluster, legend: !noLegend, edgeLabels: edgeLabels,
                       highlight: Set(try highlight.map { try resolveActor($0, in: graph).id }))
    }
}
