import ActorGraphCore
import ActorGraphFormats
import ArgumentParser
import Foundation

extension DirectionMode: ExpressibleByArgument {}
extension WeightRule: ExpressibleByArgument {}

/// Output format of the analysis commands.
enum TableFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

/// Prints progress of long computations on stderr, only when stderr is a terminal.
func progressReporter(_ label: String) -> ProgressHandler? {
    guard isatty(STDERR_FILENO) == 1 else { return nil }
    return { done, total in
        FileHandle.standardError.write(Data("\r\(label): \(done)/\(total)\(done == total ? "\n" : "")".utf8))
    }
}

/// One relation in one line, as path answers and evidence listings print it:
/// `Iran —supports→ Asaib Ahl al-Haq  (2023-01, asserted) "…quote…" [004_….txt]`.
struct RelationPrinter {
    let graph: ActorGraph
    let names: [ActorID: String]
    let documents: [DocumentID: Document]

    init(_ graph: ActorGraph) {
        self.graph = graph
        names = Dictionary(uniqueKeysWithValues: graph.actors.map { ($0.id, $0.name) })
        documents = Dictionary(uniqueKeysWithValues: graph.documents.map { ($0.id, $0) })
    }

    func name(_ id: ActorID) -> String { names[id] ?? id.rawValue }

    /// The relations of a signed pair, oldest first.
    func relations(of dyad: SignedDyad) -> [Relation] {
        dyad.relations.map { graph.relations[Int($0)] }.sorted(by: Relation.chronological)
    }

    /// The relation read from `from`'s side: forwards, or backwards (←type—) when `from` is its target.
    func line(_ r: Relation, from: ActorID? = nil, indent: String = "  ") -> String {
        let backwards = from != nil && from == r.target && r.source != from
        let arrow: String
        if r.type.isSymmetric { arrow = "—\(r.type.rawValue)—" }
        else { arrow = backwards ? "←\(r.type.rawValue)—" : "—\(r.type.rawValue)→" }
        let (left, right) = backwards ? (r.target, r.source) : (r.source, r.target)
        var text = "\(indent)\(name(left)) \(arrow) \(name(right))  ("
        text += r.date.map { d in r.until.map { "\(d) to \($0)" } ?? "\(d)" } ?? "undated"
        text += ", \(r.modality.rawValue))"
        if let first = r.evidence.first {
            text += " \"\(TextFolding.singleLine(first.quote))\" [\(documents[first.document]?.path ?? first.document.rawValue)]"
        } else {
            text += " (no evidence)"
        }
        for e in r.evidence.dropFirst() {
            text += "\n\(indent)    also \"\(TextFolding.singleLine(e.quote))\" [\(documents[e.document]?.path ?? e.document.rawValue)]"
        }
        return text
    }

    func json(_ r: Relation) -> OrderedValue {
        .map([
            ("id", .string(r.id.rawValue)), ("source", .string(r.source.rawValue)), ("target", .string(r.target.rawValue)),
            ("type", .string(r.type.rawValue)), ("label", .optional(r.label)), ("date", .optional(r.date?.description)),
            ("until", .optional(r.until?.description)), ("modality", .string(r.modality.rawValue)),
            ("evidence", .list(r.evidence.map { e in
                .map([("document", .string(e.document.rawValue)), ("path", .optional(documents[e.document]?.path)),
                      ("quote", .string(e.quote))])
            })),
        ])
    }
}

