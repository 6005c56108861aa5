import ActorGraphCore

extension DiagramBuilder {
    /// Members drawn inside their umbrella: each actor goes in the cluster of its first
    /// `memberOf` target present in the graph; clusters nest.
    static func clusters(for g: ActorGraph) -> [DrawingGraph.Cluster] {
        let present = Set(g.actors.map(\.id))
        var parent: [ActorID: ActorID] = [:]
        var children: [ActorID: [ActorID]] = [:]
        for actor in g.actors {
            if let umbrella = actor.memberOf.first(where: { present.contains($0.actor) && $0.actor != actor.id })?.actor {
                parent[actor.id] = umbrella
                children[umbrella, default: []].append(actor.id)
            }
        }
        let names = Dictionary(uniqueKeysWithValues: g.actors.map { ($0.id, $0.name) })
        func cluster(_ id: ActorID, depth: Int) -> DrawingGraph.Cluster {
            var nodes = [id.rawValue]
            var nested: [DrawingGraph.Cluster] = []
            for child in (children[id] ?? []).sorted() {
                if children[child] != nil && depth < 8 { nested.append(cluster(child, depth: depth + 1)) }
                else { nodes.append(child.rawValue) }
            }
            return DrawingGraph.Cluster(
                name: "cluster_" + id.rawValue,
                attributes: [.init("label", EscString.escape(names[id] ?? id.rawValue)), .init("style", "rounded,dashed"),
                             .init("color", "#9ca3af"), .init("fontsize", "10"), .init("fontcolor", "#4b5563")],
                nodes: nodes, clusters: nested)
        }
        return children.keys.filter { parent[$0] == nil }.sorted().map { cluster($0, depth: 0) }
    }

    /// Thin grey "member of" edges (person → organization, faction → umbrella), marked
    /// `membership=true` so that DOT import skips them (the node's `memberOf` attribute carries them).
    static func addMembershipEdges(to drawing: inout DrawingGraph, graph g: ActorGraph, names: [ActorID: String]) {
        let present = Set(g.actors.map(\.id))
        for actor in g.actors {
            for (k, m) in actor.memberOf.enumerated() where present.contains(m.actor) {
                let tooltip = "\(actor.name) is a member of \(names[m.actor] ?? m.actor.rawValue)" + (m.role.map { " (\($0))" } ?? "")
                drawing.edges.append(.init(
                    tail: actor.id.rawValue, head: m.actor.rawValue, key: "memberOf:\(actor.id.rawValue):\(k)",
                    attributes: [.init("color", DiagramStyle.membershipColor), .init("style", "dashed"),
                                 .init("arrowhead", "odot"), .init("penwidth", "0.8"),
                                 .init("tooltip", EscString.escape(tooltip)), .init("membership", "true")]))
            }
        }
    }

    /// A legend cluster: one sample node per actor kind present, one sample edge per relation
    /// type and per non-asserted modality present.
    static func addLegend(to drawing: inout DrawingGraph, graph g: ActorGraph) {
        typealias A = DrawingGraph.Attribute
        var taken = Set(drawing.nodes.map(\.name))
        func fresh(_ base: String) -> String {
            var name = base
            while taken.contains(name) { name += "_" }
            taken.insert(name)
            return name
        }
        var nodes: [String] = []
        var kindNodes: [String] = []
        var sampleTails: [String] = []
        let kinds = Set(g.actors.map(\.kind))
        for kind in ActorKind.allCases where kinds.contains(kind) {
            let style = DiagramStyle.style(for: kind)
            let name = fresh("legend_kind_\(kind.rawValue)")
            nodes.append(name)
            kindNodes.append(name)
            drawing.nodes.append(.init(name: name, attributes: [
                A("label", kind.rawValue), A("shape", style.shape), A("style", style.style),
                A("fillcolor", style.fill), A("color", style.line), A("fontsize", "8"),
                A("height", "0.25"), A("margin", "0.05,0.02"),
                A("tooltip", "actor kind: \(kind.rawValue)"), A("legend", "true")]))
        }
        var samples: [(String, String, String, String, String)] = []  // label, color, style, arrowhead, dir
        let types = Set(g.relations.map(\.type))
        for type in RelationType.allCases where types.contains(type) {
            let s = DiagramStyle.style(for: type)
            samples.append((type.rawValue, s.color, "solid", s.arrowhead, type.isSymmetric ? "none" : "forward"))
        }
        if !drawing.edges.filter({ $0.attributes.contains(.init("membership", "true")) }).isEmpty {
            samples.append(("member of", DiagramStyle.membershipColor, "dashed", "odot", "forward"))
        }
        let modalities = Set(g.relations.map(\.modality))
        for modality in Modality.allCases where modality != .asserted && modalities.contains(modality) {
            let color = modality == .denied ? "#37415166" : "#374151"
            samples.append((modality.rawValue, color, DiagramStyle.lineStyle(for: modality), "normal", "forward"))
        }
        for (label, color, style, arrowhead, dir) in samples {
            let tail = fresh("legend_edge_\(label)"), head = fresh("legend_edge_\(label)_head")
            nodes.append(contentsOf: [tail, head])
            sampleTails.append(tail)
            drawing.nodes.append(.init(name: tail, attributes: [
                A("label", label), A("shape", "plaintext"), A("fontsize", "8"), A("height", "0.2"), A("legend", "true"),
                A("tooltip", "relation: \(label)")]))
            drawing.nodes.append(.init(name: head, attributes: [
                A("label", ""), A("shape", "point"), A("width", "0.02"), A("style", "invis"), A("legend", "true")]))
            drawing.edges.append(.init(tail: tail, head: head, key: fresh("legend_\(label)"), attributes: [
                A("color", color), A("style", style), A("arrowhead", arrowhead), A("dir", dir),
                A("penwidth", "1.5"), A("tooltip", "relation: \(label)"), A("legend", "true")]))
        }
        // Invisible edges put the kinds in a column beside the relation samples, not above them.
        for (kindNode, tail) in zip(kindNodes, sampleTails) {
            drawing.edges.append(.init(tail: kindNode, head: tail, key: fresh("legend_align"),
                                       attributes: [A("style", "invis"), A("legend", "true")]))
        }
        drawing.clusters.append(.init(
            name: fresh("cluster_legend"),
            attributes: [A("label", "Legend"), A("style", "rounded"), A("color", "#d1d5db"),
                         A("fontsize", "10"), A("fontcolor", "#374151")],
            nodes: nodes, clusters: []))
    }
}
