import ActorGraphCore
import ActorGraphFormats
import ArgumentParser

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Communities (Louvain, fixed seed) with their modularity, plus weak and strong components and k-cores.")

    @OptionGroup var input: InputOptions
    @OptionGroup var relations: FilterOptions
    @Option(help: "How parallel relations collapse: unit, count or field.") var weights: WeightRule = .unit
    @Option(help: "Modularity resolution γ.") var resolution: Double = 1
    @Option(help: "Seed for the node order.") var seed: UInt64 = 42
    @Option(help: "text or json.") var format: TextFormat = .text

    func run() throws {
        let graph = try input.load()
        let view = graph.view(try relations.filter(), mode: .directed, weights: weights)
        let report = CommunitiesReport(communities: view.communities(resolution: resolution, seed: seed),
                                       components: view.components())
        switch format {
        case .json: print(try AnswerOutput.json(report), terminator: "")
        case .text: print(report.text(RelationFormatter(graph)), terminator: "")
        }
    }
}
