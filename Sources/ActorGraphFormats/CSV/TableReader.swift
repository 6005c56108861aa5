import ActorGraphCore
import Foundation

/// Reads the cells of one CSV table by column name, reporting problems at the cell and
/// recording in a ``SourceMap`` which cell each element's fields came from.
struct TableReader {
    typealias Element = GraphViolation.Element
    let table: CSVTable
    let file: String
    let index: [String: Int]
    /// The same as `index`, searched linearly: a table has a dozen columns, and comparing short
    /// names is cheaper than hashing them for every cell of every row.
    let columnList: [(name: String, index: Int)]
    private(set) var ok = true

    init(_ input: CSVGraph.Input, required: [String], allowed: [String], map: inout SourceMap) throws {
        table = try CSVTable.parse(input.bytes, file: input.file)
        file = input.file
        var index: [String: Int] = [:]
        var problems: [(String, SourcePlace)] = []
        for (k, name) in table.header.enumerated() {
            let place = SourcePlace(line: 1, column: table.headerColumns[k])
            let key = name.trimmingCharacters(in: .whitespaces)
            if !allowed.contains(key) {
                problems.append(("unknown column '\(key)'\(didYouMean(key, allowed)); expected some of: "
                                 + allowed.joined(separator: ", "), place))
            } else if index[key] != nil {
                problems.append(("duplicate column '\(key)'", place))
            } else {
                index[key] = k
            }
        }
        for name in required where index[name] == nil {
            problems.append(("missing required column '\(name)' (header: \(table.header.joined(separator: ",")))",
                             SourcePlace(line: 1, column: 1)))
        }
        for (message, place) in problems { map.error(message, file: file, at: place) }
        self.ok = problems.isEmpty
        self.index = index
        self.columnList = index.map { ($0.key, $0.value) }
    }

    /// The cell index of a column, if the table has it.
    @inline(__always) func position(of column: String) -> Int? {
        for c in columnList where c.name == column { return c.index }
        return nil
    }

    /// The rows to decode: none when the header is unusable.
    var rows: CSVTable.Rows { ok ? table.rows : CSVTable.Rows(bytes: [], starts: [], lines: []) }

    func place(_ row: CSVTable.Row, _ column: String) -> SourcePlace {
        SourcePlace(line: row.line, column: position(of: column).map { row.columns[$0] } ?? 1)
    }

    /// A problem only tables have (a quote without a document), named by its column.
    func error(_ row: CSVTable.Row, _ column: String, _ message: String, about element: Element?,
               map: inout SourceMap) {
        map.error("column '\(column)': \(message)", file: file, at: place(row, column),
                  about: element.map { .init($0, column) })
    }

    /// A decoding violation, at the row's cell for its field.
    func report(_ row: CSVTable.Row, _ violation: GraphViolation, column: String? = nil, map: inout SourceMap) {
        map.report(violation, at: place(row, column ?? violation.subject.field ?? ""), file: file)
    }

    /// The cell's text, or nil when the column is absent or the cell empty.
    func optional(_ row: CSVTable.Row, _ column: String) -> String? {
        guard let k = position(of: column) else { return nil }
        let cell = row.cells[k]
        return cell.isEmpty ? nil : cell
    }

    /// The cell's text, empty when absent (the validator reports empty required values).
    func text(_ row: CSVTable.Row, _ column: String) -> String { optional(row, column) ?? "" }

    /// A value from a closed vocabulary: nil, reported, when the cell is blank or unknown.
    func choice<T: VocabularyTerm>(_ row: CSVTable.Row, _ column: String, of type: T.Type, _ element: Element,
                                   required: Bool = true, map: inout SourceMap) -> T? {
        let text = text(row, column)
        if text.allSatisfy(\.isWhitespace) {
            if required { report(row, .empty(at: .init(element, column)), map: &map) }
            return nil
        }
        if let value = T(rawValue: text) { return value }
        report(row, .unknownValue(text, of: T.self, at: .init(element, column)), map: &map)
        return nil
    }

    func date(_ row: CSVTable.Row, _ column: String, _ element: Element, map: inout SourceMap) -> PartialDate? {
        guard let text = optional(row, column) else { return nil }
        if let date = PartialDate(text) { return date }
        report(row, .invalidDate(text, at: .init(element, column)), map: &map)
        return nil
    }

    func weight(_ row: CSVTable.Row, _ element: Element, map: inout SourceMap) -> Double? {
        guard let text = optional(row, "weight") else { return nil }
        if let value = Double(text), value.isFinite { return value }
        report(row, .invalidWeight(text, at: .init(element, "weight")), map: &map)
        return nil
    }
}
