import ActorGraphCore
import ActorGraphFormats
import ArgumentParser
import Foundation

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank actors by centrality: degree, betweenness, closeness, harmonic, eigenvector, PageRank, Katz, core number.",
        discussion: """
            Measures (comma-separated; the first sorts): degree, in-degree, out-degree, supports, meets, \
            opposes, hosts (relations of that type), betweenness, closeness, harmonic, eigenvector, \
            pagerank, katz, core. Values follow networkx's definitions (docs/CLI.md); eigenvector, PageRank \
            and Katz run to their fixed point unless --tolerance says otherwise. The graph is the view given \
            by the filter, the direction mode and the weight rule; parallel relations of a pair count once \
            unless --weights count or field. Above \(Self.costlyPairs) actor·edge products, the all-pairs \
            measures (betweenness, closeness, harmonic) say on stderr what they will cost.
            """)

    @OptionGroup var input: InputOptions

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

    @Option(help: "Per-actor tolerance of eigenvector, PageRank and Katz: stop when an iteration changes the scores by less than n × this in L1 (1e-6 is networkx's default; the default runs to the fixed point).")
    var tolerance: Double = CentralityOptions.fixedPointTolerance

    /// Actor·edge products above which all-pairs measures get a cost warning.
    static let costlyPairs = 50_000_000

    /// The measures asked for, in order.
    var measures: [Measure] {
        get throws {
            try measure.split(separator: ",").map { part in
                let name = part.trimmingCharacters(in: .whitespaces).lowercased()
                guard let m = Measure(rawValue: name) else {
                    throw ValidationError("unknown measure '\(name)'; expected: " + Measure.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return m
            }
        }
    }

    func validate() throws {
        _ = try measures
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1") }
        if !(tolerance > 0) { throw ValidationError("--tolerance must be positive") }
    }

    func run() throws {
        let graph = try input.load()
        let view = graph.view(try relations.filter(), mode: mode, weights: weights)
        var options = CentralityOptions()
        options.weighted = weighted
        options.normalized = !raw
        options.endpoints = endpoints
        options.sample = sample
        options.damping = damping
        options.alpha = alpha
        options.tolerance = tolerance
        let scores = try measures.map { m in
            var o = options
            if m.isAllPairs { o.progress = ProgressNotice.announce(m, view: view, sample: sample) }
            return try view.centrality(m, options: o)
        }
        let report = CentralityReport(view: view, scores: scores, top: top)
        switch format {
        case .json: print(try AnswerOutput.json(report), terminator: "")
        case .csv: print(report.csv, terminator: "")
        case .table: print(report.text, terminator: "")
        }
    }
}
