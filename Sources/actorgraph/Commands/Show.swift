import ActorGraphCore
import ActorGraphFormats
import ArgumentParser

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one actor: aliases, memberships and members, and every relation in and out with its evidence.",
        discussion: "ACTOR is an id, name or alias, matched case- and diacritic-insensitively (\"sudani\" finds Mohammed Shia al-Sudani). An unknown or ambiguous name lists the closest candidates and exits 2.")

    @OptionGroup var input: InputOptions

    @Argument(help: "The actor: id, name or alias.")
    var actor: String

    func run() throws {
        let graph = try input.load()
        let node = try resolveActor(actor, in: graph)
        print(ActorListing(node, in: graph).text, terminator: "")
    }
}
