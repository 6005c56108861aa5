/// A parsed CSV table (RFC 4180): a header row and data rows, each cell with its place.
///
/// Fields are separated by commas; a field may be enclosed in double quotes, inside which `""`
/// stands for one quote and commas and line breaks are literal. Lines end with LF or CRLF.
/// A final line break is optional. Empty lines are skipped.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line where the row starts.
        public var line: Int
        public var cells: [String]
        /// 1-based column (in Unicode scalars) where each cell starts.
        public var columns: [Int]
    }

    public var header: [String]
    public var headerColumns: [Int]
    public var rows: [Row]

    /// Parses UTF-8 CSV bytes. Reports the first structural error (an unterminated quoted field,
    /// text after a closing quote, a row with the wrong number of cells) with its place.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(_ bytes: [UInt8], file: String) throws -> CSVTable {
        let text: String
        switch TextInput.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(.invalidUTF8(let place)):
            throw DiagnosticsError([Diagnostic(file: file, line: place.line, column: place.column,
                                               message: "the file is not UTF-8 text (invalid byte sequence)")])
        }
        var parser = Parser(text: text, file: file)
        var rows = try parser.parseRows()
        guard !rows.isEmpty else {
            throw DiagnosticsError([Diagnostic(file: file, message: "the file is empty; expected a header row")])
        }
        let header = rows.removeFirst()
        for row in rows where row.cells.count != header.cells.count {
            throw DiagnosticsError([Diagnostic(
                file: file, line: row.line, column: 1,
                message: "row has \(row.cells.count) cells but the header has \(header.cells.count)")])
        }
        return CSVTable(header: header.cells, headerColumns: header.columns, rows: rows)
    }

    private struct Parser {
        let bytes: [UInt8]
        let file: String
        var i = 0
        var line = 1
        var lineStart = 0

        init(text: String, file: String) {
            var b = Array(text.utf8)
            if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
            self.bytes = b
            self.file = file
        }

        /// 1-based column (in Unicode scalars) of byte offset `at` on the current line.
        func column(_ at: Int) -> Int {
            var count = 1
            for k in lineStart..<at where bytes[k] & 0xC0 != 0x80 { count += 1 }
            return count
        }

        func fail(_ message: String, at offset: Int) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(file: file, line: line, column: column(offset), message: message)])
        }

        mutating func parseRows() throws -> [Row] {
            var rows: [Row] = []
            let n = bytes.count
            while i < n {
                // Skip empty lines.
                if bytes[i] == UInt8(ascii: "\n") { i += 1; line += 1; lineStart = i; continue }
                if bytes[i] == UInt8(ascii: "\r"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "\n") {
                    i += 2; line += 1; lineStart = i; continue
                }
                let rowLine = line
                var cells: [String] = []
                var columns: [Int] = []
                while true {
                    columns.append(column(i))
                    if i < n, bytes[i] == UInt8(ascii: "\"") {
                        let openLine = line, openColumn = column(i)
                        i += 1
                        var cell: [UInt8] = []
                        var closed = false
                        while i < n {
                            let c = bytes[i]
                            if c == UInt8(ascii: "\"") {
                                if i + 1 < n, bytes[i + 1] == UInt8(ascii: "\"") {
                                    cell.append(c); i += 2; continue
                                }
                                i += 1; closed = true; break
                            }
                            if c == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
                            cell.append(c)
                            i += 1
                        }
                        if !closed {
                            throw DiagnosticsError([Diagnostic(
                                file: file, line: openLine, column: openColumn,
                                message: "unterminated quoted field")])
                        }
                        cells.append(String(decoding: cell, as: UTF8.self))
                        if i < n, !isFieldEnd(bytes[i]) {
                            throw fail("unexpected text after a closing quote (a quote inside a quoted "
                                       + "field must be doubled)", at: i)
                        }
                    } else {
                        let start = i
                        while i < n, !isFieldEnd(bytes[i]) {
                            if bytes[i] == UInt8(ascii: "\"") {
                                throw fail("a quote inside an unquoted field (enclose the field in quotes "
                                           + "and double the quote)", at: i)
                            }
                            i += 1
                        }
                        cells.append(String(decoding: bytes[start..<i], as: UTF8.self))
                    }
                    if i < n, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    // End of row.
                    if i < n, bytes[i] == UInt8(ascii: "\r") { i += 1 }
                    if i < n, bytes[i] == UInt8(ascii: "\n") { i += 1; line += 1; lineStart = i }
                    break
                }
                rows.append(Row(line: rowLine, cells: cells, columns: columns))
            }
            return rows
        }

        func isFieldEnd(_ c: UInt8) -> Bool {
            c == UInt8(ascii: ",") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")
        }
    }

    /// Writes rows as CSV: a field is quoted when it holds a comma, quote, CR or LF, or starts or
    /// ends with a space; quotes inside are doubled. Lines end with LF.
    public static func write(header: [String], rows: [[String]]) -> String {
        var out = ""
        func field(_ s: String) {
            let needsQuotes = s.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
                || s.hasPrefix(" ") || s.hasSuffix(" ")
            if needsQuotes {
                out += "\""
                out += s.replacingAll("\"", with: "\"\"")
                out += "\""
            } else {
                out += s
            }
        }
        for row in [header] + rows {
            for (j, cell) in row.enumerated() {
                if j > 0 { out += "," }
                field(cell)
            }
            out += "\n"
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
