import ActorGraphCore
import ActorGraphFormats
import ArgumentParser

struct Allies: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "An actor's allies and adversaries: direct ties and two-step ones (the enemy of my enemy), with evidence.",
        discussion: """
            Signs: supports and hosts +, opposes −, meets none (--meets-positive to count meetings as +). \
            Direction is ignored. A pair with both positive and negative relations is ambivalent: listed as \
            such, never netted, and not followed for two-step ties.
            """)

    @OptionGroup var input: InputOptions
    @Argument(help: "The actor (id, name or alias).") var actor: String
    @OptionGroup var relations: FilterOptions
    @Flag(help: "Count meets as a positive tie.") var meetsPositive = false
    @Option(help: "text or json.") var format: TextFormat = .text

    func run() throws {
        let graph = try input.load()
        let who = try resolveActor(actor, in: graph)
        let report = try graph.view(try relations.filter())
            .allies(of: who.id, signs: SignRule(meets: meetsPositive ? 1 : 0))
        switch format {
        case .json: print(try AnswerOutput.json(report), terminator: "")
        case .text: print(report.text(RelationFormatter(graph)), terminator: "")
        }
    }
}