// MARK: centrality

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank actors by centrality: degree, betweenness, closeness, harmonic, eigenvector, PageRank, Katz, core number.",
        discussion: """
            Measures (comma-separated; the first sorts): degree, in-degree, out-degree, supports, meets, \
            opposes, hosts (relations of that type), betweenness, closeness, harmonic, eigenvector, \
            pagerank, katz, core. Values follow networkx's definitions (docs/CLI.md). The graph is the \
            view given by the filter, the direction mode and the weight rule; parallel relations of a \
            pair count once unless --weights count or field.
            """)

    @Argument(help: "A graph file (.yaml, .json) or an edges table (.csv).")
    var file: String

    @Option(help: "Measures, comma-separated; the first one sorts.")
    var measure: String = "degree,betweenness,closeness,pagerank"

    @Option(help: "Show the top N actors (0: all).")
    var top: Int = 20

    @Option(help: "table, csv or json.")
    var format: TableFormat = .table

    @OptionGroup var relations: FilterOptions

    @Option(help: "directed (meets both ways) or undirected.")
    var mode: DirectionMode = .directed

    @Option(help: "How parallel relations collapse: unit, count, or field (sum of relation weights).")
    var weights: WeightRule = .unit

    @Flag(help: "Use edge weights as lengths in betweenness, closeness and harmonic, and as strengths in eigenvector, PageRank and Katz.")
    var weighted = false

    @Flag(help: "Raw betweenness (not divided by the number of pairs).")
    var raw = false

    @Flag(help: "Count path endpoints in betweenness.")
    var endpoints = false

    @Option(help: "Betweenness from this many sampled sources (seeded), for large graphs.")
    var sample: Int?

    @Option(help: "PageRank damping factor.")
    var damping: Double = 0.85

    @Option(help: "Katz attenuation factor (must be below 1/λmax).")
    var alpha: Double = 0.1

    @Flag(help: "Do not read the cited documents (skip quote verification).")
    var noQuotes = false

    static let known = ["degree", "in-degree", "out-degree", "supports", "meets", "opposes", "hosts", "betweenness",
                        "closeness", "harmonic", "eigenvector", "pagerank", "katz", "core"]

    var measures: [String] { measure.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }

    func validate() throws {
        for m in measures where !Self.known.contains(m) {
            throw ValidationError("unknown measure '\(m)'; expected: " + Self.known.joined(separator: ", "))
        }
        if top < 0 { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        let graph = try loadAnyGraph(file, verifyEvidence: !noQuotes)
        let filter = try relations.filter()
        let view = AnalysisGraph(graph, filter: filter, mode: mode, weights: weights)
        let counts = graph.degreeCounts(filter: filter)
        var columns: [(String, [Double])] = []
        for m in measures {
            let values: [Double]?
            switch m {
            case "degree": values = view.degreeCentrality()
            case "in-degree": values = view.inDegreeCentrality()
            case "out-degree": values = view.outDegreeCentrality()
            case "supports", "meets", "opposes", "hosts":
                let type = RelationType(rawValue: m)!
                values = view.nodeIDs.map { Double(counts[$0]?.byType[type] ?? 0) }
            case "betweenness":
                var options = BetweennessOptions(normalized: !raw, endpoints: endpoints, weighted: weighted, sampleSize: sample)
                options.progress = progressReporter("betweenness")
                values = view.betweennessCentrality(options: options)
            case "closeness": values = view.closenessCentrality(weighted: weighted)
            case "harmonic": values = view.harmonicCentrality(weighted: weighted)
            case "eigenvector": values = view.eigenvectorCentrality(weighted: weighted, maxIterations: 1000)
            case "pagerank": values = view.pageRank(damping: damping, weighted: weighted)
            case "katz": values = view.katzCentrality(alpha: alpha, weighted: weighted)
            case "core": values = view.coreNumbers().map(Double.init)
            default: values = nil
            }
            guard let values else {
                printError("error: \(m) did not converge (eigenvector: the graph may have no dominant eigenvalue; katz: lower --alpha)")
                throw ExitCode(Exit.inputErrors)
            }
            columns.append((m, values))
        }
        let names = Dictionary(uniqueKeysWithValues: graph.actors.map { ($0.id, $0) })
        var order = Array(0..<view.nodeCount)
        let key = columns[0].1
        order.sort { key[$0] != key[$1] ? key[$0] > key[$1] : view.nodeIDs[$0] < view.nodeIDs[$1] }
        if top > 0 { order = Array(order.prefix(top)) }
        func number(_ v: Double) -> String {
            v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(format: "%.6f", v)
        }
        switch format {
        case .json:
            print(OrderedValue.map([
                ("filter", .string(relations.summary())), ("mode", .string(mode.rawValue)), ("weights", .string(weights.rawValue)),
                ("actors", .int(view.nodeCount)), ("edges", .int(view.edgeCount)),
                ("ranking", .list(order.enumerated().map { rank, v in
                    .map([("rank", .int(rank + 1)), ("id", .string(view.nodeIDs[v].rawValue)),
                          ("name", .string(names[view.nodeIDs[v]]?.name ?? view.nodeIDs[v].rawValue)),
                          ("kind", .string(names[view.nodeIDs[v]]?.kind.rawValue ?? "group"))]
                         + columns.map { ($0.0, .double($0.1[v])) })
                })),
            ]).jsonText, terminator: "")
        case .csv:
            print(CSVTable.write(header: ["rank", "id", "name", "kind"] + columns.map(\.0), rows: order.enumerated().map { rank, v in
                [String(rank + 1), view.nodeIDs[v].rawValue, names[view.nodeIDs[v]]?.name ?? view.nodeIDs[v].rawValue,
                 names[view.nodeIDs[v]]?.kind.rawValue ?? "group"] + columns.map { number($0.1[v]) }
            }), terminator: "")
        case .table:
            print("\(view.nodeCount) actors, \(view.edgeCount) edges (\(mode.rawValue); \(relations.summary()); weights \(weights.rawValue))")
            let nameWidth = min(36, max(5, order.map { (names[view.nodeIDs[$0]]?.name ?? "").count }.max() ?? 5))
            var header = "rank  " + "actor".padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            for c in columns { header += "  " + c.0.rightAligned(12) }
            print(header)
            for (rank, v) in order.enumerated() {
                var line = String(rank + 1).rightAligned(4) + "  "
                line += String((names[view.nodeIDs[v]]?.name ?? view.nodeIDs[v].rawValue).prefix(nameWidth))
                    .padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                for c in columns { line += "  " + number(c.1[v]).rightAligned(12) }
                print(line)
            }
        }
    }
}

