import ActorGraphCore
import ActorGraphExtraction
import ActorGraphFormats
import ArgumentParser
import Foundation

extension GraphFileWriter.Syntax: ExpressibleByArgument {}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose relations between a graph's actors from article text, each with its verbatim sentence.",
        discussion: """
            Writes a candidates file: a graph file (docs/FORMAT.md) holding the graph's actors, \
            proposed new actors (ids new-…, notes 'proposed; …'), the articles as documents and one \
            relation per candidate, whose notes carry confidence, rule and review status. \
            Review it with `actorgraph review`, then `actorgraph merge`. Pipeline, lexicon format \
            and measured accuracy: docs/EXTRACTION.md.
            """)

    @Argument(help: "Article text files (UTF-8).")
    var articles: [String]

    @Option(help: "The graph whose actors are looked for (.yaml, .yml, .json).")
    var graph: String

    @Option(name: .shortAndLong, help: "The candidates file to write (.yaml, .yml, .json), or - for stdout.")
    var output: String

    @Option(help: "Document id (one article only; default: the file name without extension).")
    var documentID: String?

    @Option(help: "Publication date YYYY[-MM[-DD]] for relative dates (default: the article's date line).")
    var date: String?

    @Option(help: "Output syntax (default: from the output's extension, else yaml).")
    var format: GraphFileWriter.Syntax?

    @Option(help: "A trigger lexicon to use instead of the bundled one (copy Resources/lexicon.txt and edit it).")
    var lexicon: String?

    func validate() throws {
        if documentID != nil && articles.count != 1 {
            throw ValidationError("--document-id goes with one article")
        }
        if let date, PartialDate(date) == nil {
            throw ValidationError("invalid --date '\(date)' (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        if output != "-" && format == nil && syntax(forPath: output) == nil {
            throw ValidationError("the output must end in .yaml, .yml or .json (or give --format)")
        }
    }

    func run() throws {
        var dictionary = try loadGraph(graph, verifyEvidence: false).graph
        dictionary.relations = []
        let lexiconData = try lexicon.map { try Lexicon.load(contentsOf: URL(fileURLWithPath: $0)) } ?? Lexicon.bundled()
        let extractor = Extractor(graph: dictionary, lexicon: lexiconData, gazetteer: try Gazetteer.bundled())
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        var results: [(Document, ExtractionResult)] = []
        var ids = Set<String>()
        for article in articles {
            let text = String(decoding: try readBytes(article, limits: .text), as: UTF8.self)
            let url = URL(fileURLWithPath: article, relativeTo: cwd).standardizedFileURL
            var id = documentID ?? url.deletingPathExtension().lastPathComponent
            var k = 2
            while !ids.insert(id).inserted { id = (documentID ?? url.deletingPathExtension().lastPathComponent) + "-\(k)"; k += 1 }
            let result = extractor.extract(text: text, document: DocumentID(id), date: date.flatMap(PartialDate.init))
            let title = text.split(whereSeparator: \.isNewline).first.map { TextFolding.singleLine(String($0)) }
            let document = Document(id: DocumentID(id), path: RelativePath.from(cwd, to: url),
                                    title: title.map { $0.count > 160 ? String($0.prefix(160)) + "…" : $0 },
                                    published: result.articleDate)
            results.append((document, result))
        }
        var candidates = CandidateFile.graph(dictionary: dictionary, articles: results)
        let syntax = format ?? syntax(forPath: output) ?? .yaml
        if output != "-" {
            candidates = candidates.relocatingCorpus(from: cwd.appendingPathComponent("candidates"),
                                                     to: URL(fileURLWithPath: output))
        }
        let text = GraphFileWriter.text(for: candidates, syntax: syntax)
        // The file must read back clean, every quote verified, before it is written.
        let folder = output == "-" ? cwd : URL(fileURLWithPath: output, relativeTo: cwd).deletingLastPathComponent()
        _ = try GraphFileReader.parse(bytes: Array(text.utf8), file: output, baseDirectory: folder)
        try writeOutput(text, to: output)
        let all = results.flatMap(\.1.candidates)
        let byType = RelationType.allCases.map { type in "\(all.filter { $0.type == type }.count) \(type.rawValue)" }
        let proposed = Set(results.flatMap(\.1.proposals).map(\.id)).count
        printError("extracted \(all.count) candidates (\(byType.joined(separator: ", "))) from \(articles.count) "
                   + "article\(articles.count == 1 ? "" : "s"), \(proposed) proposed actor\(proposed == 1 ? "" : "s")"
                   + (output == "-" ? "" : "; wrote \(output)"))
    }
}
