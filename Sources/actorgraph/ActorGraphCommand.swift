import ActorGraphRendering
import ArgumentParser

@main
struct ActorGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actorgraph",
        abstract: "Actor relationship graphs: who supports, meets, opposes and hosts whom, with evidence.",
        discussion: """
            Exit status: 0 success; 1 the input has errors or an output cannot be written;
            2 a named actor is unknown or ambiguous; 3 no path (an answer of `path`); 64 bad usage.
            """,
        version: "0.2.0",
        subcommands: [Validate.self, Stats.self, Show.self, PathCommand.self, Centrality.self, Allies.self, Balance.self,
                      CommunitiesCommand.self, Render.self, LayoutCommand.self, Import.self, Export.self,
                      Extract.self, Review.self, Merge.self, Report.self, Serve.self, Diff.self]
    )

    /// Parses, runs, and maps every error to its exit status in one place (``Exit``).
    static func main() {
        // The Graphviz sandbox's worker (DOTSandbox): hidden, no argument parsing, never returns.
        let arguments = CommandLine.arguments
        if arguments.count > 1 && arguments[1] == DOTSandbox.workerCommand {
            DOTSandbox.workerMain(Array(arguments.dropFirst(2)))
        }
        returnLargeBuffersPromptly()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: Exit.reported(error))
        }
    }
}