extension String {
    /// Right-aligned in a column of `width` characters (padded with spaces on the left).
    func rightAligned(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

/// Reads a graph file, or builds a graph from an edges table (.csv).
func loadAnyGraph(_ path: String, verifyEvidence: Bool) throws -> ActorGraph {
    if path.lowercased().hasSuffix(".csv") {
        do {
            return try CSVGraph.graph(edges: .init(file: path, bytes: try readBytes(path)))
        } catch {
            throw report(error)
        }
    }
    return try loadGraph(path, verifyEvidence: verifyEvidence).graph
}

// MARK: path

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "How two actors are connected: shortest paths, every hop with its relations, dates, modality and quotes.",
        discussion: """
            By default relations are followed either way (undirected); --directed follows them from source \
            to target (meets both ways). Exit status 3 when there is no path: an answer, not an error.
            """)

    @Argument(help: "A graph file.") var file: String
    @Argument(help: "From this actor (id, name or alias).") var from: String
    @Argument(help: "To this actor.") var to: String

    @Option(help: "The k shortest simple paths (Yen).") var k: Int?
    @Flag(help: "Every shortest path (at most 100).") var all = false
    @OptionGroup var relations: FilterOptions
    @Flag(help: "Follow relations from source to target only (meets both ways).") var directed = false
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Actors the path may not pass through.", valueName: "actor"))
    var avoid: [String] = []
    @Flag(help: "Minimise the sum of relation weights (weights: field) instead of hops.") var weighted = false
    @Option(help: "text or json.") var format: TextFormat = .text
    @Flag(help: "Do not read the cited documents (skip quote verification).") var noQuotes = false

    func validate() throws {
        if let k, k < 1 { throw ValidationError("--k must be at least 1") }
        if k != nil && all { throw ValidationError("--k and --all do not go together") }
    }

