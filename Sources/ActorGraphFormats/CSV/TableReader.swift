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

    /// A column's name with its cell index looked up once, for loops over many rows.
    struct Column {
        let name: String
        let position: Int?
    }

    func column(_ name: String) -> Column { Column(name: name, position: position(of: name)) }

    /// The cell's text, or nil when the column is absent or the cell empty.
    @inline(__always) func optional(_ row: CSVTable.Row, _ column: Column) -> String? {
        guard let k = column.position else { return nil }
        let cell = row.cells[k]
        return cell.isEmpty ? nil : cell
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
    func optional(_ row: CSVTable.Row, _ column: String) -> String? { optional(row, self.column(column)) }

    /// The cell's text, empty when absent (the validator reports empty required values).
    func text(_ row: CSVTable.Row, _ column: String) -> String { optional(row, column) ?? "" }
    func text(_ row: CSVTable.Row, _ column: Column) -> String { optional(row, column) ?? "" }

    /// A value from a closed vocabulary: nil, reported, when the cell is blank or unknown.
    func choice<T: VocabularyTerm>(_ row: CSVTable.Row, _ column: String, of type: T.Type, _ element: Element,
                                   required: Bool = true, map: inout SourceMap) -> T? {
        choice(row, self.column(column), of: type, element, required: required, map: &map)
    }

    func choice<T: VocabularyTerm>(_ row: CSVTable.Row, _ column: Column, of type: T.Type, _ element: Element,
                                   required: Bool = true, map: inout SourceMap) -> T? {
        let text = text(row, column)
        // The common cases first, without the character walk or the generic string switch: an
        // absent or empty cell, then an exact term (equal short strings compare as one word).
        if !text.isEmpty {
            for term in T.allCases where term.rawValue == text { return term }
        }
        if text.isEmpty || text.allSatisfy(\.isWhitespace) {
            if required { report(row, .empty(at: .init(element, column.name)), map: &map) }
            return nil
        }
        report(row, .unknownValue(text, of: T.self, at: .init(element, column.name)), map: &map)
        return nil
    }

    func date(_ row: CSVTable.Row, _ column: String, _ element: Element, map: inout SourceMap) -> PartialDate? {
        date(row, self.column(column), element, map: &map)
    }

    func date(_ row: CSVTable.Row, _ column: Column, _ element: Element, map: inout SourceMap) -> PartialDate? {
        guard let text = optional(row, column) else { return nil }
        if let date = PartialDate(text) { return date }
        report(row, .invalidDate(text, at: .init(element, column.name)), map: &map)
        return nil
    }

    func weight(_ row: CSVTable.Row, _ element: Element, map: inout SourceMap) -> Double? {
        weight(row, column("weight"), element, map: &map)
    }

    func weight(_ row: CSVTable.Row, _ column: Column, _ element: Element, map: inout SourceMap) -> Double? {
        guard let text = optional(row, column) else { return nil }
        if let value = Self.simpleDecimal(text) ?? Double(text), value.isFinite { return value }
        report(row, .invalidWeight(text, at: .init(element, column.name)), map: &map)
        return nil
    }

    /// `-?DIGITS(.DIGITS)?` with at most 15 significant digits, as `Double(text)` reads it, without
    /// the general parser; nil for anything else (the caller then uses `Double(text)`). Exact: the
    /// digits make an integer below 2^53 and the divisor a power of ten up to 10^22, both exactly
    /// representable, so the one IEEE division is correctly rounded, as the general parser is.
    static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    static func simpleDecimal(_ text: String) -> Double? {
        var mantissa: UInt64 = 0, digits = 0, fraction = 0, negative = false, seenPoint = false, index = 0
        for byte in text.utf8 {
            defer { index += 1 }
            switch byte {
            case UInt8(ascii: "-") where index == 0: negative = true
            case UInt8(ascii: "."):
                guard !seenPoint, digits > 0 else { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { fraction += 1 }
                guard digits <= 15 else { return nil }
            default: return nil
            }
        }
        guard digits > 0, !seenPoint || fraction > 0 else { return nil }
        let value = Double(mantissa) / Self.powersOfTen[fraction]
        return negative ? -value : value
    }
}
