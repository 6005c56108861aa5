import ActorGraphFormats
import Foundation
import Testing
import TestSupport

/// Every malformed input under Fixtures/malformed, with the complete diagnostics it must produce.
/// None may crash or hang; each must fail with exactly these messages, in this order.
struct MalformedInputTests {
    static let folder = RepositoryPaths.url("Tests/ActorGraphFormatsTests/Fixtures/malformed")

    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let expected: [String]
        var nodes: String? = nil
        var testDescription: String { file }
    }

    static let graphFiles: [Case] = [
        Case(file: "empty.yaml", expected: [
            "empty.yaml: error: the file is empty; expected a mapping with 'actors' and 'relations'"]),
        Case(file: "comments-only.yaml", expected: [
            "comments-only.yaml: error: the file is empty; expected a mapping with 'actors' and 'relations'"]),
        Case(file: "truncated.yaml", expected: [
            "truncated.yaml:17:40: error: syntax error: found unexpected end of stream (while scanning a quoted scalar at line 17)"]),
        Case(file: "truncated.json", expected: [
            "truncated.json:4:36: error: syntax error: found unexpected end of stream (while scanning a quoted scalar at line 4)"]),
        Case(file: "binary.yaml", expected: [
            "binary.yaml:3:122: error: the file is binary, not text (it has a NUL byte; UTF-16 is not read, save it as UTF-8)"]),
        Case(file: "nul-byte.yaml", expected: [
            "nul-byte.yaml:1:9: error: the file is binary, not text (it has a NUL byte; UTF-16 is not read, save it as UTF-8)"]),
        Case(file: "alias-bomb.yaml", expected: [
            "alias-bomb.yaml:1:38: error: the document expands to more than 200000 nodes (an alias bomb?)"]),
        Case(file: "deep-nesting.yaml", expected: [
            "deep-nesting.yaml:1:209: error: nesting is deeper than 200 levels"]),
        Case(file: "root-sequence.yaml", expected: [
            "root-sequence.yaml:1:1: error: expected the graph to be a mapping, found a sequence"]),
        Case(file: "multi-document.yaml", expected: [
            "multi-document.yaml:3:1: error: syntax error: but found another document (expected a single document in the stream at line 1)"]),
        Case(file: "tab-indentation.yaml", expected: [
            "tab-indentation.yaml:2:1: error: syntax error: found character that cannot start any token (while scanning for the next token at line 2)"]),
        Case(file: "duplicate-key.yaml", expected: [
            "duplicate-key.yaml:4:5: error: duplicate key 'name' in a mapping"]),
        Case(file: "unknown-keys.yaml", expected: [
            "unknown-keys.yaml:6:5: error: unknown key 'nmae' in an actor (did you mean 'name'?)",
            "unknown-keys.yaml:12:1: error: unknown key 'relatons' in the graph (did you mean 'relations'?)",
            "unknown-keys.yaml:15:5: error: unknown key 'sourse' in a relation (did you mean 'source'?)",
            "unknown-keys.yaml:22:9: error: unknown key 'page' in an evidence entry"]),
        Case(file: "wrong-types.yaml", expected: [
            "wrong-types.yaml:1:8: error: expected 'title' to be a string, found a sequence",
            "wrong-types.yaml:2:12: error: expected 'documents' to be a sequence, found a mapping",
            "wrong-types.yaml:5:11: error: expected 'name' to be a string, found a mapping",
            "wrong-types.yaml:7:14: error: expected 'aliases' to be a sequence, found a scalar",
            "wrong-types.yaml:8:5: error: expected an actor to be a mapping, found a scalar"]),
        Case(file: "wrong-types.json", expected: [
            "wrong-types.json:2:13: error: expected 'actors' to be a sequence, found a scalar",
            "wrong-types.json:4:16: error: unknown actor 'hamas' as source",
            "wrong-types.json:4:35: error: unknown actor 'iraq-gov' as target",
            "wrong-types.json:4:77: error: invalid weight 'heavy' (expected a finite number)",
            "wrong-types.json:5:18: error: expected 'evidence' to be a sequence, found a mapping"]),
        Case(file: "missing-fields.yaml", expected: [
            "missing-fields.yaml:5:5: error: an actor is missing required key 'kind'",
            "missing-fields.yaml:7:5: error: an actor is missing required key 'id'",
            "missing-fields.yaml:9:5: error: an actor is missing required key 'name'",
            "missing-fields.yaml:13:5: error: a relation is missing required key 'type'",
            "missing-fields.yaml:16:9: error: an evidence entry is missing required key 'quote'",
            "missing-fields.yaml:17:5: error: a relation is missing required key 'source'"]),
        Case(file: "duplicate-ids.yaml", expected: [
            "duplicate-ids.yaml:4:9: error: duplicate document id 'art' (first defined at 2:9)",
            "duplicate-ids.yaml:13:9: error: duplicate actor id 'hamas' (first defined at 7:9)",
            "duplicate-ids.yaml:22:9: error: duplicate relation id 'r1' (first defined at 17:9)"]),
        Case(file: "bad-references.yaml", expected: [
            "bad-references.yaml:8:24: error: unknown actor 'axis-of-resistence' as memberOf of 'hamas'",
            "bad-references.yaml:13:13: error: unknown actor 'hamaz' as source (did you mean 'hamas'?)",
            "bad-references.yaml:18:13: error: unknown actor 'israel' as target",
            "bad-references.yaml:20:27: error: unknown document 'artt' (did you mean 'art'?)"]),
        Case(file: "bad-vocabulary.yaml", expected: [
            "bad-vocabulary.yaml:7:11: error: unknown actor kind 'milita' (did you mean 'militia'?); expected one of: government, militia, organization, person, international, group",
            "bad-vocabulary.yaml:14:11: error: unknown relation type 'support' (did you mean 'supports'?); expected one of: supports, meets, opposes, hosts",
            "bad-vocabulary.yaml:15:15: error: unknown modality 'rumoured'; expected one of: asserted, reported, possible, denied"]),
        Case(file: "bad-dates.yaml", expected: [
            "bad-dates.yaml:15:11: error: invalid date '2023-13-01' for 'date' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
            "bad-dates.yaml:20:11: error: invalid date '2023-02-29' for 'date' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
            "bad-dates.yaml:25:11: error: invalid date 'Jan 2023' for 'date' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
            "bad-dates.yaml:31:12: error: 'until' 2023-05-31 is before 'date' 2023-06",
            "bad-dates.yaml:36:11: error: invalid date '23-01-09' for 'date' (expected YYYY, YYYY-MM or YYYY-MM-DD)"]),
        Case(file: "empty-quote.yaml", expected: [
            "empty-quote.yaml:17:16: error: empty quote",
            "empty-quote.yaml:19:16: error: empty quote"]),
        Case(file: "quote-not-in-document.yaml", expected: [
            "quote-not-in-document.yaml:21:16: error: quote not found in document 'art': \"Hamas condemned the Iraqi government\""]),
        Case(file: "path-escape.yaml", expected: [
            "path-escape.yaml:2:9: error: document 'secret' path '../../../../../../etc/passwd' resolves outside the corpus folder (the graph file's folder)",
            "path-escape.yaml:4:9: error: document 'absolute' path '/etc/hostname' resolves outside the corpus folder (the graph file's folder)"]),
        Case(file: "membership-cycle.yaml", expected: [
            "membership-cycle.yaml:13:24: error: memberOf cycle: a → b → c → a",
            "membership-cycle.yaml:17:24: error: memberOf cycle: d → d"]),
        Case(file: "bad-country-self-loop.yaml", expected: [
            "bad-country-self-loop.yaml:8:14: error: invalid country 'Palestine' (expected an ISO 3166-1 alpha-2 code such as IQ)",
            "bad-country-self-loop.yaml:11:13: warning: relation joins 'hamas' to itself (kept; analysis leaves self-relations out)"]),
    ]

    static let csvFiles: [Case] = [
        Case(file: "csv-empty.csv", expected: ["csv-empty.csv: error: the file is empty; expected a header row"]),
        Case(file: "csv-binary.csv", expected: [
            "csv-binary.csv:2:4: error: the file is not UTF-8 text (invalid byte sequence)"]),
        Case(file: "csv-bad-header.csv", expected: [
            "csv-bad-header.csv:1:1: error: missing required column 'source' (header: sourse,target,kind)",
            "csv-bad-header.csv:1:1: error: missing required column 'type' (header: sourse,target,kind)",
            "csv-bad-header.csv:1:1: error: unknown column 'sourse' (did you mean 'source'?); expected some of: id, source, target, type, label, date, until, modality, document, quote, weight, notes",
            "csv-bad-header.csv:1:15: error: unknown column 'kind'; expected some of: id, source, target, type, label, date, until, modality, document, quote, weight, notes"]),
        Case(file: "csv-unterminated.csv", expected: ["csv-unterminated.csv:3:25: error: unterminated quoted field"]),
        Case(file: "csv-ragged.csv", expected: ["csv-ragged.csv:3:1: error: row has 2 cells but the header has 3"]),
        Case(file: "csv-stray-quote.csv", expected: [
            "csv-stray-quote.csv:2:4: error: a quote inside an unquoted field (enclose the field in quotes and double the quote)"]),
        Case(file: "csv-bad-values.csv", expected: [
            "csv-bad-values.csv:2:16: error: unknown relation type 'suports' (did you mean 'supports'?); expected one of: supports, meets, opposes, hosts",
            "csv-bad-values.csv:3:25: error: invalid date '2023-1-9' for 'date' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
            "csv-bad-values.csv:4:26: error: unknown modality 'maybe'; expected one of: asserted, reported, possible, denied",
            "csv-bad-values.csv:4:32: error: column 'document': a quote needs a document",
            "csv-bad-values.csv:5:7: warning: relation joins 'hamas' to itself (kept; analysis leaves self-relations out)"]),
        Case(file: "csv-nodes-edges.csv", expected: [
            "csv-nodes.csv:2:13: error: unknown actor kind 'organisation' (did you mean 'organization'?); expected one of: government, militia, organization, person, international, group",
            "csv-nodes-edges.csv:3:7: error: unknown actor 'israel' as target"],
             nodes: "csv-nodes.csv"),
    ]

    @Test(arguments: graphFiles)
    func graphFileDiagnostics(_ c: Case) throws {
        let url = Self.folder.appendingPathComponent(c.file)
        let error = #expect(throws: DiagnosticsError.self) {
            try GraphFileReader.read(contentsOf: url, displayPath: c.file)
        }
        #expect(error?.diagnostics.map(\.description) == c.expected)
    }

    @Test(arguments: csvFiles)
    func csvDiagnostics(_ c: Case) throws {
        func input(_ name: String) throws -> CSVGraph.Input {
            CSVGraph.Input(file: name, bytes: Array(try Data(contentsOf: Self.folder.appendingPathComponent(name))))
        }
        let edges = try input(c.file)
        let nodes = try c.nodes.map(input)
        let error = #expect(throws: DiagnosticsError.self) { try CSVGraph.graph(edges: edges, nodes: nodes) }
        #expect(error?.diagnostics.map(\.description) == c.expected)
    }

    @Test func everyFixtureIsCovered() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0 != "article.txt" && $0 != "csv-nodes.csv" }
        let covered = Set((Self.graphFiles + Self.csvFiles).map(\.file))
        #expect(Set(names) == covered)
        #expect(covered.count >= 25)
    }

    @Test func theCitedQuotesOfTheFixtureCorpusVerify() throws {
        // The two valid quotes of quote-not-in-document.yaml differ from the document only by
        // typographic quotes and white space: they must pass, or the fixture proves nothing.
        let url = Self.folder.appendingPathComponent("quote-not-in-document.yaml")
        let error = #expect(throws: DiagnosticsError.self) { try GraphFileReader.read(contentsOf: url) }
        #expect(error?.diagnostics.count == 1)
    }
}