    func run() throws {
        let graph = try loadGraph(file, verifyEvidence: !noQuotes).graph
        let source = try resolveActor(from, in: graph).id
        let target = try resolveActor(to, in: graph).id
        let avoided = Set(try avoid.map { try resolveActor($0, in: graph).id })
        if avoided.contains(source) || avoided.contains(target) {
            throw ValidationError("an endpoint cannot be avoided")
        }
        let mode: DirectionMode = directed ? .directed : .undirected
        let view = AnalysisGraph(graph, filter: try relations.filter(), mode: mode,
                                 weights: weighted ? .field : .unit, avoiding: avoided)
        let map = view.indexMap()
        let finder = PathFinder(view)
        let s = Int(map[source]!), t = Int(map[target]!)
        let paths: [GraphPath]
        if all { paths = finder.allShortestPaths(from: s, to: t, weighted: weighted, limit: 100) }
        else if let k { paths = finder.kShortestPaths(from: s, to: t, k: k, weighted: weighted) }
        else { paths = finder.shortestPath(from: s, to: t, weighted: weighted).map { [$0] } ?? [] }
        let printer = RelationPrinter(graph)
        let conditions = "\(mode.rawValue); \(relations.summary())" + (avoided.isEmpty ? "" : "; avoiding " + avoided.map(\.rawValue).sorted().joined(separator: ", "))
        func hops(_ p: GraphPath) -> [(ActorID, ActorID, [Relation])] {
            (0..<p.entries.count).map { i in
                let u = view.nodeIDs[Int(p.nodes[i])], v = view.nodeIDs[Int(p.nodes[i + 1])]
                let rels = view.relations(atOutEntry: p.entries[i]).map { graph.relations[Int($0)] }
                    .sorted(by: Relation.chronological)
                return (u, v, rels)
            }
        }
        switch format {
        case .json:
            print(OrderedValue.map([
                ("from", .string(source.rawValue)), ("to", .string(target.rawValue)),
                ("mode", .string(mode.rawValue)), ("filter", .string(relations.summary())),
                ("avoid", .list(avoided.map(\.rawValue).sorted().map { .string($0) })),
                ("paths", .list(paths.map { p in
                    .map([("length", .double(p.length)),
                          ("actors", .list(p.nodes.map { .string(view.nodeIDs[Int($0)].rawValue) })),
                          ("hops", .list(hops(p).map { u, v, rels in
                              .map([("from", .string(u.rawValue)), ("to", .string(v.rawValue)),
                                    ("relations", .list(rels.map(printer.json)))])
                          }))])
                })),
            ]).jsonText, terminator: "")
        case .text:
            guard !paths.isEmpty else {
                print("no path from \(printer.name(source)) to \(printer.name(target)) (\(conditions))")
                break
            }
            print("\(printer.name(source)) to \(printer.name(target)): \(paths.count) path\(paths.count == 1 ? "" : "s") (\(conditions))")
            for (n, p) in paths.enumerated() {
                print("path \(n + 1) (" + (weighted ? "weight \(formatNumber(p.length))" : "\(Int(p.length)) hop\(p.length == 1 ? "" : "s")") + "): "
                      + p.nodes.map { printer.name(view.nodeIDs[Int($0)]) }.joined(separator: " → "))
                for (u, _, rels) in hops(p) {
                    for (k, r) in rels.enumerated() {
                        print(printer.line(r, from: u, indent: k == 0 ? "  " : "    or "))
                    }
                }
            }
        }
        if paths.isEmpty { throw ExitCode(Exit.noPath) }
    }
}

// MARK: allies

struct Allies: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "An actor's allies and adversaries: direct ties and two-step ones (the enemy of my enemy), with evidence.",
        discussion: """
            Signs: supports and hosts +, opposes −, meets none (--meets-positive to count meetings as +). \
            Direction is ignored. A pair with both positive and negative relations is ambivalent: listed as \
            such, never netted, and not followed for two-step ties.
            """)

    @Argument(help: "A graph file.") var file: String
    @Argument(help: "The actor (id, name or alias).") var actor: String
    @OptionGroup var relations: FilterOptions
    @Flag(help: "Count meets as a positive tie.") var meetsPositive = false
    @Option(help: "text or json.") var format: TextFormat = .text
    @Flag(help: "Do not read the cited documents (skip quote verification).") var noQuotes = false

    func run() throws {
        let graph = try loadGraph(file, verifyEvidence: !noQuotes).graph
        let who = try resolveActor(actor, in: graph)
        let signed = SignedGraph(graph, filter: try relations.filter(), signs: SignRule(meets: meetsPositive ? 1 : 0))
        let ties = signed.ties(of: who.id)
        let printer = RelationPrinter(graph)
        let label = [1: "allies", -1: "adversaries", 0: "ambivalent"]
        switch format {
        case .json:
            func tieJSON(_ t: SignedGraph.Tie) -> OrderedValue {
                .map([("actor", .string(t.actor.rawValue)), ("name", .string(printer.name(t.actor))),
                      ("sign", .int(t.sign)), ("through", .optional(t.through?.rawValue)),
                      ("relations", .list(t.via.flatMap(printer.relations(of:)).map(printer.json)))])
            }
            print(OrderedValue.map([
                ("actor", .string(who.id.rawValue)), ("filter", .string(relations.summary())),
                ("allies", .list(ties.direct.filter { $0.sign > 0 }.map(tieJSON))),
                ("adversaries", .list(ties.direct.filter { $0.sign < 0 }.map(tieJSON))),
                ("ambivalent", .list(ties.direct.filter { $0.sign == 0 }.map(tieJSON))),
                ("twoStepAllies", .list(ties.twoStep.filter { $0.sign > 0 }.map(tieJSON))),
                ("twoStepAdversaries", .list(ties.twoStep.filter { $0.sign < 0 }.map(tieJSON))),
            ]).jsonText, terminator: "")
        case .text:
            print("\(who.name) (\(who.id)): \(relations.summary())")
            for sign in [1, -1, 0] {
                let list = ties.direct.filter { $0.sign == sign }
                print("\(label[sign]!) (\(list.count)):")
                for t in list {
                    print("  \(printer.name(t.actor))")
                    for r in printer.relations(of: t.via[0]) { print(printer.line(r, from: who.id, indent: "    ")) }
                }
            }
            for sign in [1, -1] {
                let list = ties.twoStep.filter { $0.sign == sign }
                let why = sign > 0 ? "friend of a friend, or enemy of an enemy" : "friend of an enemy, or enemy of a friend"
                print("two-step \(label[sign]!) (\(list.count); \(why)):")
                for t in list {
                    print("  \(printer.name(t.actor)) through \(printer.name(t.through!))")
                    for r in printer.relations(of: t.via[0]) { print(printer.line(r, from: who.id, indent: "    ")) }
                    for r in printer.relations(of: t.via[1]) { print(printer.line(r, from: t.through, indent: "    ")) }
                }
            }
        }
    }
}

