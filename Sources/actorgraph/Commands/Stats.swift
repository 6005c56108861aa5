import ActorGraphCore
import ActorGraphFormats
import ArgumentParser

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a graph: actors by kind, relations by type and modality, relations per document, date span.")

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or json (keys in docs/CLI.md).")
    var format: TextFormat = .text

    func run() throws {
        let report = StatisticsReport(try input.load())
        switch format {
        case .json: print(report.json, terminator: "")
        case .text: print(report.text(file: input.file), terminator: "")
        }
    }
}
