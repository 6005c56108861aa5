import ActorGraphCore
import ActorGraphFormats
import ArgumentParser

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "How two actors are connected: shortest paths, every hop with its relations, dates, modality and quotes.",
        discussion: """
            By default relations are followed either way (undirected); --directed follows them from source \
            to target (meets both ways). Exit status 3 when there is no path: an answer, not an error.
            """)

    @OptionGroup var input: InputOptions
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

    func validate() throws {
        if let k, k < 1 { throw ValidationError("--k must be at least 1") }
        if k != nil && all { throw ValidationError("--k and --all do not go together") }
    }

    func run() throws {
        let graph = try input.load()
        let source = try resolveActor(from, in: graph).id
        let target = try resolveActor(to, in: graph).id
        let avoided = Set(try avoid.map { try resolveActor($0, in: graph).id })
        let view = graph.view(try relations.filter(), mode: directed ? .directed : .undirected,
                              weights: weighted ? .field : .unit, avoiding: avoided)
        let search: PathSearch = all ? .allShortest(limit: 100) : k.map { .kShortest($0) } ?? .shortest
        let answer = try view.paths(from: source, to: target, search: search, weighted: weighted)
        switch format {
        case .json: print(try AnswerOutput.json(answer), terminator: "")
        case .text: print(answer.text(RelationFormatter(graph)), terminator: "")
        }
        if !answer.found { throw ExitCode(Exit.noPath) }
    }
}