// MARK: balance

struct Balance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Structural balance: the signed triangle census, unbalanced triangles with evidence, and the best split into two camps.",
        discussion: """
            Signs as in `allies`. A triangle is balanced when it has an even number of negative ties (+++, +−−). \
            The split into two camps minimises violated ties (negative inside a camp, positive across); it is \
            exact (branch and bound) for components of up to --exact-limit actors, and the best of seeded \
            local-search restarts beyond, which the output says.
            """)

    @Argument(help: "A graph file.") var file: String
    @OptionGroup var relations: FilterOptions
    @Flag(help: "Count meets as a positive tie.") var meetsPositive = false
    @Option(help: "Largest component solved exactly.") var exactLimit = 64
    @Option(help: "text or json.") var format: TextFormat = .text
    @Flag(help: "Do not read the cited documents (skip quote verification).") var noQuotes = false

    func run() throws {
        let graph = try loadGraph(file, verifyEvidence: !noQuotes).graph
        let signed = SignedGraph(graph, filter: try relations.filter(), signs: SignRule(meets: meetsPositive ? 1 : 0))
        let triangles = signed.triangles()
        let census = signed.triangleCensus()
        let unbalanced = triangles.filter { !$0.isBalanced }
        let split = signed.bestSplit(exactLimit: exactLimit)
        let printer = RelationPrinter(graph)
        let camps = [0, 1].map { c in signed.actors.indices.filter { split.camp[$0] == c }.map { signed.actors[$0] } }
        let patterns = ["+++", "++−", "+−−", "−−−"]
        switch format {
        case .json:
            print(OrderedValue.map([
                ("filter", .string(relations.summary())),
                ("signedPairs", .int(signed.dyads.count)),
                ("census", .map(patterns.map { ($0, .int(census[$0] ?? 0)) })),
                ("balancedShare", triangles.isEmpty ? .null : .double(Double(triangles.count - unbalanced.count) / Double(triangles.count))),
                ("unbalanced", .list(unbalanced.map { t in
                    .map([("actors", .list(t.actors.map { .string($0.rawValue) })), ("pattern", .string(t.pattern)),
                          ("relations", .list(t.dyads.flatMap(printer.relations(of:)).map(printer.json)))])
                })),
                ("ambivalent", .list(signed.ambivalentDyads.map { d in
                    .map([("actors", .list([d.a, d.b].map { .string(signed.actors[Int($0)].rawValue) })),
                          ("relations", .list(printer.relations(of: d).map(printer.json)))])
                })),
                ("split", .map([
                    ("exact", .bool(split.isExact)), ("method", .string(split.method)),
                    ("camps", .list(camps.map { .list($0.map { .string($0.rawValue) }) })),
                    ("violations", .list(split.violations.map { d in
                        .map([("actors", .list([d.a, d.b].map { .string(signed.actors[Int($0)].rawValue) })),
                              ("sign", .int(d.sign)), ("relations", .list(printer.relations(of: d).map(printer.json)))])
                    })),
                ])),
            ]).jsonText, terminator: "")
        case .text:
            print("signed pairs: \(signed.dyads.count) (\(relations.summary()); supports/hosts +, opposes −\(meetsPositive ? ", meets +" : ""))")
            print("triangles: \(triangles.count)   " + patterns.map { "\($0) \(census[$0] ?? 0)" }.joined(separator: " · "))
            if !triangles.isEmpty {
                print(String(format: "balanced: %d of %d (%.1f%%)", triangles.count - unbalanced.count, triangles.count,
                             100 * Double(triangles.count - unbalanced.count) / Double(triangles.count)))
            }
            print("unbalanced triangles (\(unbalanced.count)):")
            for t in unbalanced {
                print("  \(t.pattern)  " + t.actors.map(printer.name).joined(separator: " · "))
                for d in t.dyads { for r in printer.relations(of: d) { print(printer.line(r, indent: "    ")) } }
            }
            let ambivalent = signed.ambivalentDyads
            print("ambivalent pairs (\(ambivalent.count); both positive and negative evidence, left out of the census and the split):")
            for d in ambivalent {
                print("  " + [d.a, d.b].map { printer.name(signed.actors[Int($0)]) }.joined(separator: " · "))
                for r in printer.relations(of: d) { print(printer.line(r, indent: "    ")) }
            }
            print("two camps (\(split.method)): \(split.violations.count) tie\(split.violations.count == 1 ? "" : "s") violated")
            for (k, camp) in camps.enumerated() { print("  camp \(k + 1): " + camp.map(printer.name).joined(separator: ", ")) }
            for d in split.violations {
                print("  violated (\(d.sign > 0 ? "positive across camps" : "negative inside a camp")): "
                      + [d.a, d.b].map { printer.name(signed.actors[Int($0)]) }.joined(separator: " · "))
                for r in printer.relations(of: d) { print(printer.line(r, indent: "    ")) }
            }
        }
    }
}

