import ActorGraphCore
import ActorGraphFormats
import ActorGraphReport
import ArgumentParser

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed between two dates: relations begun and ended, and the actors whose centrality rank moved most.",
        discussion: """
            Begun: relations whose date falls between the first day of --from and the last of --to; \
            ended: those whose until does. Ranks compare the graph as of --from with the graph as of \
            --to (the --as-of rule: begun by then, not yet ended, dated), undirected, by --measure.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("The first date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("The second date.", valueName: "date"))
    var to: String

    @Option(help: "Centrality measure for the ranks (degree, pagerank, betweenness…).")
    var measure: Measure = .degree

    @Option(help: "How many movers to list (0: all).")
    var top: Int = 10

    @Option(help: ArgumentHelp("Relation types to keep, comma-separated.", valueName: "types"))
    var types: String?

    @Option(help: "text or json.")
    var format: TextFormat = .text

    func dates() throws -> (PartialDate, PartialDate) {
        guard let a = PartialDate(from) else { throw ValidationError("--from: invalid date '\(from)' (expected YYYY, YYYY-MM or YYYY-MM-DD)") }
        guard let b = PartialDate(to) else { throw ValidationError("--to: invalid date '\(to)' (expected YYYY, YYYY-MM or YYYY-MM-DD)") }
        guard !(b < a) else { throw ValidationError("--from \(a) is after --to \(b)") }
        return (a, b)
    }

    func validate() throws {
        _ = try dates()
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if let types {
            for t in types.split(separator: ",") where RelationType(rawValue: t.trimmingCharacters(in: .whitespaces)) == nil {
                throw ValidationError("--types: unknown value '\(t)'")
            }
        }
    }

    func run() throws {
        let graph = try input.load()
        let (a, b) = try dates()
        var filter = RelationFilter()
        if let types {
            filter.types = Set(types.split(separator: ",").compactMap { RelationType(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
        }
        let diff = try GraphDiff(graph: graph, from: a, to: b, measure: measure, filter: filter, top: top)
        switch format {
        case .json: print(try AnswerOutput.json(diff), terminator: "")
        case .text: print(diff.text(RelationFormatter(graph)), terminator: "")
        }
    }
}
