import ActorGraphCore
import ActorGraphFormats
import ArgumentParser

struct Balance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Structural balance: the signed triangle census, unbalanced triangles with evidence, and the best split into two camps.",
        discussion: """
            Signs as in `allies`. A triangle is balanced when it has an even number of negative ties (+++, +−−). \
            The split into two camps minimises violated ties (negative inside a camp, positive across); it is \
            exact (branch and bound) for components of up to --exact-limit actors, and the best of seeded \
            local-search restarts beyond, which the output says.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var relations: FilterOptions
    @Flag(help: "Count meets as a positive tie.") var meetsPositive = false
    @Option(help: "Largest component solved exactly.") var exactLimit = 64
    @Option(help: "text or json.") var format: TextFormat = .text

    func run() throws {
        let graph = try input.load()
        let report = graph.view(try relations.filter())
            .balance(signs: SignRule(meets: meetsPositive ? 1 : 0), exactLimit: exactLimit)
        switch format {
        case .json: print(try AnswerOutput.json(report), terminator: "")
        case .text: print(report.text(RelationFormatter(graph)), terminator: "")
        }
    }
}