// MARK: communities

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Communities (Louvain, fixed seed) with their modularity, plus weak and strong components and k-cores.")

    @Argument(help: "A graph file (.yaml, .json) or an edges table (.csv).") var file: String
    @OptionGroup var relations: FilterOptions
    @Option(help: "How parallel relations collapse: unit, count or field.") var weights: WeightRule = .unit
    @Option(help: "Modularity resolution γ.") var resolution: Double = 1
    @Option(help: "Seed for the node order.") var seed: UInt64 = 42
    @Option(help: "text or json.") var format: TextFormat = .text
    @Flag(help: "Do not read the cited documents (skip quote verification).") var noQuotes = false

    func run() throws {
        let graph = try loadAnyGraph(file, verifyEvidence: !noQuotes)
        let filter = try relations.filter()
        let view = AnalysisGraph(graph, filter: filter, mode: .directed, weights: weights)
        let result = view.louvain(weighted: weights != .unit, resolution: resolution, seed: seed)
        let weak = view.weakComponents(), strong = view.strongComponents()
        let cores = view.coreNumbers()
        let names = Dictionary(uniqueKeysWithValues: graph.actors.map { ($0.id, $0.name) })
        func name(_ v: Int32) -> String { names[view.nodeIDs[Int(v)]] ?? view.nodeIDs[Int(v)].rawValue }
        let maxCore = cores.max() ?? 0
        switch format {
        case .json:
            print(OrderedValue.map([
                ("filter", .string(relations.summary())), ("algorithm", .string("louvain")), ("seed", .number(String(seed))),
                ("resolution", .double(resolution)), ("modularity", .double(result.modularity)),
                ("communities", .list(result.groups.map { .list($0.map { .string(view.nodeIDs[Int($0)].rawValue) }) })),
                ("weakComponents", .list(weak.map { .list($0.map { .string(view.nodeIDs[Int($0)].rawValue) }) })),
                ("strongComponents", .list(strong.map { .list($0.map { .string(view.nodeIDs[Int($0)].rawValue) }) })),
                ("coreNumbers", .map(view.nodeIDs.enumerated().map { ($1.rawValue, .int(cores[$0])) })),
            ]).jsonText, terminator: "")
        case .text:
            print(String(format: "%d communities, modularity %.4f (Louvain, seed %llu, resolution %g; undirected view; %@)",
                         result.count, result.modularity, seed, resolution, relations.summary()))
            for (k, group) in result.groups.enumerated() {
                print("  \(k + 1). (\(group.count)) " + group.map(name).joined(separator: ", "))
            }
            print("weak components: \(weak.count) (largest \(weak.first?.count ?? 0)); strong components: \(strong.count) (largest \(strong.first?.count ?? 0))")
            let core = (0..<view.nodeCount).filter { cores[$0] == maxCore }.map { name(Int32($0)) }
            print("\(maxCore)-core (the innermost): " + core.joined(separator: ", "))
        }
    }
}
