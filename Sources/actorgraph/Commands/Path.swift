import ActorGraphCore
import ActorGraphFormats
import ArgumentParser
import Foundation

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "How two actors are connected: shortest paths, every hop with its relations, dates, modality and quotes.",
        discussion: """
            By default relations are followed either way (undirected); --directed follows them from source \
            to target (meets both ways). Exit status 3 when there is no path: an answer, not an error. \
            With --pairs, a CSV file of questions (header from,to; names, aliases or ids) is answered in one \
            run on one view: exit 0 when every name was found, 2 when some were not (each reported with its \
            line and column), and the answers of the others are printed all the same.
            """)

    @OptionGroup var input: InputOptions
    @Argument(help: "From this actor (id, name or alias).") var from: String?
    @Argument(help: "To this actor.") var to: String?

    @Option(help: ArgumentHelp("A CSV file of questions with columns from,to, answered in one run.", valueName: "file"))
    var pairs: String?
    @Option(help: "The k shortest simple paths (Yen).") var k: Int?
    @Flag(help: "Every shortest path (at most 100).") var all = false
    @OptionGroup var relations: FilterOptions
    @Flag(help: "Follow relations from source to target only (meets both ways).") var directed = false
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Actors the path may not pass through.", valueName: "actor"))
    var avoid: [String] = []
    @Flag(help: "Minimise the sum of relation weights (weights: field) instead of hops.") var weighted = false
    @Option(help: "text, csv or json (csv: one row per path).") var format: PathFormat = .text

    enum PathFormat: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    func validate() throws {
        if let k, k < 1 { throw ValidationError("--k must be at least 1") }
        if k != nil && all { throw ValidationError("--k and --all do not go together") }
        if pairs == nil && (from == nil || to == nil) { throw ValidationError("give FROM and TO, or --pairs FILE") }
        if pairs != nil && (from != nil || to != nil) { throw ValidationError("--pairs replaces FROM and TO") }
    }

    func run() throws {
        let graph = try input.load()
        let avoided = Set(try avoid.map { try resolveActor($0, in: graph).id })
        let view = graph.view(try relations.filter(), mode: directed ? .directed : .undirected,
                              weights: weighted ? .field : .unit, avoiding: avoided)
        let search: PathSearch = all ? .allShortest(limit: 100) : k.map { .kShortest($0) } ?? .shortest
        let questions = PathQuestions(view)
        let formatter = RelationFormatter(graph)
        var answers: [PathAnswer] = []
        var unresolved = 0
        if let pairs {
            let table = try CSVTable.parse(try readBytes(pairs, limits: .table), file: pairs)
            let names = ActorNames(graph)
            let columns = try Self.columns(of: table, file: pairs)
            for row in table.rows {
                var ends: [ActorID] = []
                for c in columns {
                    do {
                        ends.append(try names.resolve(row.cells[c]))
                    } catch {
                        printError("\(pairs):\(row.line):\(row.columns[c]): \(Exit.message(of: error))")
                    }
                }
                guard ends.count == 2 else { unresolved += 1; continue }
                answers.append(try questions.answer(from: ends[0], to: ends[1], search: search, weighted: weighted))
            }
            if unresolved > 0 {
                printError("\(pairs): \(table.rows.count) questions: \(answers.count) answered, \(unresolved) skipped (unknown or ambiguous actors)")
            }
        } else {
            let source = try resolveActor(from!, in: graph).id, target = try resolveActor(to!, in: graph).id
            answers = [try questions.answer(from: source, to: target, search: search, weighted: weighted)]
        }
        switch format {
        case .json:
            print(try pairs == nil ? AnswerOutput.json(answers[0]) : AnswerOutput.json(PathBatch(pairs: answers)), terminator: "")
        case .csv:
            print(CSVTable.write(header: PathAnswer.csvHeader, rows: answers.flatMap(\.csvRows)), terminator: "")
        case .text:
            print(answers.map { $0.text(formatter) }.joined(separator: pairs == nil ? "" : "\n"), terminator: "")
        }
        if unresolved > 0 { throw ExitCode(Exit.unknownActor) }
        if pairs == nil && !answers[0].found { throw ExitCode(Exit.noPath) }
    }

    /// The columns holding the two ends: `from,to` or `source,target`, matched case-insensitively.
    static func columns(of table: CSVTable, file: String) throws -> [Int] {
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for (a, b) in [("from", "to"), ("source", "target")] {
            if let i = header.firstIndex(of: a), let j = header.firstIndex(of: b) { return [i, j] }
        }
        throw DiagnosticsError([Diagnostic(file: file, line: 1, column: 1, severity: .error,
                                           message: "the pairs table needs the columns from,to (or source,target); it has: \(table.header.joined(separator: ","))")])
    }
}
